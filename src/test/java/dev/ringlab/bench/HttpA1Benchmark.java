package dev.ringlab.bench;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.cluster.docker.DockerBackend;
import dev.ringlab.experiment.DistributionExperiment;
import dev.ringlab.experiment.DistributionParameters;
import dev.ringlab.experiment.DistributionResult;
import dev.ringlab.experiment.ForwardingTestbed;
import dev.ringlab.experiment.HttpTestbed;
import dev.ringlab.experiment.ProgressListener;
import dev.ringlab.experiment.Testbed;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.RingConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A-1 over real HTTP: 10,000 seeded requests through the embedded balancer to 3 replica processes or
 * containers, as {@code experiment a1 --backend process|docker} sends them, tallied from the replicas'
 * answers. The replicas start once per trial (their start-up is not what is measured). Targets: under
 * 1.5 s over processes, under 2 s over Docker.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class HttpA1Benchmark {

    @Param({"1", "16"})
    public int concurrency;

    @Param({"process", "docker"})
    public String backend;

    private Testbed testbed;

    @Setup(Level.Trial)
    public void start() {
        testbed = HttpTestbed.embedded(() -> backend.equals("docker")
                ? new DockerBackend(System.getProperty("ringlab.version", "dev"), HealthMonitor.DEFAULT_INTERVAL, line -> { })
                : new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL)).open(RingConfig.DEFAULT, 3);
    }

    @TearDown(Level.Trial)
    public void stop() {
        testbed.close();
    }

    @Benchmark
    public DistributionResult a1() {
        DistributionParameters parameters = new DistributionParameters(RingConfig.DEFAULT, 3,
                new Workload(10_000, 42, concurrency));
        // the same testbed as experiment a1 sends through (pipelined), kept open for the whole trial
        return new DistributionExperiment((ring, servers) -> new ForwardingTestbed(testbed) {
            @Override
            public void close() {
                // the processes live for the whole trial
            }
        }).run(parameters, ProgressListener.NONE);
    }
}
