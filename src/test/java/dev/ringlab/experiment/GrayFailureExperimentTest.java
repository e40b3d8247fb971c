package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A-6 on real replica processes behind the embedded HTTP balancer, and on the simulation: a frozen and
 * a slow server cost clients no failed request with retries on; passive health ejects the slow server,
 * which the heartbeats never declare dead, and so fewer requests wait on it than without.
 */
class GrayFailureExperimentTest {

    /**
     * Frozen at 0.5 s, declared dead by the heartbeats (fall 3: three timeouts of 500 ms, 200 ms apart) by about
     * 2.6 s, then the slow-down at 3 s: one fault after the other, as A-6's own timings have them, so that one
     * of the three servers always answers promptly.
     */
    private static GrayFailureParameters parameters() {
        return new GrayFailureParameters(RingConfig.DEFAULT.withHash(RingHash.MURMUR3), 3, new Workload(1, 42, 1), 200,
                Duration.ofSeconds(6), Duration.ofMillis(500), Duration.ofMillis(3_000), null, 1_000,
                Duration.ofMillis(300), 3, Duration.ofSeconds(2), Duration.ofMillis(250));
    }

    @Test
    void onReplicaProcessesPassiveHealthEjectsTheSlowServerThatHeartbeatsNeverNotice() {
        GrayFailureResult result = new GrayFailureExperiment(
                HttpTestbed.embedded(() -> new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL)))
                .run(parameters(), ProgressListener.NONE);

        assertLesson(result);
        assertThat(result.testbed()).contains("processes behind the embedded balancer");
    }

    @Test
    void onTheSimulationTheSameLessonHolds() {
        GrayFailureResult result = new GrayFailureExperiment(
                InProcessTestbed.factory(() -> SimBackend.withRealHeartbeats(HealthMonitor.DEFAULT_INTERVAL)))
                .run(parameters(), ProgressListener.NONE);

        assertLesson(result);
    }

    static void assertLesson(GrayFailureResult result) {
        GrayRun off = result.off();
        GrayRun on = result.on();
        for (GrayRun run : result.runs()) {
            assertThat(run.sent()).as(run.label()).isEqualTo(1_200);
            assertThat(run.failed()).as(run.label() + ": retries clockwise lose no request").isZero();
            assertThat(run.retried()).as(run.label()).isPositive();
            assertThat(run.frozenDeadMs()).as(run.label() + ": the frozen server misses heartbeats").isNotNull();
            assertThat(run.slowDeadMs()).as(run.label() + ": heartbeats never notice the slow server").isNull();
            assertThat(run.slowed()).isNotEqualTo(run.frozen());
        }
        assertThat(off.ejections()).isZero();
        assertThat(off.slowEjectedMs()).isNull();
        assertThat(on.slowEjectedMs()).as("passive health ejects the slow server").isNotNull()
                .isGreaterThan(result.parameters().slowAt().toMillis());
        assertThat(on.events()).anyMatch(event -> event.kind().equals("ejected") && event.server().equals(on.slowed()));
        assertThat(on.costlySlow()).as("fewer requests wait on the slow server once it is ejected")
                .isLessThan(off.costlySlow());
    }
}
