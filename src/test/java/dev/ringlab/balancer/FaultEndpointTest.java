package dev.ringlab.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.cluster.Member;
import dev.ringlab.cluster.MemberState;
import dev.ringlab.cluster.ReplicaUnreachableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /fault} over real HTTP on a balancer over real replica processes: freeze, slow, clear, refusals. */
class FaultEndpointTest {

    private static final String[] TOKEN = {"Authorization", "Bearer s3cret"};

    @Test
    void slowsAndFailsHomeWhileHeartbeatsStayPromptThenClears() throws Exception {
        try (RunningBalancer balancer = RunningBalancer.start(2, false, "s3cret")) {
            Member slow = balancer.cluster.member("Server 1").orElseThrow();

            RunningBalancer.Answer set = balancer.post("/fault",
                    "{\"hostname\":\"Server 1\",\"latency_ms\":250,\"error_rate\":1}", TOKEN);

            assertThat(set.status()).isEqualTo(200);
            assertThat(set.body()).isEqualTo("{\"message\":{\"hostname\":\"Server 1\",\"frozen\":false,"
                    + "\"latency_ms\":250,\"error_rate\":1.0},\"status\":\"successful\"}");
            long started = System.nanoTime();
            int home = balancer.backend.client().get(slow.replica(), "/home").status();
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(home).isEqualTo(500);
            assertThat(tookMs).isGreaterThanOrEqualTo(250);
            assertThat(balancer.backend.heartbeat(slow.replica())).isTrue();

            RunningBalancer.Answer cleared = balancer.post("/fault", "{\"hostname\":\"Server 1\",\"clear\":true}", TOKEN);

            assertThat(cleared.status()).isEqualTo(200);
            assertThat(cleared.json().get("message").get("latency_ms").asLong()).isZero();
            assertThat(balancer.backend.client().get(slow.replica(), "/home").status()).isEqualTo(200);
        }
    }

    @Test
    void aFrozenProcessStopsAnsweringAndAnsweresAgainOnceThawed() throws Exception {
        try (RunningBalancer balancer = RunningBalancer.start(2, false, null)) {
            Member member = balancer.cluster.member("Server 2").orElseThrow();

            RunningBalancer.Answer frozen = balancer.post("/fault", "{\"hostname\":\"Server 2\",\"freeze\":true}");

            assertThat(frozen.status()).isEqualTo(200);
            assertThat(frozen.json().get("message").get("frozen").asBoolean()).isTrue();
            assertThat(balancer.backend.heartbeat(member.replica())).isFalse();
            assertThat(ProcessHandle.of(Long.parseLong(member.replica().backendId()))).hasValueSatisfying(
                    process -> assertThat(process.isAlive()).isTrue());

            RunningBalancer.Answer again = balancer.post("/fault", "{\"hostname\":\"Server 2\",\"freeze\":true}");
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.message()).isEqualTo("<Error> Server 2 is already frozen");

            RunningBalancer.Answer thawed = balancer.post("/fault", "{\"hostname\":\"Server 2\",\"freeze\":false}");

            assertThat(thawed.status()).isEqualTo(200);
            assertThat(balancer.backend.heartbeat(member.replica())).isTrue();
        }
    }

    @Test
    void aFrozenServerPastFallIsReplacedAndItsProcessEnds() throws Exception {
        try (RunningBalancer balancer = RunningBalancer.start(2, true, null)) {
            Member member = balancer.cluster.member("Server 1").orElseThrow();
            ProcessHandle process = ProcessHandle.of(Long.parseLong(member.replica().backendId())).orElseThrow();

            assertThat(balancer.post("/fault", "{\"hostname\":\"Server 1\",\"freeze\":true}").status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).until(() -> balancer.replicas().size() == 2
                    && !balancer.replicas().contains("Server 1"));
            await().atMost(Duration.ofSeconds(20)).until(() -> !process.isAlive());
            RunningBalancer.Answer late = balancer.post("/fault", "{\"hostname\":\"Server 1\",\"freeze\":false}");
            assertThat(late.status()).isEqualTo(400);
            assertThat(balancer.cluster.members()).extracting(Member::state).containsOnly(MemberState.UP);
        }
    }

    @Test
    void aFrozenServerCostsAClientOneTryTimeoutThenTheNextServerClockwiseAnswers() throws Exception {
        Duration perTry = Duration.ofMillis(300);
        try (RunningBalancer balancer = RunningBalancer.start(3, false, null, ClientTimeouts.DEFAULT,
                route -> route.tryTimeout(perTry))) {
            String owner = balancer.get("/home?key=frozen-key").message();
            String victim = owner.substring(owner.indexOf("Server: ") + "Server: ".length());

            assertThat(balancer.post("/fault", "{\"hostname\":\"" + victim + "\",\"freeze\":true}").status()).isEqualTo(200);

            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                java.net.http.HttpResponse<String> answer = balancer.exchange("/home?key=frozen-key");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).doesNotContain(victim + "\"");
                assertThat(answer.headers().firstValue(BalancerEndpoint.ATTEMPTS_HEADER)).hasValue("2");
                // the default try timeout is 10 s: well under it, the 300 ms one is what ended the wait
                assertThat(took).isLessThan(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void passiveHealthEjectsAFaultyServerThatHeartbeatsNeverNotice() throws Exception {
        try (RunningBalancer balancer = RunningBalancer.start(3, true, null, ClientTimeouts.DEFAULT,
                route -> route.ejectAfter(3, Duration.ofSeconds(30)))) {
            String owner = balancer.get("/home?key=hot").message();
            String victim = owner.substring(owner.indexOf("Server: ") + "Server: ".length());
            assertThat(balancer.post("/fault", "{\"hostname\":\"" + victim + "\",\"error_rate\":1}").status())
                    .isEqualTo(200);

            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(balancer.get("/home?key=hot").status());
            }

            // three failures pass through as they are, then the server is skipped and the next one answers
            assertThat(statuses).containsExactly(500, 500, 500, 200, 200, 200);
            assertThat(balancer.get("/home?key=hot").message()).doesNotContain(victim + "\"");
            assertThat(balancer.replicas()).contains(victim);
            assertThat(balancer.get("/metrics").body()).contains("ringlab_ejections_total 1.0")
                    .contains("ringlab_servers_ejected 1.0");
        }
    }

    @Test
    void refusesBadAsksAndChangesNothing() throws Exception {
        try (RunningBalancer balancer = RunningBalancer.start(1, false, "s3cret")) {
            List<String[]> refused = List.of(
                    new String[] {"{\"hostname\":\"Server 1\",\"latency_ms\":-1}", "<Error> latency must be within 0..60000 ms, got -1"},
                    new String[] {"{\"hostname\":\"Server 1\",\"latency_ms\":60001}", "<Error> latency must be within 0..60000 ms, got 60001"},
                    new String[] {"{\"hostname\":\"Server 1\",\"error_rate\":1.5}", "<Error> error rate must be within 0..1, got 1.5"},
                    new String[] {"{\"hostname\":\"Server 1\",\"error_rate\":-0.1}", "<Error> error rate must be within 0..1, got -0.1"},
                    new String[] {"{\"hostname\":\"Server 9\",\"freeze\":true}", "<Error> no server is named 'Server 9' (servers: Server 1)"},
                    new String[] {"{\"hostname\":\"Server 1\",\"freeze\":false}", "<Error> Server 1 is not frozen"},
                    new String[] {"{\"hostname\":\"Server 1\",\"freeze\":\"yes\"}", "<Error> freeze must be true or false, got \"yes\""},
                    new String[] {"{\"hostname\":\"Server 1\",\"speed\":1}", "<Error> unknown field 'speed' (expected hostname with freeze, latency_ms and error_rate, or clear)"},
                    new String[] {"{\"freeze\":true}", "<Error> hostname is required, as a string: {\"hostname\":\"Server 2\",\"freeze\":true}, "
                            + "{\"hostname\":\"Server 2\",\"latency_ms\":200,\"error_rate\":0.1} or {\"hostname\":\"Server 2\",\"clear\":true}"});
            for (String[] ask : refused) {
                RunningBalancer.Answer answer = balancer.post("/fault", ask[0], TOKEN);
                assertThat(answer.status()).as(ask[0]).isEqualTo(400);
                assertThat(answer.message()).as(ask[0]).isEqualTo(ask[1]);
            }
            RunningBalancer.Answer without = balancer.post("/fault", "{\"hostname\":\"Server 1\",\"freeze\":true}");
            assertThat(without.status()).isEqualTo(401);
            assertThat(without.message()).isEqualTo("<Error> /fault needs the admin token (header 'Authorization: Bearer <token>')");
            Member member = balancer.cluster.member("Server 1").orElseThrow();
            assertThat(balancer.cluster.isFrozen(member.server())).isFalse();
            assertThat(balancer.cluster.faultOf("Server 1").isNone()).isTrue();
            assertThat(homeStatus(balancer, member)).isEqualTo(200);
            assertThat(balancer.get("/fault").status()).isEqualTo(405);
        }
    }

    private static int homeStatus(RunningBalancer balancer, Member member) throws ReplicaUnreachableException {
        return balancer.backend.client().get(member.replica(), "/home").status();
    }
}
