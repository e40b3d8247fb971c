package dev.ringlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A teacher holds replacements to show the ring without a dead server: a kill is detected by the health
 * monitor and takes the server off the ring, its row stays dead, nothing starts in its place however long
 * the controller loop runs, and releasing the hold starts the replacement.
 */
class ClusterHoldReplacementTest {

    @Test
    void aHeldDeathLeavesTheRingWithoutTheServerUntilReleased() {
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT);
             HealthMonitor monitor = new HealthMonitor(cluster, Duration.ofMillis(100), 2)) {
            cluster.add(3, List.of());
            cluster.subscribe(events::add);
            monitor.start();
            cluster.setReplaceDead(false);
            assertThat(cluster.replacesDead()).isFalse();

            Server victim = cluster.kill("Server 2");

            await().atMost(Duration.ofSeconds(10)).until(() -> !cluster.ring().contains(victim));
            assertThat(cluster.member("Server 2").orElseThrow().state()).isEqualTo(MemberState.DEAD);
            // held across several turns of the controller loop (it runs every second) and of the monitor
            await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(4)).until(() ->
                    events.stream().noneMatch(ClusterEvent.MemberStarting.class::isInstance)
                            && cluster.ring().size() == 2
                            && cluster.member("Server 2").orElseThrow().state() == MemberState.DEAD);
            assertThat(cluster.desiredSize()).isEqualTo(3);
            assertThat(events).anyMatch(e -> e instanceof ClusterEvent.MemberDead dead && dead.server().equals(victim));

            cluster.setReplaceDead(true);

            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.ring().size() == 3
                    && cluster.member("Server 2").isEmpty());
            assertThat(events).anyMatch(e -> e instanceof ClusterEvent.MemberStarting starting
                    && victim.equals(starting.replaces()));
            assertThat(cluster.ring().servers()).extracting(Server::name).doesNotContain("Server 2").hasSize(3);
        }
    }
}
