package dev.ringlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.ringlab.testing.ClientPace;
import org.junit.jupiter.api.Test;

/**
 * The controller loop on the simulation backend, with a backend that can be taken away: what is
 * owed is replaced in parallel, a backend that does not answer is said once and retried with
 * backoff (no spinning), and add/remove move the desired size.
 */
class ClusterReconcileTest {

    @Test
    void everyDeadServerIsReplacedAtOnceAndTheSizeIsKept() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(4, List.of());
            List<Server> servers = cluster.ring().servers();

            servers.subList(0, 3).forEach(server -> cluster.declareDead(server, "test"));

            assertThat(ChaosRun.await(() -> cluster.ring().size() == 4
                    && cluster.members().size() == 4, Duration.ofSeconds(10))).isTrue();
            assertThat(cluster.desiredSize()).isEqualTo(4);
            assertThat(cluster.ring().servers()).doesNotContainAnyElementsOf(servers.subList(0, 3));
        }
    }

    @Test
    void aGoneBackendIsSaidOnceRetriedWithBackoffAndUsedWhenItComesBack() {
        UnpluggedBackend backend = new UnpluggedBackend();
        try (Cluster cluster = new Cluster(backend, RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            List<ClusterEvent> events = new CopyOnWriteArrayList<>();
            cluster.subscribe(events::add);
            backend.down.set(true);
            int before = backend.starts.get();

            cluster.declareDead(cluster.ring().servers().get(0), "test");
            ClientPace.pause(3_000); // the retries of 3 s are what is counted

            // 0, 0.25, 0.75, 1.75 s (give or take 20 %): a handful of tries in 3 s, not thousands.
            assertThat(backend.starts.get() - before).isBetween(2, 6);
            assertThat(events).filteredOn(ClusterEvent.BackendFailed.class::isInstance).hasSize(1)
                    .first().extracting(ClusterEvent::describe).asString()
                    .contains("does not answer", "no engine answers at unix:///test.sock", "retry");
            assertThat(events).noneMatch(ClusterEvent.ReplacementFailed.class::isInstance);
            assertThat(cluster.ring().size()).isEqualTo(2);

            backend.down.set(false);

            // The recovery is published just after the ring is written: wait for both.
            assertThat(ChaosRun.await(() -> cluster.ring().size() == 3
                    && events.stream().anyMatch(ClusterEvent.BackendRecovered.class::isInstance),
                    Cluster.RETRY_CAP.plusSeconds(5))).isTrue();
            assertThat(events).filteredOn(ClusterEvent.BackendRecovered.class::isInstance).hasSize(1);
            assertThat(cluster.members()).hasSize(3).allMatch(m -> m.state() == MemberState.UP);
        }
    }

    @Test
    void addAndRemoveMoveTheDesiredSizeAndARemovalLowersWhatIsOwed() {
        UnpluggedBackend backend = new UnpluggedBackend();
        try (Cluster cluster = new Cluster(backend, RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            cluster.add(1, List.of("S5"));
            assertThat(cluster.desiredSize()).isEqualTo(4);
            backend.down.set(true);
            cluster.declareDead(cluster.ring().servers().get(0), "test");

            cluster.remove(1, List.of("S5"));

            assertThat(cluster.desiredSize()).isEqualTo(3);
            backend.down.set(false);
            assertThat(ChaosRun.await(() -> cluster.ring().size() == 3, Cluster.RETRY_CAP.plusSeconds(5))).isTrue();
            ClientPace.pause(300); // time for a stray extra replacement to show, if there were one
            assertThat(cluster.members()).hasSize(3);

            cluster.remove(1, List.of());
            cluster.declareDead(cluster.ring().servers().get(0), "test");
            assertThat(ChaosRun.await(() -> cluster.ring().size() == 2 && cluster.members().size() == 2,
                    Duration.ofSeconds(10))).isTrue();
            assertThat(cluster.desiredSize()).isEqualTo(2);
        }
    }
}
