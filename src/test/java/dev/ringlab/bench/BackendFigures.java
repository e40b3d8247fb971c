package dev.ringlab.bench;

import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.docker.DockerBackend;
import dev.ringlab.cluster.swarm.SwarmBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The Docker and the Swarm backends in one sitting, round after round in turn so both see the same
 * load: start to first heartbeat ({@code Cluster.add(1)}: create, run, answer), and after a
 * {@code docker kill} of the replica's container from outside, the time to detection (the server
 * declared dead) and to replacement (its stand-in on the ring). Needs an engine that is a swarm manager.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) dev.ringlab.bench.BackendFigures [rounds]</pre>
 */
public final class BackendFigures {

    private BackendFigures() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String version = System.getProperty("ringlab.version", "0.1.0");
        Duration heartbeat = HealthMonitor.DEFAULT_INTERVAL;
        Map<String, List<long[]>> figures = new TreeMap<>();
        Map<String, Supplier<Backend>> backends = Map.of(
                "docker", () -> new DockerBackend(version, heartbeat, line -> { }),
                "swarm", () -> new SwarmBackend(version, null, heartbeat, line -> { }));
        for (int round = 0; round < rounds; round++) {
            for (String kind : List.of("docker", "swarm")) {
                long[] one = round(backends.get(kind).get(), heartbeat);
                figures.computeIfAbsent(kind, k -> new ArrayList<>()).add(one);
                System.out.printf(Locale.ROOT, "%s round %d: start to first heartbeat %d ms, kill to detection %d ms,"
                        + " to replacement %d ms%n", kind, round + 1, one[0], one[1], one[2]);
            }
        }
        String[] names = {"start to first heartbeat", "kill to detection", "kill to replacement"};
        for (int figure = 0; figure < names.length; figure++) {
            for (String kind : figures.keySet()) {
                int index = figure;
                long[] sorted = figures.get(kind).stream().mapToLong(f -> f[index]).sorted().toArray();
                System.out.printf(Locale.ROOT, "%-26s %-7s min %5d  median %5d  max %5d ms%n", names[figure], kind,
                        sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
            }
        }
    }

    private static long[] round(Backend backend, Duration heartbeat) throws Exception {
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        try (Cluster cluster = new Cluster(backend, RingConfig.DEFAULT);
             HealthMonitor monitor = new HealthMonitor(cluster, heartbeat, HealthMonitor.DEFAULT_MISSES)) {
            cluster.subscribe(events::add);
            cluster.add(1, List.of("anchor"));
            long began = System.nanoTime();
            Server victim = cluster.add(1, List.of("victim")).get(0);
            long started = (System.nanoTime() - began) / 1_000_000;
            monitor.start();
            Replica replica = cluster.replicaOf(victim);
            String container = backend instanceof SwarmBackend ? taskContainer(replica) : replica.backendId();
            Instant killed = Instant.now();
            docker("kill", container);
            Instant dead = null;
            Instant up = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((dead == null || up == null) && System.nanoTime() < deadline) {
                for (ClusterEvent event : events) {
                    if (event instanceof ClusterEvent.MemberDead d && d.server().equals(victim)) {
                        dead = d.at();
                    }
                    if (event instanceof ClusterEvent.MemberUp u && victim.equals(u.replaces())) {
                        up = u.at();
                    }
                }
                Thread.sleep(5);
            }
            if (dead == null || up == null) {
                throw new IllegalStateException("no detection or replacement within 60 s");
            }
            return new long[] {started, Duration.between(killed, dead).toMillis(), Duration.between(killed, up).toMillis()};
        }
    }

    private static String taskContainer(Replica replica) throws IOException, InterruptedException {
        return docker("ps", "-q", "--no-trunc", "--filter", "label=com.docker.swarm.service.id=" + replica.backendId());
    }

    private static String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0) {
            throw new IOException("docker " + String.join(" ", args) + ": " + out);
        }
        return out;
    }
}
