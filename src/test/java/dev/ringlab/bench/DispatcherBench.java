package dev.ringlab.bench;

import dev.ringlab.balancer.Dispatcher;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The balancer's routing path on the default ring, replicas in memory: what putting a placement
 * between the dispatcher and the ring costs (run before and after, see docs/algorithms.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatcherBench {

    private Cluster cluster;
    private Dispatcher dispatcher;
    private long[] keys;
    private int next;

    @Setup
    public void setUp() {
        SimBackend backend = new SimBackend();
        cluster = new Cluster(backend, RingConfig.DEFAULT);
        cluster.add(10, List.of());
        dispatcher = new Dispatcher(cluster, backend.client());
        SplittableRandom random = new SplittableRandom(3);
        keys = new long[1 << 12];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextInt(100_000, 1_000_000);
        }
    }

    @TearDown
    public void tearDown() {
        cluster.close();
    }

    @Benchmark
    public Object dispatchOnTheRing() {
        next = (next + 1) & (keys.length - 1);
        return dispatcher.dispatch(keys[next], "/home");
    }
}
