package dev.ringlab.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.balancer.RunningBalancer.Answer;
import dev.ringlab.ring.RequestKey;
import dev.ringlab.ring.Server;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Weights over real HTTP on real replica processes: set at {@code POST /add}, listed by {@code GET /weights}. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeightsApiTest {

    private static RunningBalancer balancer;

    @BeforeAll
    static void start() throws Exception {
        balancer = RunningBalancer.start(1, true, null);
    }

    @AfterAll
    static void stop() {
        balancer.close();
    }

    @Test
    @Order(1)
    void weightsSetAtAddTakeVirtualNodesInProportionAndRepStaysClassic() {
        Answer added = balancer.post("/add", "{\"n\":3,\"hostnames\":[\"Big\",\"Small\"],\"weights\":[3,1]}");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).isEqualTo("{\"message\":{\"N\":4,\"replicas\":[\"Server 1\",\"Big\",\"Small\","
                + "\"Server 4\"]},\"status\":\"successful\"}");
        assertThat(balancer.get("/rep").body()).isEqualTo(added.body());
        Answer weights = balancer.get("/weights");
        assertThat(weights.status()).isEqualTo(200);
        assertThat(weights.body()).isEqualTo("{\"message\":{\"N\":4,\"replicas\":[\"Server 1\",\"Big\",\"Small\","
                + "\"Server 4\"],\"weights\":[1,3,1,1]},\"status\":\"successful\"}");
        // Where each one runs: one entry per server on the ring, in /rep's order, with its real address.
        Answer replicas = balancer.get("/replicas");
        assertThat(replicas.status()).isEqualTo(200);
        for (Server server : balancer.cluster.ring().servers()) {
            var replica = balancer.cluster.replicaOf(server);
            assertThat(replicas.body()).contains("{\"name\":\"" + server.name() + "\",\"address\":\""
                    + replica.addressText() + "\",\"node\":null,\"backend_id\":\"" + replica.backendId()
                    + "\",\"weight\":" + server.weight() + "}");
        }
        assertThat(replicas.body()).startsWith("{\"message\":{\"N\":4,\"replicas\":[{\"name\":\"Server 1\"");
        var ring = balancer.cluster.ring();
        Server big = ring.servers().get(1);
        assertThat(ring.virtualNodesOf(big)).hasSize(27);
        assertThat(ring.virtualNodesOf(ring.servers().get(2))).hasSize(9);
        // A request still goes where the (weighted) ring sends it.
        for (String key : List.of("1", "42", "user-7")) {
            Server owner = ring.route(RequestKey.of(key));
            assertThat(balancer.get("/home?key=" + key).body()).contains("Hello from Server: " + owner.name());
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        POST   | {"n":1,"weights":[0]}                    | each at least 1
        POST   | {"n":1,"weights":[-2]}                   | each at least 1
        POST   | {"n":1,"weights":[1.5]}                  | whole numbers
        POST   | {"n":1,"weights":["2"]}                  | whole numbers
        POST   | {"n":1,"weights":[99999999999]}          | whole numbers
        POST   | {"n":1,"weights":2}                      | must be a list
        POST   | {"n":1,"weights":[2,1]}                  | got 2 for n=1
        POST   | {"n":1,"weights":[60]}                   | the ring has room for a total weight of
        POST   | {"n":2,"weights":[30,30]}                | 512 slots, 9 virtual nodes per unit of weight
        DELETE | {"n":1,"weights":[1]}                    | weights belong to POST /add
        """)
    void badWeightsAreAOneLine400NamingTheLimitsAndChangeNothing(String method, String body, String reason) {
        String before = balancer.get("/weights").body();
        int processes = balancer.backend.list().size();

        Answer answer = method.equals("POST") ? balancer.post("/add", body) : balancer.delete("/rm", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).startsWith("<Error> ").contains(reason).doesNotContain("\n");
        assertThat(balancer.get("/weights").body()).isEqualTo(before);
        assertThat(balancer.backend.list()).hasSize(processes);
    }
}
