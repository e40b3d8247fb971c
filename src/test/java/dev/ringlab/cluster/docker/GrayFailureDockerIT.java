package dev.ringlab.cluster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.AnalysisInput;
import dev.ringlab.experiment.FaultSettings;
import dev.ringlab.experiment.GrayFailureResult;
import dev.ringlab.experiment.GrayRun;
import dev.ringlab.experiment.HttpTestbed;
import dev.ringlab.experiment.ProgressListener;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A-6 on containers behind the embedded balancer: {@code docker pause} freezes one, the replica's own
 * fault slows another; passive health ejects the slow one, which the heartbeats never declare dead.
 */
class GrayFailureDockerIT {

    @BeforeAll
    static void engine() {
        Engine.require();
    }

    @Test
    void passiveHealthEjectsTheSlowContainerThatHeartbeatsNeverNotice() {
        FaultSettings faults = new FaultSettings(100, Duration.ofSeconds(5), 1_000, Duration.ofMillis(500), 3,
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 3, 2);
        AnalysisInput input = AnalysisInput.defaults(RingConfig.DEFAULT.withHash(RingHash.MURMUR3), new Workload(1, 42, 1))
                .withFaults(faults);

        GrayFailureResult result = (GrayFailureResult) Analyses.A6.prepare(input, HttpTestbed.embedded(
                () -> new DockerBackend(Engine.VERSION, HealthMonitor.DEFAULT_INTERVAL, line -> { })))
                .run(ProgressListener.NONE).result();

        assertThat(result.testbed()).contains("Docker");
        for (GrayRun run : result.runs()) {
            assertThat(run.frozenDeadMs()).as(run.label() + ": the paused container misses heartbeats").isNotNull();
            assertThat(run.slowDeadMs()).as(run.label() + ": heartbeats never notice the slow one").isNull();
        }
        assertThat(result.on().failed()).isZero();
        assertThat(result.on().slowEjectedMs()).isNotNull();
        assertThat(result.off().slowEjectedMs()).isNull();
    }
}
