package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.util.List;
import org.junit.jupiter.api.Test;

class InProcessTestbedTest {

    @Test
    void aDeliverySaysWhichServerOwnsTheKeysSlot() {
        try (InProcessTestbed testbed = InProcessTestbed.open(new SimBackend(), RingConfig.DEFAULT, 3)) {
            Delivery delivery = testbed.send(123_456);

            assertThat(delivery.key()).isEqualTo(123_456);
            assertThat(delivery.slot()).isEqualTo(testbed.cluster().ring().slotOf(123_456));
            assertThat(delivery.server()).isEqualTo(testbed.cluster().ring().route(123_456).name());
            assertThat(delivery.status()).isEqualTo(200);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.ok()).isTrue();
            assertThat(delivery.latencyNanos()).isPositive();
        }
    }

    @Test
    void aKilledOwnerIsRetriedClockwiseAndAnEmptyRingFails() {
        try (InProcessTestbed testbed = InProcessTestbed.open(new SimBackend(), RingConfig.DEFAULT, 2)) {
            testbed.cluster().setReplaceDead(false);
            String owner = testbed.send(123_456).server();
            testbed.membership().kill(owner);

            Delivery retried = testbed.send(123_456);

            assertThat(retried.server()).isNotNull().isNotEqualTo(owner);
            assertThat(retried.retried()).isTrue();
            assertThat(retried.attempts()).isEqualTo(2);
            testbed.membership().kill(retried.server());
            Delivery failed = testbed.send(123_456);
            assertThat(failed.answered()).isFalse();
            assertThat(failed.status()).isZero();
        }
    }

    @Test
    void membershipGrowsAndShrinksTheRing() {
        try (InProcessTestbed testbed = InProcessTestbed.open(new SimBackend(), RingConfig.DEFAULT, 2)) {
            testbed.membership().resize(4);
            assertThat(testbed.membership().servers()).containsExactly("Server 1", "Server 2", "Server 3", "Server 4");
            testbed.membership().resize(3);
            assertThat(testbed.membership().servers()).containsExactly("Server 1", "Server 2", "Server 3");
            assertThatThrownBy(() -> testbed.membership().kill("Server 9"))
                    .isInstanceOf(TestbedException.class).hasMessageContaining("Server 9");
        }
    }

    /**
     * The window runs experiments on its own cluster: reshaped for the run (the first N of its servers),
     * then given back exactly as it was — same server names, same ring — and still running.
     */
    @Test
    void aSharedClusterIsReshapedForTheRunAndGivenBackAsItWas() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT);
             HealthMonitor health = new HealthMonitor(cluster, HealthMonitor.DEFAULT_INTERVAL, 2).start()) {
            cluster.add(3, List.of());
            cluster.add(2, List.of("web-a", "web-b"));
            List<String> before = cluster.ring().servers().stream().map(dev.ringlab.ring.Server::name).toList();

            DistributionResult result = new DistributionExperiment(InProcessTestbed.sharing(cluster)).run(
                    new DistributionParameters(RingConfig.DEFAULT.withHash(RingHash.MURMUR3), 3, Workload.of(42)),
                    ProgressListener.NONE);

            assertThat(result.loads()).extracting(ServerLoad::server)
                    .containsExactly("Server 1", "Server 2", "Server 3");
            assertThat(result.answered()).isEqualTo(10_000);
            assertThat(cluster.ring().servers()).extracting(dev.ringlab.ring.Server::name)
                    .containsExactlyInAnyOrderElementsOf(before);
            assertThat(cluster.ring().config()).isEqualTo(RingConfig.DEFAULT);
            assertThat(cluster.add(1, List.of())).hasSize(1);
        }
    }

    /** A-2 grows and A-4 switches hashes on a shared cluster; every hash sees the same server names. */
    @Test
    void aHashComparisonOnASharedClusterPairsTheServersAndRestoresThem() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT);
             HealthMonitor health = new HealthMonitor(cluster, HealthMonitor.DEFAULT_INTERVAL, 2).start()) {
            cluster.add(4, List.of());
            List<String> before = cluster.ring().servers().stream().map(dev.ringlab.ring.Server::name).toList();

            HashComparisonResult result = new HashComparisonExperiment(InProcessTestbed.sharing(cluster)).run(
                    new HashComparisonParameters(RingConfig.DEFAULT, 3, 2, 5, new Workload(500, 7, 1)),
                    ProgressListener.NONE);

            assertThat(result.runs()).hasSize(dev.ringlab.ring.RingHash.builtIn().size());
            for (var run : result.runs()) {
                assertThat(run.distribution().loads()).extracting(ServerLoad::server)
                        .as(run.hash()).containsExactly("Server 1", "Server 2", "Server 3");
            }
            assertThat(cluster.ring().servers()).extracting(dev.ringlab.ring.Server::name)
                    .containsExactlyInAnyOrderElementsOf(before);
            assertThat(cluster.ring().config()).isEqualTo(RingConfig.DEFAULT);
        }
    }
    /**
     * A-6 freezes and slows servers of the cluster it borrows; closing the run gives the owner back its
     * own faults and none of the run's (found in the window: a server left 1000 ms slow after A-6).
     */
    @Test
    void aRunsFaultsGoWithItAndTheOwnersOwnStay() throws Exception {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            cluster.fault("Server 3", new dev.ringlab.cluster.Fault(200, 0.1));

            try (Testbed testbed = InProcessTestbed.sharing(cluster).open(RingConfig.DEFAULT, 3)) {
                testbed.membership().slow("Server 1", 1000);
                testbed.membership().freeze("Server 2");
                testbed.membership().clear("Server 3");
                assertThat(testbed.membership().faults()).containsOnlyKeys("Server 1", "Server 2");
            }

            assertThat(cluster.faultOf("Server 1")).isEqualTo(dev.ringlab.cluster.Fault.NONE);
            assertThat(cluster.isFrozen(cluster.member("Server 2").orElseThrow().server())).isFalse();
            assertThat(cluster.faultOf("Server 3")).isEqualTo(new dev.ringlab.cluster.Fault(200, 0.1));
            assertThat(new ClusterMembership(cluster).faults()).containsOnlyKeys("Server 3");
        }
    }
}
