package dev.ringlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.RingSnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ClusterReconfigureTest {

    /** Every window experiment reshapes the cluster to its ring; the ring it already has must not redraw anything. */
    @Test
    void theSameConfigurationKeepsTheRingAndPublishesNothing() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            List<ClusterEvent> events = new CopyOnWriteArrayList<>();
            cluster.subscribe(events::add);
            RingSnapshot before = cluster.ring();

            cluster.reconfigure(RingConfig.DEFAULT);

            assertThat(cluster.ring()).isSameAs(before);
            assertThat(events).isEmpty();
        }
    }

    @Test
    void aNewConfigurationRebuildsTheRingWithTheSameServers() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            List<ClusterEvent> events = new CopyOnWriteArrayList<>();
            cluster.subscribe(events::add);
            RingSnapshot before = cluster.ring();

            cluster.reconfigure(RingConfig.DEFAULT.withHash(RingHash.MURMUR3));

            assertThat(cluster.ring().config().hash()).isEqualTo(RingHash.MURMUR3);
            assertThat(cluster.ring().servers()).isEqualTo(before.servers());
            assertThat(events).hasAtLeastOneElementOfType(ClusterEvent.RingChanged.class);
        }
    }

    /** A ring of another slot count is announced like any other change, so a window need not poll for it. */
    @Test
    void aNewSlotCountIsPublishedAsTheNextVersionWithoutASlotBySlotMigration() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            List<ClusterEvent> events = new CopyOnWriteArrayList<>();
            cluster.subscribe(events::add);
            RingSnapshot before = cluster.ring();
            RingConfig bigger = new RingConfig(1024, RingConfig.DEFAULT_VIRTUAL_NODES, RingConfig.DEFAULT.hash(),
                    RingConfig.DEFAULT.probing());

            cluster.reconfigure(bigger);

            assertThat(events).hasSize(1);
            ClusterEvent.RingChanged changed = (ClusterEvent.RingChanged) events.get(0);
            assertThat(changed.before()).isSameAs(before);
            assertThat(changed.after()).isSameAs(cluster.ring());
            assertThat(changed.after().config().slots()).isEqualTo(1024);
            assertThat(changed.after().version()).isEqualTo(before.version() + 1);
            assertThat(changed.migration()).isNull();
            assertThat(changed.describe()).isEqualTo("ring v" + changed.after().version()
                    + ": 3 servers, 1024 slots instead of 512: every key hashed again");
        }
    }

    /** Whatever changes (members, hash, slots), every snapshot the cluster publishes is newer than the last. */
    @Test
    void ringVersionsNeverGoBackwards() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            List<Long> versions = new CopyOnWriteArrayList<>();
            cluster.subscribe(event -> {
                if (event instanceof ClusterEvent.RingChanged changed) {
                    versions.add(changed.after().version());
                }
            });
            cluster.add(3, List.of());
            cluster.reconfigure(RingConfig.DEFAULT.withHash(RingHash.MURMUR3));
            cluster.add(1, List.of());
            cluster.reconfigure(new RingConfig(256, 9, RingHash.MURMUR3, RingConfig.DEFAULT.probing()));
            cluster.remove(1, List.of("Server 2"));
            cluster.reconfigure(RingConfig.DEFAULT);

            assertThat(versions).hasSizeGreaterThanOrEqualTo(6).isSorted().doesNotHaveDuplicates();
            assertThat(cluster.ring().version()).isEqualTo(versions.get(versions.size() - 1));
        }
    }
}
