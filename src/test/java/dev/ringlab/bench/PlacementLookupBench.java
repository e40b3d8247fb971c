package dev.ringlab.bench;

import dev.ringlab.experiment.compare.Comparison;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.Placement;
import dev.ringlab.ring.algorithm.PlacementSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookup cost per algorithm: one {@code route} of a random key on N servers. Run with
 * {@code java -cp target/test-classes:$(cat cp.txt) org.openjdk.jmh.Main PlacementLookupBench}
 * (see docs/algorithms.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlacementLookupBench {

    @Param({"ring", "jump", "rendezvous", "maglev", "bounded"})
    public String algorithm;

    @Param({"10"})
    public int servers;

    @Param({"100"})
    public int virtualNodes;

    private Placement placement;
    private long[] keys;
    private int next;

    @Setup
    public void setUp() {
        PlacementSettings settings = new PlacementSettings(
                new RingConfig(65_536, virtualNodes, RingHash.MURMUR3, Probing.LINEAR), 65_537, 1.25);
        placement = Algorithm.byName(algorithm).of(settings, Comparison.servers(servers));
        keys = Comparison.keyStream(1 << 16, 5);
    }

    @Benchmark
    public Object route() {
        next = (next + 1) & (keys.length - 1);
        return placement.route(keys[next]);
    }
}
