package dev.ringlab.bench;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.docker.DockerBackend;
import dev.ringlab.ring.Server;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Docker replicas on the real engine (start one first: scripts/start-docker.sh).
 * {@code startToFirstHeartbeat}: create and start a hardened replica container and poll
 * {@code /heartbeat} until it answers; 20 single shots, JMH prints the median (p50).
 * A-1 over containers is {@code HttpA1Benchmark} with {@code -p backend=docker}.
 *
 * <pre>bench/jmh.sh DockerReplica</pre>
 */
@State(Scope.Benchmark)
@Fork(1)
public class DockerReplicaBenchmark {

    private DockerBackend backend;
    private Replica started;
    private final AtomicInteger ids = new AtomicInteger();

    @Setup(Level.Trial)
    public void engine() {
        backend = new DockerBackend(System.getProperty("ringlab.version", "dev"), HealthMonitor.DEFAULT_INTERVAL,
                System.out::println);
        backend.prepareImage();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 20)
    public Replica startToFirstHeartbeat() throws InterruptedException {
        int id = ids.incrementAndGet();
        started = backend.start(new Server(id, "Bench " + id));
        while (!backend.heartbeat(started)) {
            Thread.sleep(2);
        }
        return started;
    }

    @TearDown(Level.Invocation)
    public void removeReplica() {
        if (started != null) {
            backend.stop(started);
            started = null;
        }
    }


    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }
}
