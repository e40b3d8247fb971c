package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.PlacementSettings;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window's state and behaviour without a stage: events in, properties out; the panels' wording, backend and servers too. */
class LabViewModelTest {

    private static final RingConfig CONFIG = RingConfig.DEFAULT.withHash(RingHash.MURMUR3);
    private static final Server S1 = new Server(1, "Server 1");
    private static final Server S2 = new Server(2, "Server 2");
    private static final Server S3 = new Server(3, "Server 3");
    private static final long FRAME = 16_666_667L;

    private final RingSnapshot empty = RingSnapshot.empty(CONFIG);
    private final RingSnapshot three = RingSnapshot.of(CONFIG, List.of(S1, S2, S3));
    private final RingSnapshot two = three.withoutServer(S2);
    private final LabViewModel model = new LabViewModel(empty, () -> Algorithm.RING.of(
            PlacementSettings.DEFAULT, List.of(S1, S2, S3)));

    private static ClusterEvent changed(RingSnapshot before, RingSnapshot after) {
        return new ClusterEvent.RingChanged(Instant.now(), before, after, before.config().slots() == after.config().slots()
                ? before.migrationTo(after) : null);
    }

    private void play(long frames) {
        for (long f = 1; f <= frames; f++) {
            model.playback().tick(f * FRAME + ticks);
        }
        ticks += frames * FRAME;
    }

    private long ticks;
    private final TeachingViewModel teaching = new TeachingViewModel(model);

    @Test
    void aRingChangeIsShownWithWhatItMovedAndLoggedInWords() {
        model.accept(List.of(changed(empty, three)));
        play(2);
        assertThat(model.playback().shownProperty().get()).isSameAs(three);
        assertThat(model.lastChangeProperty().get().kind()).isEqualTo(ChangeReport.Kind.FIRST);
        assertThat(model.status().log()).last().asString().contains("are the first on the ring")
                .doesNotContain("100.0%");
        assertThat(model.settings().balanceProperty().get()).startsWith("Busiest / mean ");
    }

    @Test
    void pauseHoldsThePictureAndStepShowsOneChangeAtATime() {
        model.playback().pausedProperty().set(true);
        model.accept(List.of(changed(empty, three), changed(three, two)));
        play(200);
        assertThat(model.playback().shownProperty().get()).isSameAs(empty);
        assertThat(model.playback().waitingProperty().get()).isEqualTo(2);

        model.playback().step();
        assertThat(model.playback().shownProperty().get()).isSameAs(three);
        model.playback().step();
        assertThat(model.playback().shownProperty().get()).isSameAs(two);
        assertThat(model.lastChangeProperty().get().headline()).isEqualTo("Server 2 left (3 → 2 servers)");
        assertThat(model.playback().waitingProperty().get()).isZero();
    }

    @Test
    void flightsStandStillWhilePausedAndRunAtTheChosenSpeed() {
        play(1);
        long before = model.playback().viewNanos();
        model.playback().pausedProperty().set(true);
        play(60);
        assertThat(model.playback().viewNanos()).isEqualTo(before);
        model.playback().pausedProperty().set(false);
        model.playback().speedProperty().set(0.25);
        play(60);
        assertThat(model.playback().viewNanos() - before).isBetween(60 * FRAME / 4 - FRAME, 60 * FRAME / 4 + FRAME);
        model.playback().speedProperty().set(10);
        assertThat(model.playback().speedProperty().get()).isEqualTo(Playback.MAX_SPEED);
    }

    @Test
    void changesAreEachShownLongEnoughToSeeAtOneTimesSpeed() {
        model.accept(List.of(changed(empty, three), changed(three, two)));
        play(2);
        assertThat(model.playback().shownProperty().get()).isSameAs(three);
        play(30); // half a second: the first change is still on show
        assertThat(model.playback().shownProperty().get()).isSameAs(three);
        play(40);
        assertThat(model.playback().shownProperty().get()).isSameAs(two);
    }

    @Test
    void aKilledServerStaysCrossedOutUntilItLeavesAndHoldPausesThere() {
        model.playback().holdAfterDeathProperty().set(true);
        model.accept(List.of(changed(empty, three)));
        play(2);
        model.accept(List.of(new ClusterEvent.MemberKilled(Instant.now(), S2)));
        assertThat(model.down()).containsExactly(S2);
        model.accept(List.of(new ClusterEvent.MemberDead(Instant.now(), S2, "3 missed heartbeats"),
                changed(three, two)));
        play(120);
        assertThat(model.playback().shownProperty().get()).isSameAs(two);
        // off the ring, but not gone from the cluster until replaced: still crossed out where it was
        assertThat(model.down()).containsExactly(S2);
        assertThat(model.playback().pausedProperty().get()).as("held after the death").isTrue();
        RingPicture picture = RingPicture.of(two, model.lastChangeProperty().get(), model.down(), null, null, Algorithm.RING);
        assertThat(picture.ghostSlots()).isNotEmpty().isEqualTo(picture.changedSlots());
        assertThat(picture.fallen()).hasSize(9).allSatisfy(marker -> assertThat(marker.server()).isEqualTo(S2));
        assertThat(picture.fallen()).extracting(RingPicture.Marker::slot)
                .containsExactlyInAnyOrderElementsOf(three.virtualNodes().stream().filter(n -> n.server().equals(S2))
                        .map(dev.ringlab.ring.VirtualNode::slot).toList());

        model.accept(List.of(new ClusterEvent.MemberRemoved(Instant.now(), S2))); // its row leaves the table
        assertThat(model.down()).isEmpty();
    }

    @Test
    void probingAKeyShowsItsSlotWalkAndServerAndSelectsIt() {
        model.accept(List.of(changed(empty, three)));
        play(2);
        model.servers().update(List.of(new ServerRow("Server 1", "-", "-", "up"), new ServerRow("Server 2", "-", "-", "up"),
                new ServerRow("Server 3", "-", "-", "up")), Map.of());
        model.probe("42");
        KeyProbe probe = model.probeProperty().get();
        assertThat(probe.key()).isEqualTo(42);
        assertThat(probe.slot()).isEqualTo(three.slotOf(42));
        assertThat(probe.node().slot()).isEqualTo(three.owningVirtualNode(probe.slot()).slot());
        assertThat(Math.floorMod(probe.slot() + probe.walk(), 512)).isEqualTo(probe.node().slot());
        assertThat(probe.server()).isEqualTo(three.route(42));
        assertThat(model.servers().selectedProperty().get()).isEqualTo(three.route(42).name());
        assertThat(probe.describe()).startsWith("Key 42 → slot " + probe.slot());

        model.probe("  ");
        assertThat(model.probeProperty().get()).isSameAs(probe);
        assertThat(model.status().errorProperty().get()).isTrue();
    }

    @Test
    void selectionFollowsTheServerAndClearsWhenItLeaves() {
        model.servers().update(List.of(new ServerRow("Server 1", "-", "-", "up"), new ServerRow("Server 2", "-", "-", "up")),
                Map.of("Server 1", 5L));
        model.servers().select("Server 2");
        assertThat(model.servers().selectedProperty().get()).isEqualTo("Server 2");
        assertThat(model.servers().served("Server 1")).isEqualTo(5);
        model.servers().update(List.of(new ServerRow("Server 1", "-", "-", "up")), Map.of("Server 1", 7L));
        assertThat(model.servers().selectedProperty().get()).isNull();
        assertThat(model.servers().served("Server 1")).isEqualTo(7);
        model.servers().select("nobody");
        assertThat(model.servers().selectedProperty().get()).isNull();
    }

    @Test
    void settingsAreCheckedBeforeTheyReachTheRing() {
        RingSettingsViewModel settings = model.settings();
        settings.slotsProperty().set(0);
        assertThat(settings.check(3).error()).contains("slots must be between");
        settings.slotsProperty().set(16);
        settings.virtualNodesProperty().set(9);
        assertThat(settings.check(3).error()).isEqualTo("3 servers do not fit on 16 slots with 9 virtual nodes each");
        settings.slotsProperty().set(1024);
        assertThat(settings.check(3).config().slots()).isEqualTo(1024);
        assertThat(RingSettingsViewModel.parseWhole("twelve", "slots").error())
                .isEqualTo("slots must be a whole number, got 'twelve'");
    }

    @Test
    void theBalanceFigureIsBusiestOverMeanAndTheCoefficientOfVariation() {
        assertThat(RingSettingsViewModel.balanceOf(List.of(100, 100, 100, 100), 400)).startsWith("Busiest / mean 1.00 · CV 0.00");
        assertThat(RingSettingsViewModel.balanceOf(List.of(300, 100), 400)).startsWith("Busiest / mean 1.50 · CV 0.50");
    }

    @Test
    void theLogKeepsTheLastLinesOnly() {
        for (int i = 0; i < StatusViewModel.MAX_LOG_LINES + 10; i++) {
            model.status().log("line " + i);
        }
        assertThat(model.status().log()).hasSize(StatusViewModel.MAX_LOG_LINES).last().asString()
                .endsWith("line " + (StatusViewModel.MAX_LOG_LINES + 9));
    }

    /** The servers panel scrolls the log to each new line from a listener on {@code log()}: it must keep hearing. */
    @Test
    void aListenerOnTheLogHearsEveryLineLongAfterItWasAdded() {
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        model.status().log().addListener((javafx.collections.ListChangeListener<String>) change -> heard.incrementAndGet());
        for (int i = 0; i < 3; i++) {
            System.gc(); // a read-only view made per call, and the listener on it, would be collected here
        }

        model.status().log("after the collection");

        assertThat(heard).hasValue(1);
        assertThat(model.status().log()).isSameAs(model.status().log());
    }

    @Test
    void theTeachingPanelSaysWhatTheChangeOnShowDid() {
        assertThat(teaching.headlineProperty().get()).isEqualTo(TeachingViewModel.NOTHING_YET);

        model.accept(List.of(changed(empty, three)));
        model.playback().tick(FRAME);
        model.playback().tick(2 * FRAME);

        assertThat(teaching.headlineProperty().get()).contains("first on the ring");
        assertThat(teaching.sharesProperty().get()).startsWith("Share of the ring, before → after:\n")
                .contains("Server 1", "Server 2", "Server 3");
    }

    @Test
    void aJoinThatTakesFromManyServersListsEightHandoversThenHowManyMore() {
        // 20 servers of 20 virtual nodes: the 21st takes slots from more than eight of them
        RingConfig dense = new RingConfig(CONFIG.slots(), 20, CONFIG.hash(), CONFIG.probing());
        List<Server> twenty = java.util.stream.IntStream.rangeClosed(1, 20)
                .mapToObj(i -> new Server(i, "Server " + i)).toList();
        RingSnapshot before = RingSnapshot.of(dense, twenty);
        RingSnapshot after = before.withServer(new Server(21, "Server 21"));
        model.accept(List.of(changed(RingSnapshot.empty(dense), before), changed(before, after)));
        for (int f = 1; f < 1000 && model.playback().shownProperty().get() != after; f++) {
            model.playback().tick(f * 10 * FRAME);
        }

        String flows = teaching.flowsProperty().get();
        assertThat(flows).startsWith("Slots handed over:\n");
        assertThat(flows.lines().filter(line -> line.contains("→"))).hasSize(TeachingViewModel.FLOWS_SHOWN);
        assertThat(flows).containsPattern("… and \\d+ more$");
    }

    @Test
    void playbackReadsAsTheButtonsAndLabelsShowIt() {
        assertThat(teaching.pauseText().get()).isEqualTo("Pause");
        assertThat(teaching.speedText().get()).isEqualTo("1x");
        assertThat(teaching.waitingText().get()).isEmpty();

        model.playback().pausedProperty().set(true);
        model.accept(List.of(changed(empty, three), changed(three, three.withoutServer(S2))));
        model.playback().speedProperty().set(TeachingViewModel.speedOf(-2));

        assertThat(teaching.pauseText().get()).isEqualTo("Play");
        assertThat(teaching.speedText().get()).isEqualTo("0.25x");
        assertThat(teaching.waitingText().get()).isEqualTo("2 waiting");
        assertThat(TeachingViewModel.speedOf(2)).isEqualTo(4.0);
    }

    @Test
    void aProbedKeyIsDescribedAndABlankOneSaysHow() {
        model.accept(List.of(changed(empty, three)));
        model.playback().tick(FRAME);
        model.playback().tick(2 * FRAME);

        model.probe("alice");
        assertThat(teaching.probeText().get()).contains("alice");

        model.probe("  ");
        assertThat(model.status().errorProperty().get()).isTrue();
        assertThat(teaching.probeText().get()).as("the last probe stays").contains("alice");
    }

    @Test
    void theSlotUnderThePointerIsDescribedOrHowToPointIsSaid() {
        assertThat(model.pointedText().get()).startsWith("Point at the ring");
        RingPicture picture = RingPicture.of(three, null, java.util.Set.of(), null, null, Algorithm.RING);
        RingPicture.Marker marker = picture.markers().get(0);

        model.pointedProperty().set(picture.detailOf(marker.slot()));

        assertThat(model.pointedText().get()).startsWith("Slot " + marker.slot() + " (a virtual node sits here)")
                .contains("Served by " + marker.serverName());
    }

    @Test
    void theBackendOnShowIsOfferedFirstAndNoSwitchIsAskedTwice() {
        BackendViewModel backend = new BackendViewModel(BackendKind.PROCESS, List.of(BackendKind.SIM, BackendKind.DOCKER));

        assertThat(backend.offered()).containsExactly(BackendKind.PROCESS, BackendKind.SIM, BackendKind.DOCKER);
        assertThat(backend.wantsSwitch(BackendKind.PROCESS)).isFalse();
        assertThat(backend.wantsSwitch(null)).isFalse();
        assertThat(backend.wantsSwitch(BackendKind.DOCKER)).isTrue();
        backend.switching(true);
        assertThat(backend.wantsSwitch(BackendKind.DOCKER)).as("while a switch is under way").isFalse();
        backend.runningOn(BackendKind.DOCKER);
        backend.switching(false);
        assertThat(backend.currentProperty().get()).isEqualTo(BackendKind.DOCKER);
    }

    @Test
    void theBalancerAddressIsShownOrSaidToBeInMemory() {
        BackendViewModel backend = model.backend();
        assertThat(backend.balancerUrlProperty().get()).isEqualTo(BackendViewModel.NO_BALANCER);
        assertThat(backend.noBalancerProperty().get()).isTrue();

        backend.showBalancer(URI.create("http://127.0.0.1:5000"));

        assertThat(backend.balancerUrlProperty().get()).isEqualTo("http://127.0.0.1:5000");
        assertThat(backend.noBalancerProperty().get()).isFalse();
    }

    @Test
    void theTypedNameEmptiesAfterItsAddUnlessTheNextOneIsTyped() {
        ServersViewModel servers = model.servers();
        servers.newNameProperty().set("S5");
        servers.added("S5");
        assertThat(servers.newNameProperty().get()).isEmpty();

        servers.newNameProperty().set("S7");
        servers.added("S6");
        assertThat(servers.newNameProperty().get()).isEqualTo("S7");
    }

    @Test
    void removingOrKillingWithNothingSelectedSaysWhereToSelect() {
        assertThat(model.servers().selectedFor("kill", model.status())).isNull();

        assertThat(model.status().messageProperty().get())
                .isEqualTo("Select a server (in the table, the legend or on the ring) to kill it.");
        assertThat(model.status().errorProperty().get()).isTrue();
    }

    /** A new slot count comes as an event like any other change: the window shows it without polling the cluster. */
    @Test
    void aResizedRingFromTheClusterIsShownFromItsEventAlone() {
        try (dev.ringlab.cluster.Cluster cluster = new dev.ringlab.cluster.Cluster(new dev.ringlab.cluster.SimBackend(), CONFIG)) {
            List<ClusterEvent> events = new java.util.ArrayList<>();
            cluster.subscribe(events::add);
            cluster.add(3, List.of());
            RingConfig bigger = new RingConfig(1024, CONFIG.virtualNodesPerServer(), CONFIG.hash(), CONFIG.probing());
            cluster.reconfigure(bigger);

            model.accept(List.copyOf(events));
            play(200);

            assertThat(model.playback().shownProperty().get()).isSameAs(cluster.ring());
            assertThat(model.settings().slotsProperty().get()).isEqualTo(1024);
            assertThat(model.status().log()).last().asString()
                    .contains("ring v" + cluster.ring().version() + ": ");
        }
    }

    @Test
    void theSlotPanelCountsOneSlotAsOneSlot() {
        Server server = new Server(2, "Server 2", 1);
        RingPicture.Marker alone = new RingPicture.Marker(165, server, 8, 165, 1, 1 / 512.0, "#D55E00");
        RingPicture.Marker arc = new RingPicture.Marker(104, server, 6, 104, 21, 21 / 512.0, "#D55E00");

        assertThat(LabViewModel.describe(new RingPicture.SlotDetail(165, alone, true, 0.018, null)))
                .contains("an arc of 1 slot (0.2% of the ring)");
        assertThat(LabViewModel.describe(new RingPicture.SlotDetail(88, arc, false, 0.018, null)))
                .contains("an arc of 21 slots (4.1% of the ring)");
    }
}
