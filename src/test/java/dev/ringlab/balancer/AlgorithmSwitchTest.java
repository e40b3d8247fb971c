package dev.ringlab.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.balancer.RunningBalancer.Answer;
import dev.ringlab.ring.RequestKey;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /algorithm} over real HTTP, in front of real replica processes: switching live, under traffic. */
class AlgorithmSwitchTest {

    private static RunningBalancer balancer;

    @BeforeAll
    static void start() throws Exception {
        balancer = RunningBalancer.start(4, true, null);
    }

    @AfterAll
    static void stop() {
        balancer.close();
    }

    private static String servedBy(Answer answer) {
        String message = answer.message();
        return message.substring(message.indexOf("Server: ") + "Server: ".length());
    }

    @Test
    void eachAlgorithmRoutesAKeyWhereItsPlacementSays() {
        for (Algorithm algorithm : Algorithm.values()) {
            Answer switched = balancer.post("/algorithm", "{\"algorithm\":\"" + algorithm.label() + "\"}");
            assertThat(switched.status()).as(switched.body()).isEqualTo(200);
            assertThat(switched.json().get("message").get("algorithm").asText()).isEqualTo(algorithm.label());
            assertThat(balancer.get("/algorithm").json().get("message").get("algorithm").asText()).isEqualTo(algorithm.label());
            for (int k = 0; k < 20; k++) {
                String key = "user-" + k;
                Server expected = balancer.endpoint.placement().current().route(RequestKey.of(key));
                Answer answer = balancer.get("/home?key=" + key);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(servedBy(answer)).as("%s, key %s", algorithm, key).isEqualTo(expected.name());
            }
        }
        String metrics = balancer.get("/metrics").body();
        for (Algorithm algorithm : Algorithm.values()) {
            assertThat(metrics).containsPattern("ringlab_requests_total\\{algorithm=\"" + algorithm.label() + "\",server=\"[^\"]+\"} [1-9]");
        }
        assertThat(metrics).containsPattern("ringlab_placement_algorithm\\{algorithm=\"bounded\"} 1");
    }

    @Test
    void badSwitchesAreRefusedAndChangeNothing() {
        balancer.post("/algorithm", "{\"algorithm\":\"jump\"}");
        String[][] cases = {
                {"{\"algorithm\":\"consistent\"}", "<Error> unknown algorithm 'consistent' (known: ring, jump, rendezvous, maglev, bounded)"},
                {"{\"algorithm\":7}", "<Error> algorithm must be a string: {\"algorithm\":\"maglev\"}"},
                {"{\"algorithm\":\"ring\",\"c\":2}", "<Error> unknown field 'c' (expected algorithm)"},
                {"{\"algorithm\":", "<Error> malformed JSON"},
                {"", "<Error> request body must be a JSON object like {\"algorithm\":\"maglev\"}"},
        };
        for (String[] bad : cases) {
            Answer refused = balancer.post("/algorithm", bad[0]);
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.message()).as(bad[0]).startsWith(bad[1]);
            assertThat(refused.json().get("status").asText()).isEqualTo("failure");
        }
        Answer wrongMethod = balancer.delete("/algorithm", "{\"algorithm\":\"ring\"}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(balancer.endpoint.placement().algorithm()).isEqualTo(Algorithm.JUMP);
    }

    @Test
    void switchingUnderTrafficLosesNoRequest() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> sending = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                int client = t;
                sending.add(clients.submit(() -> {
                    int i = 0;
                    while (running.get()) {
                        Answer answer = balancer.get("/home?key=c" + client + "-" + i++);
                        if (answer.status() == 200) {
                            answered.incrementAndGet();
                        } else {
                            failures.add(answer.status() + " " + answer.body());
                        }
                    }
                }));
            }
            Algorithm[] algorithms = Algorithm.values();
            for (int round = 0; round < 25; round++) {
                Answer switched = balancer.post("/algorithm", "{\"algorithm\":\"" + algorithms[round % algorithms.length].label() + "\"}");
                assertThat(switched.status()).isEqualTo(200);
                // the next switch only once requests were answered under this one
                int before = answered.get();
                await().atMost(Duration.ofSeconds(10)).until(() -> answered.get() > before);
            }
        } finally {
            running.set(false);
        }
        for (Future<?> future : sending) {
            future.get(30, TimeUnit.SECONDS);
        }
        clients.shutdownNow();
        assertThat(failures).isEmpty();
        assertThat(answered.get()).isGreaterThan(25);
    }

    @Test
    void theSwitchNeedsTheAdminTokenWhenThereIsOne() throws Exception {
        try (RunningBalancer guarded = RunningBalancer.start(1, false, "s3cret")) {
            assertThat(guarded.post("/algorithm", "{\"algorithm\":\"maglev\"}").status()).isEqualTo(401);
            assertThat(guarded.get("/algorithm").json().get("message").get("algorithm").asText()).isEqualTo("ring");
            Answer allowed = guarded.post("/algorithm", "{\"algorithm\":\"maglev\"}", "Authorization", "Bearer s3cret");
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(guarded.endpoint.placement().algorithm()).isEqualTo(Algorithm.MAGLEV);
        }
    }
}
