package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.Fault;
import dev.ringlab.ring.Server;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Weights and faults in the servers panel without a stage: the weight field's checks, the rows' text, the panel's words. */
class ServersViewModelTest {

    private final ServersViewModel servers = new ServersViewModel();
    private final StatusViewModel status = new StatusViewModel();

    @Test
    void theWeightIsAWholeNumberFromOneToWhatTheRingHoldsAndBlankIsOne() {
        assertThat(servers.newWeightProperty().get()).isEqualTo("1");
        servers.newWeightProperty().set(" 3 ");
        assertThat(servers.weightFor(512, 9, status)).isEqualTo(3);
        servers.newWeightProperty().set("");
        assertThat(servers.weightFor(512, 9, status)).isEqualTo(1);
        servers.newWeightProperty().set("56");
        assertThat(servers.weightFor(512, 9, status)).isEqualTo(56);
        assertThat(status.errorProperty().get()).isFalse();

        for (String bad : new String[] {"0", "-2", "57", "1.5", "two"}) {
            servers.newWeightProperty().set(bad);
            assertThat(servers.weightFor(512, 9, status)).isNull();
            assertThat(status.messageProperty().get()).isEqualTo("weight must be a whole number from 1 to 56 "
                    + "(512 slots, 9 virtual nodes per unit of weight), got '" + bad + "'");
            assertThat(status.errorProperty().get()).isTrue();
        }
    }

    @Test
    void aRowSaysItsWeightAndItsFaultInShortWords() {
        assertThat(row(false, Fault.NONE).faultText()).isEmpty();
        assertThat(row(true, Fault.NONE).faultText()).isEqualTo("frozen");
        assertThat(row(true, new Fault(200, 0.1)).faultText()).isEqualTo("frozen");
        assertThat(row(false, new Fault(200, 0.1)).faultText()).isEqualTo("+200 ms, 10% errors");
        assertThat(row(false, new Fault(200, 0)).faultText()).isEqualTo("+200 ms");
        assertThat(row(false, new Fault(0, 0.125)).faultText()).isEqualTo("12.5% errors");
        assertThat(row(false, new Fault(0, 1)).faultText()).isEqualTo("100% errors");
        assertThat(row(false, new Fault(200, 0.1)).faultDetail())
                .isEqualTo("slowed: 200 ms added to every /home, 10% of /home answered 500; /heartbeat still answers at once");
        assertThat(row(false, Fault.NONE).faultDetail()).isEmpty();
        assertThat(row(false, Fault.NONE).faulted()).isFalse();
        assertThat(row(true, Fault.NONE).faulted()).isTrue();
        assertThat(new ServerRow("S", "-", "-", "up").weight()).isEqualTo(1);
    }

    @Test
    void theSelectedRowFollowsTheTableSoTheFaultButtonsKnowWhatTheyCanDo() {
        servers.update(List.of(row(false, Fault.NONE)), Map.of());
        servers.select("Big");
        assertThat(servers.selectedRow().get().frozen()).isFalse();

        servers.update(List.of(row(true, Fault.NONE)), Map.of());
        assertThat(servers.selectedRow().get().frozen()).isTrue();
        servers.select("nobody");
        assertThat(servers.selectedRow().get()).isNull();
    }

    @Test
    void theRingMarksFrozenAndSlowServersThatAreOnItAndCrossesOutTheDownInstead() {
        servers.update(List.of(new ServerRow("Server 1", "-", "-", "up", 1, true, Fault.NONE),
                new ServerRow("Server 2", "-", "-", "up", 1, false, new Fault(0, 0.2)),
                new ServerRow("Server 3", "-", "-", "up", 1, false, Fault.NONE),
                new ServerRow("Server 9", "-", "-", "dead", 1, true, Fault.NONE)), Map.of());
        assertThat(servers.faultMarks()).isEqualTo(Map.of("Server 1", FaultMark.FROZEN, "Server 2", FaultMark.SLOW,
                "Server 9", FaultMark.FROZEN));

        List<Server> three = List.of(new Server(1, "Server 1"), new Server(2, "Server 2"), new Server(3, "Server 3"));
        dev.ringlab.ring.RingSnapshot ring = dev.ringlab.ring.RingSnapshot.of(dev.ringlab.ring.RingConfig.DEFAULT, three);
        RingPicture picture = RingPicture.of(ring, null, java.util.Set.of(three.get(1)), null, null,
                dev.ringlab.ring.algorithm.Algorithm.RING).withFaults(servers.faultMarks());
        // Server 9 is off the ring: nothing to mark
        assertThat(picture.faults()).containsOnlyKeys("Server 1", "Server 2");
        assertThat(picture.stateWord("Server 1")).isEqualTo(" (frozen)");
        // Server 2 is down: its cross says more than its fault, and the legend keys only what is drawn
        assertThat(picture.stateWord("Server 2")).isEqualTo(" (down)");
        assertThat(picture.stateWord("Server 3")).isEmpty();
        assertThat(picture.faultMarksShown()).containsExactly(FaultMark.FROZEN);
        assertThat(FaultArcs.markOf(picture, "Server 2")).isNull();
    }

    @Test
    void theButtonsOfferOnlyWhatTheClusterWouldDoAndSayWhyNot() {
        assertThat(ServerActions.of(null)).isEqualTo(ServerActions.ANY);
        assertThat(ServerActions.of(state("up", false, Fault.NONE)))
                .isEqualTo(new ServerActions(null, null, "S is not frozen", null, "S has no fault to clear"));
        assertThat(ServerActions.of(state("up", true, Fault.NONE)))
                .isEqualTo(new ServerActions(null, "S is already frozen", null, "S is frozen: thaw it before slowing it", null));
        assertThat(ServerActions.of(state("up", false, new Fault(200, 0))))
                .isEqualTo(new ServerActions(null, null, "S is not frozen", null, null));
        // off the ring: no fault applies, frozen or not, and a dead server cannot be killed again
        String replacing = "S is dead and being replaced: it is off the ring";
        assertThat(ServerActions.of(state("replacing", true, Fault.NONE))).isEqualTo(new ServerActions(
                "S is already dead and being replaced", replacing, replacing, replacing, replacing));
        String dead = "S is dead: it is off the ring";
        assertThat(ServerActions.of(state("dead", false, Fault.NONE)))
                .isEqualTo(new ServerActions("S is already dead", dead, dead, dead, dead));
        String starting = "S is starting: faults apply once it is on the ring";
        assertThat(ServerActions.of(state("starting", false, Fault.NONE)))
                .isEqualTo(new ServerActions(null, starting, starting, starting, starting));

        servers.update(List.of(state("dead", true, Fault.NONE)), Map.of());
        servers.select("S");
        assertThat(servers.selectedActions().get().thaw()).isEqualTo(dead);
        servers.update(List.of(state("up", true, Fault.NONE)), Map.of());
        assertThat(servers.selectedActions().get().thaw()).isNull();
    }

    private static ServerRow state(String state, boolean frozen, Fault fault) {
        return new ServerRow("S", "sim-1", "in memory", state, 1, frozen, fault);
    }

    @Test
    void whatJustHappenedSaysWhatWasDoneToTheServerAndThatNoKeyMoved() {
        LabViewModel lab = new LabViewModel(dev.ringlab.ring.RingSnapshot.empty(dev.ringlab.ring.RingConfig.DEFAULT),
                () -> null);
        TeachingViewModel panel = new TeachingViewModel(lab);
        Server s2 = new Server(2, "Server 2");

        lab.accept(List.of(new ClusterEvent.MemberFaulted(Instant.now(), s2, "frozen")));
        assertThat(panel.headlineProperty().get()).isEqualTo("Server 2 frozen");
        assertThat(panel.movedProperty().get()).contains("declared dead and replaced").contains("No key moved");
        assertThat(lab.status().log()).last().asString().endsWith("Server 2: frozen");

        lab.accept(List.of(new ClusterEvent.MemberFaulted(Instant.now(), s2, "thawed")));
        assertThat(panel.headlineProperty().get()).isEqualTo("Server 2 thawed");

        lab.accept(List.of(new ClusterEvent.MemberFaulted(Instant.now(), s2, new Fault(200, 0.1).describe())));
        assertThat(panel.headlineProperty().get()).isEqualTo("Server 2 slowed: 200 ms latency, 10% errors");
        assertThat(panel.movedProperty().get()).contains("/heartbeat still answers");
        assertThat(panel.flowsProperty().get()).isEmpty();

        lab.accept(List.of(new ClusterEvent.MemberFaulted(Instant.now(), s2, Fault.NONE.describe())));
        assertThat(panel.headlineProperty().get()).isEqualTo("Server 2: faults cleared");
    }

    private static ServerRow row(boolean frozen, Fault fault) {
        return new ServerRow("Big", "sim-1", "in memory", "up", 3, frozen, fault);
    }
}
