package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests kept in flight over real HTTP (the embedded balancer over replica processes) count exactly
 * what the simulation counts, whatever the number in flight, and stop when cancelled.
 */
class HttpTestbedTest {

    private static final TestbedFactory PROCESSES =
            HttpTestbed.embedded(() -> new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL));

    private static DistributionParameters a1(long seed, int requests, int inFlight) {
        return new DistributionParameters(RingConfig.DEFAULT.withHash(RingHash.MURMUR3), 3,
                new Workload(requests, seed, inFlight));
    }

    @Test
    void manyRequestsInFlightCountWhatOneAtATimeAndTheSimulationCount() {
        List<ServerLoad> simulated = new DistributionExperiment(DistributionExperimentTest.SIM)
                .run(a1(11, 3_000, 1), ProgressListener.NONE).loads();
        List<Progress> progress = new CopyOnWriteArrayList<>();

        DistributionResult pipelined = new DistributionExperiment(PROCESSES).run(a1(11, 3_000, 64), progress::add);
        DistributionResult oneAtATime = new DistributionExperiment(PROCESSES).run(a1(11, 3_000, 1), ProgressListener.NONE);

        assertThat(List.of(pipelined.loads(), oneAtATime.loads())).containsOnly(simulated);
        assertThat(pipelined.failed()).isZero();
        assertThat(progress.get(progress.size() - 1).done()).isEqualTo(3_000);
    }

    @Test
    void aCancelledRunStopsSendingAndSaysSo() throws Exception {
        DistributionExperiment experiment = new DistributionExperiment(PROCESSES);
        List<Progress> progress = new CopyOnWriteArrayList<>();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<DistributionResult> run = runner.submit(() -> experiment.run(a1(5, 2_000_000, 16), progress::add));
            org.awaitility.Awaitility.await("the run has sent requests").atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> progress.stream().anyMatch(step -> step.done() > 0));
            assertThat(run.isDone()).as("still running when cancelled").isFalse();
            experiment.cancel();

            assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
            assertThat(progress.get(progress.size() - 1).done()).isLessThan(2_000_000);
        } finally {
            runner.shutdownNow();
        }
    }
}
