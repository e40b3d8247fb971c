package dev.ringlab.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.balancer.RunningBalancer.Answer;
import dev.ringlab.cluster.Replica;
import dev.ringlab.ring.RequestKey;
import dev.ringlab.ring.Server;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row and every error of the classic API, over HTTP, against three real replica processes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalancerApiTest {

    private static RunningBalancer balancer;

    @BeforeAll
    static void start() throws Exception {
        balancer = RunningBalancer.start(3, true, null);
    }

    @AfterAll
    static void stop() {
        balancer.close();
    }

    @Test
    @Order(1)
    void repListsTheReplicasInTheClassicShape() {
        Answer rep = balancer.get("/rep");

        assertThat(rep.status()).isEqualTo(200);
        assertThat(rep.contentType()).isEqualTo("application/json");
        assertThat(rep.body()).isEqualTo(
                "{\"message\":{\"N\":3,\"replicas\":[\"Server 1\",\"Server 2\",\"Server 3\"]},\"status\":\"successful\"}");
    }

    @Test
    void aRequestGoesToTheServerItsKeyHashesToAndTheAnswerIsPassedThrough() {
        for (String key : List.of("1", "42", "137", "999999", "user-7")) {
            Server owner = balancer.cluster.ring().route(RequestKey.of(key));
            String expected = "{\"message\":\"Hello from Server: " + owner.name() + "\",\"status\":\"successful\"}";

            Answer byQuery = balancer.get("/home?key=" + key);
            Answer byHeader = balancer.get("/home", "X-Request-Key", key);

            assertThat(byQuery.status()).isEqualTo(200);
            assertThat(byQuery.body()).isEqualTo(expected);
            assertThat(byHeader.body()).isEqualTo(expected);
        }
    }

    @Test
    void withoutAKeyARandomRequestIdSpreadsRequestsOverTheServers() {
        java.util.Set<String> answered = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            Answer home = balancer.get("/home");
            assertThat(home.status()).isEqualTo(200);
            answered.add(home.message());
        }
        assertThat(answered).hasSizeGreaterThan(1);
    }

    @Test
    void aPathNoReplicaServesIsA400() {
        Answer other = balancer.get("/other?key=5");

        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).isEqualTo(
                "{\"message\":\"<Error> '/other' endpoint does not exist in server replicas\",\"status\":\"failure\"}");
    }

    @Test
    void heartbeatIsRoutedAndAnswersEmpty() {
        Answer heartbeat = balancer.get("/heartbeat?key=3");

        assertThat(heartbeat.status()).isEqualTo(200);
        assertThat(heartbeat.body()).isEmpty();
    }

    @Test
    void addCompletesHostnamesAndRmPicksTheRestAtRandom() {
        List<String> before = balancer.replicas();

        Answer added = balancer.post("/add", "{\"n\":2,\"hostnames\":[\"S5\"]}");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().at("/message/N").asInt()).isEqualTo(before.size() + 2);
        List<String> after = balancer.replicas();
        assertThat(after).containsAll(before).contains("S5").hasSize(before.size() + 2);
        String generated = after.stream().filter(name -> !before.contains(name) && !name.equals("S5")).findFirst().orElseThrow();
        assertThat(generated).matches("Server \\d+");
        assertThat(balancer.get("/home?key=1").status()).isEqualTo(200);
        assertThat(balancer.backend.list()).hasSize(after.size());

        Answer removed = balancer.delete("/rm", "{\"n\":2,\"hostnames\":[\"S5\"]}");

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().at("/message/N").asInt()).isEqualTo(before.size());
        assertThat(balancer.replicas()).doesNotContain("S5").hasSize(before.size());
        assertThat(balancer.backend.list()).hasSize(before.size());
    }

    @Test
    void moreHostnamesThanNIsRefusedWithTheClassicMessages() {
        List<String> before = balancer.replicas();

        Answer add = balancer.post("/add", "{\"n\":1,\"hostnames\":[\"S5\",\"S6\"]}");
        Answer rm = balancer.delete("/rm", "{\"n\":1,\"hostnames\":[\"Server 1\",\"Server 2\"]}");

        assertThat(add.status()).isEqualTo(400);
        assertThat(add.body()).isEqualTo("{\"message\":\"<Error> Length of hostname list is more than newly added instances\",\"status\":\"failure\"}");
        assertThat(rm.status()).isEqualTo(400);
        assertThat(rm.body()).isEqualTo("{\"message\":\"<Error> Length of hostname list is more than removable instances\",\"status\":\"failure\"}");
        assertThat(balancer.replicas()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "POST   | ``                                        | request body must be a JSON object",
        "POST   | `[1,2]`                                   | request body must be a JSON object",
        "POST   | `{\"n\":`                                 | malformed JSON at line 1",
        "POST   | `not json`                                | malformed JSON",
        "POST   | `{\"n\":\"2\"}`                           | n must be a whole number",
        "POST   | `{\"n\":1.5}`                             | n must be a whole number",
        "POST   | `{\"n\":true}`                            | n must be a whole number",
        "POST   | `{\"hostnames\":[\"S5\"]}`                | n is required",
        "POST   | `{\"n\":0}`                               | n must be at least 1",
        "POST   | `{\"n\":-3}`                              | n must be at least 1",
        "POST   | `{\"n\":1000000}`                         | n must be at most 100",
        "POST   | `{\"n\":99999999999}`                     | n must be a whole number",
        "POST   | `{\"n\":60}`                              | cannot add 60 servers",
        "POST   | `{\"n\":1,\"hostnames\":\"S5\"}`          | hostnames must be a list of strings",
        "POST   | `{\"n\":1,\"hostnames\":[5]}`             | hostnames must be strings",
        "POST   | `{\"n\":2,\"hostnames\":[\"a\",\"a\"]}`   | hostname 'a' is listed twice",
        "POST   | `{\"n\":1,\"hostnames\":[\"bad name\"]}`  | invalid hostname 'bad name'",
        "POST   | `{\"n\":1,\"hostnames\":[\"../x\"]}`      | invalid hostname '../x'",
        "POST   | `{\"n\":1,\"hostnames\":[\"\"]}`          | invalid hostname ''",
        "POST   | `{\"n\":1,\"extra\":2}`                   | unknown field 'extra'",
        "DELETE | `{\"n\":1,\"hostnames\":[\"nobody\"]}`    | no running server is named 'nobody'",
        "DELETE | `{\"n\":3}`                               | at least one must stay",
        "DELETE | `{\"n\":5}`                               | at least one must stay",
        "DELETE | `{\"n\":0}`                               | n must be at least 1",
        "DELETE | `{\"n\":2,\"hostnames\":[\"Server 1\",\"Server 1\"]}` | hostname 'Server 1' is listed twice",
        "DELETE | ``                                        | request body must be a JSON object",
    })
    void everyBadBodyIsAOneLine400AndChangesNothing(String method, String body, String reason) {
        List<String> before = balancer.replicas();
        int processes = balancer.backend.list().size();

        Answer answer = method.equals("POST") ? balancer.post("/add", body) : balancer.delete("/rm", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("status").asText()).isEqualTo("failure");
        assertThat(answer.message()).startsWith("<Error> ").contains(reason).doesNotContain("\n");
        assertThat(balancer.replicas()).isEqualTo(before);
        assertThat(balancer.backend.list()).hasSize(processes);
    }

    @Test
    void aHostnameAlreadyInUseIsRefused() {
        assertThat(balancer.post("/add", "{\"n\":1,\"hostnames\":[\"S7\"]}").status()).isEqualTo(200);
        List<String> before = balancer.replicas();

        Answer again = balancer.post("/add", "{\"n\":1,\"hostnames\":[\"S7\"]}");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.message()).isEqualTo("<Error> hostname 'S7' is already in use");
        assertThat(balancer.replicas()).isEqualTo(before);
        assertThat(balancer.delete("/rm", "{\"n\":1,\"hostnames\":[\"S7\"]}").status()).isEqualTo(200);
    }

    @Test
    void aWrongMethodIsA405InTheSameShape() {
        assertThat(balancer.get("/add").status()).isEqualTo(405);
        assertThat(balancer.post("/rep", "").status()).isEqualTo(405);
        Answer postHome = balancer.post("/home", "{}");
        assertThat(postHome.status()).isEqualTo(405);
        assertThat(postHome.message()).startsWith("<Error> method POST is not allowed on /home");
    }

    @Test
    void metricsAreInThePrometheusTextFormat() {
        balancer.get("/home?key=11");
        balancer.get("/nothing-here?key=11");
        Server owner = balancer.cluster.ring().route(RequestKey.of("11"));

        Answer metrics = balancer.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body())
                .contains("# TYPE ringlab_requests_total counter")
                .containsPattern("ringlab_requests_total\\{algorithm=\"ring\",server=\"" + owner.name() + "\"} [1-9]")
                .contains("# TYPE ringlab_request_duration_seconds histogram")
                .contains("ringlab_request_duration_seconds_bucket{algorithm=\"ring\",le=\"+Inf\"}")
                .containsPattern("ringlab_placement_algorithm\\{algorithm=\"ring\"} 1")
                .containsPattern("ringlab_request_errors_total\\{reason=\"not_found\"} [1-9]")
                .contains("# TYPE ringlab_retries_total counter")
                .containsPattern("ringlab_replicas_up " + balancer.cluster.ring().size() + "(\\.0)?\n");
    }

    @Test
    void anAdminTokenGuardsAddAndRm() throws Exception {
        try (RunningBalancer guarded = RunningBalancer.start(1, false, "s3cret")) {
            Answer without = guarded.post("/add", "{\"n\":1}");
            Answer wrong = guarded.delete("/rm", "{\"n\":1}", "Authorization", "Bearer nope");
            assertThat(without.status()).isEqualTo(401);
            assertThat(without.message()).isEqualTo("<Error> /add needs the admin token (header 'Authorization: Bearer <token>')");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(guarded.replicas()).hasSize(1);
            assertThat(guarded.get("/rep").status()).isEqualTo(200);

            Answer with = guarded.post("/add", "{\"n\":1,\"hostnames\":[\"T2\"]}", "Authorization", "Bearer s3cret");

            assertThat(with.status()).isEqualTo(200);
            assertThat(guarded.replicas()).containsExactly("Server 1", "T2");
        }
        assertThatThrownBy(() -> BalancerEndpoint.start(balancer.cluster, new InetSocketAddress("0.0.0.0", 0), null, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requires an admin token");
    }

    @Test
    void simulatedReplicasAnswerThroughTheSameEndpoint() throws Exception {
        try (dev.ringlab.cluster.Cluster cluster = new dev.ringlab.cluster.Cluster(new dev.ringlab.cluster.SimBackend(),
                dev.ringlab.ring.RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            try (BalancerEndpoint endpoint = BalancerEndpoint.start(cluster,
                    new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), null, 1)) {
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                java.net.http.HttpResponse<String> home = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(endpoint.address() + "/home?key=42")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                Server owner = cluster.ring().route(RequestKey.of("42"));

                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(home.body()).isEqualTo("{\"message\":\"Hello from Server: " + owner.name()
                        + "\",\"status\":\"successful\"}");
            }
        }
    }

    @Test
    void aDeadReplicaIsSkippedClockwiseAnd502WhenNoneAnswers() throws Exception {
        try (RunningBalancer unmonitored = RunningBalancer.start(2, false, null)) {
            Replica first = unmonitored.cluster.replicaOf(unmonitored.cluster.ring().servers().get(0));
            unmonitored.backend.kill(first);
            ProcessHandle.of(Long.parseLong(first.backendId())).ifPresent(p -> p.onExit().join());

            for (int key = 0; key < 40; key++) {
                Answer answer = unmonitored.get("/home?key=" + key);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.message()).doesNotContain(first.server().name());
            }
            assertThat(unmonitored.endpoint.metrics().retries()).isPositive();

            Replica second = unmonitored.cluster.replicaOf(unmonitored.cluster.ring().servers().get(1));
            unmonitored.backend.kill(second);
            ProcessHandle.of(Long.parseLong(second.backendId())).ifPresent(p -> p.onExit().join());

            Answer none = unmonitored.get("/home?key=1");
            assertThat(none.status()).isEqualTo(502);
            assertThat(none.message()).isEqualTo("<Error> no replica answered (2 tried clockwise)");
        }
    }
}
