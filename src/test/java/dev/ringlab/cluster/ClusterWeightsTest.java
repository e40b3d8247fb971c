package dev.ringlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weights in the cluster: the room is counted in weight, and a refused change leaves the ring as it was. */
class ClusterWeightsTest {

    @Test
    void weightsFillTheRingsRoomAndWhatDoesNotFitIsRefusedWithNothingStarted() {
        SimBackend backend = new SimBackend();
        try (Cluster cluster = new Cluster(backend, RingConfig.DEFAULT)) {
            List<Server> added = cluster.add(2, List.of("Big"), List.of(50));
            assertThat(added).extracting(Server::weight).containsExactly(50, 1);
            RingSnapshot before = cluster.ring();
            assertThat(before.freeSlots()).isEqualTo(512 - 51 * 9);

            // 56 units fit in 512 slots of 9; 51 are taken, so 6 more do not.
            assertThatThrownBy(() -> cluster.add(1, List.of(), List.of(6)))
                    .isInstanceOf(ClusterException.class)
                    .hasMessage("weights [6] for 1 new servers total 6: the ring has room for a total weight of 5 more"
                            + " (512 slots, 9 virtual nodes per unit of weight)");
            // The classic count sees the weight too: 6 plain servers do not fit either.
            assertThatThrownBy(() -> cluster.add(6, List.of())).hasMessageStartingWith("cannot add 6 servers: the ring has room for 5 more");
            assertThat(cluster.ring()).isSameAs(before);
            assertThat(backend.list()).hasSize(2);

            cluster.add(1, List.of(), List.of(5));
            assertThat(cluster.ring().freeSlots()).isEqualTo(512 - 56 * 9);
        }
    }

    /** An experiment that borrowed the cluster gives back what it removed or killed: with the weight it had. */
    @Test
    void aReadmittedServerComesBackWithItsWeight() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(3, List.of("Big", "Plain"), List.of(3));
            cluster.remove(2, List.of("Big", "Plain"));

            List<Server> back = cluster.readmit(List.of("Big", "Plain"));

            assertThat(back).extracting(Server::name).containsExactly("Big", "Plain");
            assertThat(back).extracting(Server::weight).containsExactly(3, 1);
            assertThat(cluster.ring().virtualNodesOf(back.get(0))).hasSize(27);
        }
    }

    @Test
    void aSmallerRingThatCannotHoldTheWeightIsRefused() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(2, List.of(), List.of(10, 10));
            RingSnapshot before = cluster.ring();

            assertThatThrownBy(() -> cluster.reconfigure(new RingConfig(128, 9, RingHash.ASSIGNMENT, Probing.LINEAR)))
                    .isInstanceOf(ClusterException.class)
                    .hasMessage("2 servers of total weight 20 do not fit on a ring of 128 slots with 9 virtual nodes per unit of weight");
            assertThat(cluster.ring()).isSameAs(before);
        }
    }
}
