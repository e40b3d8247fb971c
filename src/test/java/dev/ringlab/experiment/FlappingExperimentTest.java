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
 * Flapping on real replica processes and on the simulation: a server frozen for a second every two
 * is declared dead and replaced, moving keys, without hysteresis, and stays on the ring with fall 3.
 */
class FlappingExperimentTest {

    private static FlappingParameters parameters() {
        return new FlappingParameters(RingConfig.DEFAULT.withHash(RingHash.MURMUR3), 3, new Workload(1, 7, 1), 100,
                Duration.ofSeconds(5), null, Duration.ofSeconds(1), Duration.ofSeconds(2), 3, 2,
                Duration.ofMillis(500), Duration.ofMillis(250));
    }

    @Test
    void onReplicaProcessesHysteresisKeepsTheRingStill() {
        FlappingResult result = new FlappingExperiment(
                HttpTestbed.embedded(() -> new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL)))
                .run(parameters(), ProgressListener.NONE);

        assertLesson(result);
    }

    @Test
    void onTheSimulationHysteresisKeepsTheRingStill() {
        FlappingResult result = new FlappingExperiment(
                InProcessTestbed.factory(() -> SimBackend.withRealHeartbeats(HealthMonitor.DEFAULT_INTERVAL)))
                .run(parameters(), ProgressListener.NONE);

        assertLesson(result);
    }

    private static void assertLesson(FlappingResult result) {
        FlapRun without = result.without();
        FlapRun with = result.with();
        assertThat(without.flaps()).isPositive();
        assertThat(with.flaps()).isPositive();
        assertThat(without.deaths()).as("one missed heartbeat is a death without hysteresis").isPositive();
        assertThat(without.ringChanges()).isGreaterThanOrEqualTo(without.deaths());
        assertThat(without.keysMoved()).isPositive();
        assertThat(with.ringChanges()).as("fall 3 outlasts a one-second freeze").isLessThan(without.ringChanges());
        assertThat(with.keysMoved()).isLessThan(without.keysMoved());
        assertThat(result.runs()).allSatisfy(run -> assertThat(run.failed()).as(run.label()).isZero());
    }
}
