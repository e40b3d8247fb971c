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

    /** The window runs experiments on its own cluster: reshaped for the run, still running afterwards. */
    @Test
    void aSharedClusterIsReshapedForTheRunAndLeftRunning() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT);
             HealthMonitor health = new HealthMonitor(cluster, HealthMonitor.DEFAULT_INTERVAL, 2).start()) {
            cluster.add(5, List.of());

            DistributionResult result = new DistributionExperiment(InProcessTestbed.sharing(cluster)).run(
                    new DistributionParameters(RingConfig.DEFAULT.withHash(RingHash.MURMUR3), 3, Workload.of(42)),
                    ProgressListener.NONE);

            assertThat(result.loads()).hasSize(3);
            assertThat(result.answered()).isEqualTo(10_000);
            assertThat(cluster.ring().size()).isEqualTo(3);
            assertThat(cluster.ring().config().hash()).isEqualTo(RingHash.MURMUR3);
            assertThat(cluster.add(1, List.of())).hasSize(1);
        }
    }
}
