package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.LiveTally;
import dev.ringlab.ring.RequestKey;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.VirtualNode;
import dev.ringlab.ring.algorithm.Algorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment or a lesson borrows the window's cluster and gives it back exactly: the same servers under
 * the same ids and weights, every virtual node on the slot it had, the same algorithm and hold. Under the
 * assignment hash a server's nodes land by its id, and probing places them around the nodes already there,
 * so the same names with other ids, or in another order, are another ring (issue 14, item 7).
 */
class BorrowedClusterTest {

    @TempDir
    Path folder;

    private LabSession session;
    /** The window's ring before the runs of {@link #experimentsOverAWindowWithHistory}. */
    private RingSnapshot windowBefore;
    private long now;

    private LabSession open(Backend backend) {
        session = new LabSession(backend, RingConfig.DEFAULT, 0).start();
        return session;
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    /** Every slot's owner and every slot's virtual node, with ids and weights: two equal lists are one ring. */
    private static List<String> picture(RingSnapshot ring) {
        List<String> slots = new ArrayList<>(IntStream.range(0, ring.config().slots()).mapToObj(slot -> {
            Server owner = ring.ownerOfSlot(slot);
            VirtualNode node = ring.virtualNodeAt(slot);
            return slot + " -> " + owner.name() + " (id " + owner.id() + ", weight " + owner.weight() + ")"
                    + (node == null ? "" : " node " + node.replica() + " of " + node.server().name());
        }).toList());
        slots.add("config " + ring.config());
        slots.add("joined " + ring.servers().stream().map(s -> s.name() + "#" + s.id() + "x" + s.weight()).toList());
        return slots;
    }

    /**
     * Servers 2 to 6 on the default ring (assignment hash, linear probing), Server 6 of weight 2: Server 4's
     * first node probed past Server 1's, which then left, so the ring is not what adding its servers again
     * in order would make.
     */
    private RingSnapshot aWindowWithHistory() throws Exception {
        session.add(5).get(30, TimeUnit.SECONDS);
        session.remove("Server 1").get(30, TimeUnit.SECONDS);
        session.add("", 2).get(30, TimeUnit.SECONDS); // Server 6, weight 2
        RingSnapshot before = session.ring();
        assertThat(before.servers()).extracting(Server::name)
                .containsExactly("Server 2", "Server 3", "Server 4", "Server 5", "Server 6");
        assertThat(RingSnapshot.of(before.config(), before.servers()).samePlacementAs(before))
                .as("the window's ring is not rebuilt by adding its servers again").isFalse();
        return before;
    }

    private void runToTheEnd(ExperimentsViewModel model, Analysis<?, ?> analysis) {
        List<String> log = new ArrayList<>();
        model.logTo(log::add);
        model.form().analysisProperty().set(analysis);
        assertThat(model.run()).as(String.join("\n", log)).isTrue();
        await().atMost(Duration.ofSeconds(180)).until(() -> {
            now += ExperimentsViewModel.REDRAW_EVERY_NANOS;
            model.frame(now, true, false);
            return model.outcomeProperty().get() != null || model.errorProperty().get();
        });
        assertThat(model.errorProperty().get()).as(model.statusProperty().get()).isFalse();
    }

    private void assertGivenBack(RingSnapshot before, Algorithm algorithm, boolean replacesDead) {
        RingSnapshot after = session.ring();
        assertThat(picture(after)).isEqualTo(picture(before));
        assertThat(after.samePlacementAs(before)).isTrue();
        assertThat(session.cluster().members()).extracting(member -> member.server().name() + " " + member.state())
                .containsExactlyElementsOf(before.servers().stream().map(s -> s.name() + " UP").toList());
        assertThat(session.cluster().desiredSize()).isEqualTo(before.size());
        assertThat(session.algorithm()).isEqualTo(algorithm);
        assertThat(session.cluster().replacesDead()).as("the Hold switch as it was").isEqualTo(replacesDead);
        // every server back answers: its replica runs
        before.servers().forEach(server -> assertThat(session.cluster().replicaOf(server)).as(server.name()).isNotNull());
    }

    @Test
    void a3KillsTheBusiestOverRealProcessesAndTheWindowGetsTheSameRingBackUnderTheHold() throws Exception {
        open(new ProcessBackend(Duration.ofMillis(200)));
        session.add(3).get(60, TimeUnit.SECONDS);
        session.holdReplacements(true);
        RingSnapshot before = session.ring();
        String alice = before.route(RequestKey.of("alice")).name();
        ExperimentsViewModel model = new ExperimentsViewModel(session);
        model.form().requestsProperty().set("3000");

        runToTheEnd(model, Analyses.A3);

        assertGivenBack(before, Algorithm.RING, false);
        assertThat(session.ring().route(RequestKey.of("alice")).name()).isEqualTo(alice);
        // the next server added is named as it would have been without the run
        assertThat(session.add(1).get(60, TimeUnit.SECONDS)).extracting(Server::name).containsExactly("Server 4");
    }

    /** The Experiments tab of a simulated window whose ring has a history, 2,000 requests a run. */
    private ExperimentsViewModel experimentsOverAWindowWithHistory() throws Exception {
        open(new SimBackend());
        windowBefore = aWindowWithHistory();
        ExperimentsViewModel model = new ExperimentsViewModel(session);
        model.form().requestsProperty().set("2000");
        return model;
    }

    @Test
    void a1WithFewerAndMoreServersThanTheWindowGivesTheSameRingBack() throws Exception {
        ExperimentsViewModel model = experimentsOverAWindowWithHistory();

        for (String n : List.of("2", "7")) {
            model.form().serversProperty().set(n);
            runToTheEnd(model, Analyses.A1);
            assertGivenBack(windowBefore, Algorithm.RING, true);
        }
    }

    @Test
    void a2ResizesAndTheWindowGetsTheSameRingBack() throws Exception {
        ExperimentsViewModel model = experimentsOverAWindowWithHistory();
        model.form().fromServersProperty().set("2");
        model.form().toServersProperty().set("6");

        runToTheEnd(model, Analyses.A2);

        assertGivenBack(windowBefore, Algorithm.RING, true);
    }

    @Test
    void aLessonStoppedAfterItsKillGivesTheSameRingAndTheHoldBack() throws Exception {
        open(new SimBackend());
        session.add(3).get(30, TimeUnit.SECONDS); // the lesson kills Server 2
        RingSnapshot before = session.ring();
        ScenarioPanelViewModel lesson = new ScenarioPanelViewModel(WindowTestbed.factory(session, new LiveTally()),
                () -> "sim", Runnable::run, folder, playing -> { });
        assertThat(lesson.openLesson("failure-replaced")).isTrue();
        // the first send, the hold, the kill and the wait for its detection: Server 2 is dead and held
        SimulatedWindow.startLesson(lesson);
        for (int step = 1; step <= 4; step++) {
            lesson.step();
            int played = step;
            await().atMost(Duration.ofSeconds(60)).until(() -> lesson.currentProperty().get() == played
                    && !lesson.steppingProperty().get());
        }
        assertThat(session.cluster().replacesDead()).as("the lesson holds replacements").isFalse();
        assertThat(session.ring().config().hash().name()).isEqualTo("murmur3");

        lesson.stop();
        await().atMost(Duration.ofSeconds(60)).until(() -> !lesson.runningProperty().get());

        assertThat(lesson.headingProperty().get()).startsWith("Stopped after step 4");
        assertGivenBack(before, Algorithm.RING, true);
    }

    /**
     * A teacher held replacements and killed Server 2, then ran A-1 on three servers: the run had its three
     * servers without replacing Server 2, and afterwards Server 2 is dead and held again, as it was.
     */
    @Test
    void aServerTheTeacherHeldDeadIsNotReplacedByAnA1AndStaysDeadAfterIt() throws Exception {
        open(new SimBackend());
        session.add(3).get(30, TimeUnit.SECONDS);
        session.holdReplacements(true);
        Server second = session.ring().servers().get(1);
        session.cluster().declareDead(second, "test: its heartbeat stopped");
        RingSnapshot before = session.ring();
        String colour = dev.ringlab.palette.ServerColours.of(second.name());
        ExperimentsViewModel model = new ExperimentsViewModel(session);
        model.form().requestsProperty().set("2000");

        runToTheEnd(model, Analyses.A1);

        assertThat(dev.ringlab.palette.ServerColours.of(second.name())).as("its colour kept").isEqualTo(colour);
        var loads = ((dev.ringlab.experiment.DistributionResult) model.outcomeProperty().get().result()).loads();
        assertThat(loads).extracting(dev.ringlab.experiment.ServerLoad::server)
                .as("three servers up for the run; Server 2 not replaced meanwhile")
                .containsExactlyInAnyOrder("Server 1", "Server 3", "Server 4");
        assertThat(picture(session.ring())).isEqualTo(picture(before));
        assertThat(session.cluster().members()).extracting(member -> member.server().name() + " " + member.state())
                .containsExactly("Server 1 UP", "Server 3 UP", "Server 2 DEAD");
        assertThat(session.cluster().replacesDead()).as("still held").isFalse();
        assertThat(session.cluster().desiredSize()).isEqualTo(3);

        session.holdReplacements(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> session.ring().size() == 3);
        assertThat(session.ring().servers()).extracting(Server::name).containsExactly("Server 1", "Server 3", "Server 4");
    }

    /**
     * Stop pressed while a lesson waits for its next step, over real processes: the give-back restarts the
     * window's own Server 4 (the lesson had Server 1..3), and a stop's interrupt must not cut that short.
     */
    @Test
    void aLessonStoppedOverRealProcessesGivesTheWindowItsOwnServersBack() throws Exception {
        open(new ProcessBackend(Duration.ofMillis(200)));
        session.add(3).get(60, TimeUnit.SECONDS);
        session.remove("Server 1").get(60, TimeUnit.SECONDS);
        session.add(1).get(60, TimeUnit.SECONDS); // the window: Server 2, Server 3, Server 4
        RingSnapshot before = session.ring();
        ScenarioPanelViewModel lesson = new ScenarioPanelViewModel(WindowTestbed.factory(session, new LiveTally()),
                () -> "process", Runnable::run, folder, playing -> { });
        assertThat(lesson.openLesson("why-virtual-nodes")).isTrue();
        SimulatedWindow.startLesson(lesson);
        lesson.step();
        await().atMost(Duration.ofSeconds(60)).until(() -> lesson.currentProperty().get() == 1
                && !lesson.steppingProperty().get());
        assertThat(session.ring().servers()).extracting(Server::name).contains("Server 1").doesNotContain("Server 4");

        lesson.stop();
        await().atMost(Duration.ofSeconds(60)).until(() -> !lesson.runningProperty().get());

        assertGivenBack(before, Algorithm.RING, true);
    }
}
