package dev.ringlab.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The replica's {@code POST /fault} over real HTTP: a slow {@code /home} never holds up {@code /heartbeat}. */
class ReplicaFaultsTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void heartbeatsAnswerWhileMoreSlowHomesThanWorkersWait() throws Exception {
        try (ReplicaServer replica = ReplicaServer.start("S1", InetAddress.getLoopbackAddress(), 0, 2)) {
            String base = "http://127.0.0.1:" + replica.port();
            HttpResponse<String> set = postFault(base, "{\"latency_ms\":1500,\"error_rate\":0}");
            assertThat(set.statusCode()).isEqualTo(200);
            assertThat(set.body()).isEqualTo("{\"latency_ms\":1500,\"error_rate\":0.0}");

            List<CompletableFuture<HttpResponse<String>>> homes = IntStream.range(0, 6)
                    .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/home")).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            HttpResponse<String> heartbeat = http.send(HttpRequest.newBuilder(URI.create(base + "/heartbeat"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(heartbeat.statusCode()).isEqualTo(200);
            // six slow homes on two workers, and the heartbeat came back before the first of them
            assertThat(homes).noneMatch(CompletableFuture::isDone);
            for (CompletableFuture<HttpResponse<String>> home : homes) {
                assertThat(home.get().statusCode()).isEqualTo(200);
                assertThat(home.get().body()).contains("Hello from Server: S1");
            }
        }
    }

    @Test
    void refusesValuesOutsideTheLimitsAndKeepsTheFaultItHad() throws Exception {
        try (ReplicaServer replica = ReplicaServer.start("S1", InetAddress.getLoopbackAddress(), 0, 2)) {
            String base = "http://127.0.0.1:" + replica.port();
            HttpResponse<String> refused = postFault(base, "{\"latency_ms\":0,\"error_rate\":1.5}");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).isEqualTo("{\"message\":\"error_rate must be within 0..1, got 1.5\",\"status\":\"failure\"}");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/home")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> postFault(String base, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/fault"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
