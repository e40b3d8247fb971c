package dev.ringlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.ring.RingConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * HAProxy's fall/rise on the simulation, one heartbeat round at a time: a server that flaps (frozen
 * every other round) stays on the ring for ever without rise, and is replaced once with it; a short
 * freeze does not cost a server its place; freeze, thaw and fault refuse what they cannot do.
 */
class HealthHysteresisTest {

    /** Ring changes while "Server 1" flaps (frozen one round, thawed the next) for {@code rounds} rounds. */
    private static FlapOutcome flap(int fall, int rise, int rounds) {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            HealthMonitor monitor = new HealthMonitor(cluster, Duration.ofMillis(200), fall, rise);
            AtomicInteger ringChanges = new AtomicInteger();
            cluster.subscribe(event -> {
                if (event instanceof ClusterEvent.RingChanged) {
                    ringChanges.incrementAndGet();
                }
            });
            for (int round = 0; round < rounds; round++) {
                cluster.member("Server 1").filter(m -> m.state() == MemberState.UP).ifPresent(flapper -> {
                    if (cluster.isFrozen(flapper.server())) {
                        cluster.thaw("Server 1");
                    } else {
                        cluster.freeze("Server 1");
                    }
                });
                monitor.probeOnce();
            }
            boolean stillOnRing = cluster.ring().servers().stream().anyMatch(s -> s.name().equals("Server 1"));
            return new FlapOutcome(stillOnRing, ringChanges.get());
        }
    }

    private record FlapOutcome(boolean flapperOnRing, int ringChanges) {
    }

    @Test
    void withoutRiseAFlappingServerIsNeverDeclaredDeadWithItItIsReplacedOnce() {
        FlapOutcome without = flap(2, 1, 20);
        FlapOutcome with = flap(2, 2, 20);

        assertThat(without.flapperOnRing()).isTrue();
        assertThat(without.ringChanges()).isZero();
        assertThat(with.flapperOnRing()).isFalse();
        // off the ring once (declared dead); the replacement's join may still be on its way
        assertThat(with.ringChanges()).isBetween(1, 2);
    }

    @Test
    void aServerThawedBeforeFallStaysAndNeedsRiseAnswersToBeTrustedAgain() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(2, List.of());
            HealthMonitor monitor = new HealthMonitor(cluster, Duration.ofMillis(200), 3, 2);
            cluster.setReplaceDead(false); // so the dead Server 1 stays to be looked at, not replaced

            cluster.freeze("Server 1");
            monitor.probeOnce();
            monitor.probeOnce(); // 2 misses of 3
            cluster.thaw("Server 1");
            monitor.probeOnce(); // 1 answer of 2: still suspect
            cluster.freeze("Server 1");
            monitor.probeOnce(); // the third miss since the last trusted answer

            assertThat(cluster.member("Server 1").orElseThrow().state()).isNotEqualTo(MemberState.UP);
        }
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(2, List.of());
            HealthMonitor monitor = new HealthMonitor(cluster, Duration.ofMillis(200), 3, 2);

            cluster.freeze("Server 1");
            monitor.probeOnce();
            monitor.probeOnce();
            cluster.thaw("Server 1");
            monitor.probeOnce();
            monitor.probeOnce(); // 2 answers in a row: trusted again, misses forgotten
            cluster.freeze("Server 1");
            monitor.probeOnce();
            monitor.probeOnce();

            assertThat(cluster.member("Server 1").orElseThrow().state()).isEqualTo(MemberState.UP);
        }
    }

    @Test
    void refusalsNameTheLimitsAndChangeNothing() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(2, List.of());

            assertThatThrownBy(() -> cluster.freeze("Server 7")).isInstanceOf(ClusterException.class)
                    .hasMessage("no server is named 'Server 7' (servers: Server 1, Server 2)");
            assertThatThrownBy(() -> cluster.thaw("Server 1")).hasMessage("Server 1 is not frozen");
            assertThatThrownBy(() -> new Fault(-1, 0)).hasMessage("latency must be within 0..60000 ms, got -1");
            assertThatThrownBy(() -> new Fault(0, 1.01)).hasMessage("error rate must be within 0..1, got 1.01");
            assertThatThrownBy(() -> new Fault(0, Double.NaN)).hasMessage("error rate must be within 0..1, got NaN");
            cluster.freeze("Server 1");
            assertThatThrownBy(() -> cluster.fault("Server 1", new Fault(10, 0)))
                    .hasMessage("Server 1 is frozen: thaw it before changing its latency or error rate");
            assertThat(cluster.faultOf("Server 1")).isEqualTo(Fault.NONE);

            // replacement off first: a replacement could otherwise take Server 1's place before thaw
            cluster.setReplaceDead(false);
            cluster.declareDead(cluster.member("Server 1").orElseThrow().server(), "test");

            assertThatThrownBy(() -> cluster.thaw("Server 1")).hasMessageStartingWith("Server 1 is ");
            assertThatThrownBy(() -> new HealthMonitor(cluster, Duration.ofMillis(200), 2, 0))
                    .hasMessage("rise must be at least 1, got 0");
        }
    }

    @Test
    void theSimulationSlowsAndFailsHomeButNotTheHeartbeat() throws Exception {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(1, List.of());
            Replica replica = cluster.member("Server 1").orElseThrow().replica();

            cluster.fault("Server 1", new Fault(30, 1));

            long started = System.nanoTime();
            assertThat(cluster.backend().client().get(replica, "/home").status()).isEqualTo(500);
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
            assertThat(cluster.backend().heartbeat(replica)).isTrue();
            assertThat(cluster.faultOf("Server 1")).isEqualTo(new Fault(30, 1));

            cluster.fault("Server 1", Fault.NONE);

            assertThat(cluster.backend().client().get(replica, "/home").status()).isEqualTo(200);
        }
    }
}
