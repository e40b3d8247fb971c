package dev.ringlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link Cluster#restore} puts a lent cluster back exactly: the servers under their own ids and weights,
 * every virtual node on its slot, the next id, in one ring change, whatever the loan did meanwhile.
 */
class ClusterRestoreTest {

    @Test
    void killedRemovedAddedAndReshapedServersComeBackAsTheyWereInOneRingChange() {
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT);
             HealthMonitor monitor = new HealthMonitor(cluster, Duration.ofMillis(100), 2)) {
            cluster.add(4, List.of());
            cluster.remove(1, List.of("Server 1"));
            cluster.add(1, List.of("web"), List.of(2));
            monitor.start();
            Lineup lent = cluster.lineup();

            // the loan: a kill replaced under a new id, one more server, another hash, one removed
            Server victim = cluster.kill("Server 3");
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.ring().size() == 4
                    && !cluster.ring().contains(victim));
            cluster.add(2, List.of());
            cluster.reconfigure(new RingConfig(512, 9, RingHash.MURMUR3, RingConfig.DEFAULT.probing()));
            cluster.remove(1, List.of("web"));
            cluster.subscribe(events::add);

            cluster.restore(lent);

            assertThat(cluster.ring().samePlacementAs(lent.ring())).isTrue();
            assertThat(cluster.ring().version()).isGreaterThan(lent.ring().version());
            assertThat(cluster.ring().servers()).extracting(s -> s.name() + "#" + s.id() + "x" + s.weight())
                    .containsExactly("Server 2#2x1", "Server 3#3x1", "Server 4#4x1", "web#5x2");
            assertThat(cluster.members()).allMatch(member -> member.state() == MemberState.UP)
                    .extracting(member -> member.server().name())
                    .as("in join order, as the servers table lists them")
                    .containsExactly("Server 2", "Server 3", "Server 4", "web");
            assertThat(cluster.desiredSize()).isEqualTo(4);
            assertThat(events.stream().filter(ClusterEvent.RingChanged.class::isInstance).count())
                    .as("no ring in between is shown").isEqualTo(1);
            assertThat(cluster.add(1, List.of())).extracting(Server::name).containsExactly("Server 6");
        }
    }

    /** An A-1 on the window's own servers changes nothing: giving them back announces no ring change. */
    @Test
    void aLoanThatChangedNothingGivesBackWithoutARingChange() {
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            Lineup lent = cluster.lineup();
            cluster.subscribe(events::add);

            cluster.restore(lent);

            assertThat(events).noneMatch(ClusterEvent.RingChanged.class::isInstance);
            assertThat(cluster.ring().version()).isEqualTo(lent.ring().version());
            assertThat(cluster.add(1, List.of())).extracting(Server::name).containsExactly("Server 4");
        }
    }

    @Test
    void aServerKilledButNotYetDeclaredDeadStartsAgainRatherThanBeingReplacedLater() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            Lineup lent = cluster.lineup();
            // nobody watches health here: the killed server stays on the ring, its replica ended
            cluster.kill("Server 2");

            cluster.restore(lent);

            assertThat(cluster.ring().samePlacementAs(lent.ring())).isTrue();
            Server second = lent.ring().servers().get(1);
            assertThat(cluster.backend().heartbeat(cluster.replicaOf(second))).isTrue();
        }
    }

    /**
     * An engine gone while a loan is given back: what it will not start again is owed, as a dead server
     * is, and replaced once the backend answers; the rest is given back, and the cluster heals to its size.
     */
    @Test
    void serversThatCannotStartAgainAreOwedAndTheClusterHealsToTheLineupsSize() {
        UnpluggedBackend backend = new UnpluggedBackend();
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        try (Cluster cluster = new Cluster(backend, RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            Lineup lent = cluster.lineup();
            cluster.remove(1, List.of("Server 2"));
            cluster.add(1, List.of("extra"));
            cluster.subscribe(events::add);
            backend.down.set(true);

            cluster.restore(lent);

            assertThat(cluster.ring().servers()).extracting(Server::name).containsExactly("Server 1", "Server 3");
            assertThat(cluster.members()).extracting(member -> member.server().name() + " " + member.state())
                    .containsExactly("Server 1 UP", "Server 2 REPLACING", "Server 3 UP");
            assertThat(cluster.desiredSize()).isEqualTo(3);
            assertThat(events).anyMatch(ClusterEvent.BackendFailed.class::isInstance)
                    .anyMatch(event -> event instanceof ClusterEvent.MemberDead dead
                            && dead.server().name().equals("Server 2"));

            backend.down.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.ring().size() == 3);
            assertThat(cluster.members()).allMatch(member -> member.state() == MemberState.UP)
                    .extracting(member -> member.server().name())
                    .containsExactly("Server 1", "Server 3", "Server 4");
        }
    }

    /**
     * A teacher held replacements and killed a server, then ran an experiment that lets replacements in:
     * the dead server is not replaced during the loan, and comes back dead, held and still owed.
     */
    @Test
    void aServerAHoldKeptDeadIsSetAsideForTheLoanAndComesBackDeadAndOwed() {
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT)) {
            cluster.add(3, List.of());
            cluster.setReplaceDead(false);
            Server second = cluster.kill("Server 2");
            cluster.declareDead(second, "killed");
            RingSnapshot withoutIt = cluster.ring();

            Lineup lent = cluster.lend();
            cluster.setReplaceDead(true); // the loan's run lets replacements in (A-3)
            cluster.add(1, List.of());
            Server third = cluster.kill("Server 3");
            cluster.declareDead(third, "killed");
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.ring().size() == 3 && !cluster.ring().contains(third));
            assertThat(cluster.members()).extracting(member -> member.server().name())
                    .as("the held dead server is not replaced during the loan").doesNotContain("Server 2");
            cluster.setReplaceDead(false);

            cluster.restore(lent);

            assertThat(lent.held()).containsExactly(second);
            assertThat(cluster.ring().samePlacementAs(withoutIt)).isTrue();
            assertThat(cluster.members()).extracting(member -> member.server().name() + " " + member.state())
                    .containsExactly("Server 1 UP", "Server 3 UP", "Server 2 DEAD");
            assertThat(cluster.desiredSize()).isEqualTo(3);

            cluster.setReplaceDead(true); // the teacher releases the hold: now it is replaced
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.ring().size() == 3);
            assertThat(cluster.members()).allMatch(member -> member.state() == MemberState.UP).hasSize(3);
        }
    }
}
