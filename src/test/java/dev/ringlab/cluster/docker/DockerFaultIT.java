package dev.ringlab.cluster.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.Fault;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.Replica;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault injection on real containers: a slow, faulty replica whose heartbeat still answers; a frozen
 * one ({@code docker pause}, as {@code docker inspect} shows) that answers again once unpaused; and
 * one frozen past {@code fall}, declared dead, replaced, and its paused container removed. Nothing of
 * the run is left.
 */
class DockerFaultIT {

    private static final Duration BOUND = Duration.ofSeconds(90);

    @BeforeAll
    static void engine() {
        Engine.require();
    }

    @Test
    void slowFrozenThawedAndFrozenPastFallOnContainers() throws Exception {
        DockerBackend backend = new DockerBackend(Engine.VERSION, HealthMonitor.DEFAULT_INTERVAL, line -> { });
        String run = backend.runId();
        try (Cluster cluster = new Cluster(backend, RingConfig.DEFAULT);
             HealthMonitor monitor = new HealthMonitor(cluster, HealthMonitor.DEFAULT_INTERVAL, 2, 2)) {
            cluster.add(2, List.of());
            Replica first = cluster.member("Server 1").orElseThrow().replica();

            cluster.fault("Server 1", new Fault(150, 1));
            long started = System.nanoTime();
            assertThat(backend.client().get(first, "/home").status()).isEqualTo(500);
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
            assertThat(backend.heartbeat(first)).isTrue();
            cluster.fault("Server 1", Fault.NONE);
            assertThat(backend.client().get(first, "/home").status()).isEqualTo(200);

            cluster.freeze("Server 1");
            assertThat(state(first)).isEqualTo("paused");
            assertThat(backend.heartbeat(first)).isFalse();
            cluster.thaw("Server 1");
            assertThat(state(first)).isEqualTo("running");
            assertThat(backend.heartbeat(first)).isTrue();

            cluster.freeze("Server 1");
            monitor.start();
            await().atMost(BOUND).until(() -> cluster.ring().size() == 2
                    && cluster.ring().servers().stream().map(Server::name).noneMatch("Server 1"::equals));
            await().atMost(BOUND).until(() -> !Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + run)
                    .contains(first.backendId()));
        }
        assertThat(Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + run)).as("containers left").isEmpty();
    }

    private static String state(Replica replica) {
        return Engine.docker("inspect", "--format", "{{.State.Status}}", replica.backendId()).get(0).trim();
    }
}
