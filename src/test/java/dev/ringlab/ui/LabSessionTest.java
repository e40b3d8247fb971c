package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.balancer.Dispatch;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.Delivery;
import dev.ringlab.experiment.LiveTally;
import dev.ringlab.experiment.Testbed;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window's session without a window: its own requests, its experiments and curl's requests through
 * the embedded balancer (real HTTP on loopback) go along one route, so one counter says what each
 * server answered and one placement decides where a key goes.
 */
class LabSessionTest {

    private static final Pattern ANSWERED_BY = Pattern.compile("Hello from Server: ([^\"]+)\"");

    private final LabSession session = new LabSession(new SimBackend(), RingConfig.DEFAULT, 0).start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        session.close();
    }

    private String overHttp(long key) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create(session.balancerAddress() + "/home?key=" + key)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        Matcher server = ANSWERED_BY.matcher(answer.body());
        assertThat(server.find()).as(answer.body()).isTrue();
        return server.group(1);
    }

    @Test
    void theWindowItsExperimentsAndHttpClientsCountInOneCounter() throws Exception {
        session.add(3).get(10, TimeUnit.SECONDS);
        Map<String, Long> sent = new HashMap<>();
        for (long key = 0; key < 30; key++) {
            Dispatch dispatch = session.send(key * 7919);
            sent.merge(dispatch.server().name(), 1L, Long::sum);
        }
        for (long key = 0; key < 20; key++) {
            sent.merge(overHttp(key * 104_729), 1L, Long::sum);
        }
        try (Testbed experiment = WindowTestbed.factory(session, new LiveTally()).open(session.ring().config(), 3)) {
            for (long key = 0; key < 10; key++) {
                Delivery delivery = experiment.send(key * 15_485_863);
                sent.merge(delivery.server(), 1L, Long::sum);
            }
        }

        assertThat(sent.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(60);
        for (Server server : session.ring().servers()) {
            assertThat(session.servedBy(server.name())).as(server.name())
                    .isEqualTo(sent.getOrDefault(server.name(), 0L));
        }
    }

    @Test
    void theWindowAndTheBalancerRouteAKeyByThePlacementChosenInTheWindow() throws Exception {
        session.add(5).get(10, TimeUnit.SECONDS);
        session.useAlgorithm(Algorithm.MAGLEV).get(10, TimeUnit.SECONDS);

        for (long key = 1; key <= 40; key++) {
            Dispatch dispatch = session.send(key * 7919);
            assertThat(dispatch.algorithm()).isEqualTo(Algorithm.MAGLEV);
            assertThat(overHttp(key * 7919)).as("key " + key * 7919).isEqualTo(dispatch.server().name());
        }
        try (Testbed experiment = WindowTestbed.factory(session, new LiveTally()).open(session.ring().config(), 5)) {
            assertThat(experiment.description()).endsWith("routed by " + Algorithm.MAGLEV.label());
            for (long key = 1; key <= 40; key++) {
                assertThat(experiment.send(key * 7919).server()).isEqualTo(overHttp(key * 7919));
            }
        }
    }
}
