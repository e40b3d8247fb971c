package dev.ringlab.bench;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.DistributionExperiment;
import dev.ringlab.experiment.DistributionParameters;
import dev.ringlab.experiment.DistributionResult;
import dev.ringlab.experiment.InProcessTestbed;
import dev.ringlab.experiment.ProgressListener;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole simulated A-1 as the command runs it: open a 3-server cluster on the simulation backend,
 * generate 10,000 seeded keys, send them through the dispatcher, tally, close. Target: under 50 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatedA1Benchmark {

    @Param({"assignment", "murmur3"})
    public String hash;

    @Benchmark
    public DistributionResult a1() {
        DistributionParameters parameters = new DistributionParameters(
                RingConfig.DEFAULT.withHash(RingHash.byName(hash)), 3, Workload.of(42));
        return new DistributionExperiment(InProcessTestbed.factory(SimBackend::new))
                .run(parameters, ProgressListener.NONE);
    }
}
