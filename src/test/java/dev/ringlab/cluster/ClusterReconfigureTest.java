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
}
