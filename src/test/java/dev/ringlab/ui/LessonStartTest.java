package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.Server;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson played in the window, on the window's own (simulated) cluster: it starts from the servers and
 * ring its file declares whatever the teacher did before, and leaves the "Hold replacement" switch as
 * the teacher had it.
 */
class LessonStartTest {

    private final SimulatedWindow lab = new SimulatedWindow();
    private final LabSession session = lab.session;
    private final LabViewModel window = lab.window;

    LessonStartTest() throws Exception {
    }

    @AfterEach
    void close() {
        lab.close();
    }

    private ScenarioPanelViewModel lessons(Path handouts) {
        return lab.lessons(handouts);
    }

    private List<String> servers() {
        return lab.servers();
    }

    private void framesUntil(BooleanSupplier condition) {
        lab.framesUntil(condition);
    }

    private void killServer2AndAwaitItsReplacement() throws Exception {
        assertThat(servers()).containsExactly("Server 1", "Server 2", "Server 3");
        session.kill("Server 2").get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> servers().size() == 3 && !servers().contains("Server 2"));
    }

    @Test
    void afterAKillTheFailureLessonStartsOnServer1To3AndItsRingThenGivesTheTeachersServersBack(@TempDir Path dir)
            throws Exception {
        killServer2AndAwaitItsReplacement();
        List<String> teachers = servers();
        RingConfig teachersRing = session.ring().config();
        ScenarioPanelViewModel model = lessons(dir);
        assertThat(model.openLesson("failure-replaced")).isTrue();

        SimulatedWindow.startLesson(model);
        model.step();
        await().atMost(Duration.ofSeconds(20)).until(() -> model.currentProperty().get() == 1
                && !model.steppingProperty().get());
        assertThat(servers()).as("the lesson's servers: servers: 3, named as a fresh lab names them")
                .containsExactly("Server 1", "Server 2", "Server 3");
        assertThat(session.ring().config().hash()).isEqualTo(RingHash.MURMUR3);
        assertThat(session.ring().config().virtualNodesPerServer()).isEqualTo(9);

        model.play();
        await().atMost(Duration.ofSeconds(60)).until(() -> model.headingProperty().get().startsWith("Last step played"));
        model.step();
        await().atMost(Duration.ofSeconds(30)).until(() -> !model.runningProperty().get());

        assertThat(model.headingProperty().get()).as(model.messageProperty().get())
                .isEqualTo("Done: every expectation held");
        assertThat(servers()).containsExactlyInAnyOrderElementsOf(teachers);
        assertThat(session.ring().config()).isEqualTo(teachersRing);
    }

    @Test
    void aWindowWithoutAnyOfTheLessonsServersIsGivenThemUnderTheirFreshIdsThenGetsItsOwnBack(@TempDir Path dir)
            throws Exception {
        session.add("Alpha").get(10, TimeUnit.SECONDS);
        for (String server : List.of("Server 1", "Server 2", "Server 3")) {
            session.remove(server).get(10, TimeUnit.SECONDS);
        }
        assertThat(servers()).containsExactly("Alpha");
        ScenarioPanelViewModel model = lessons(dir);
        model.openLesson("why-virtual-nodes");

        SimulatedWindow.startLesson(model);
        model.step();
        await().atMost(Duration.ofSeconds(20)).until(() -> model.currentProperty().get() == 1
                && !model.steppingProperty().get());
        assertThat(session.ring().servers()).extracting(Server::id, Server::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "Server 1"), org.assertj.core.groups.Tuple.tuple(2, "Server 2"),
                org.assertj.core.groups.Tuple.tuple(3, "Server 3"));
        model.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> !model.runningProperty().get());

        assertThat(servers()).containsExactly("Alpha");
    }

    @Test
    void aLessonStoppedWhileItHoldsReplacementsLeavesTheTeachersSwitchOffAndTheBoxUnticked(@TempDir Path dir) {
        framesUntil(() -> !window.holdReplacementProperty().get());
        ScenarioPanelViewModel model = lessons(dir);
        model.openLesson("failure-replaced");
        SimulatedWindow.startLesson(model);
        model.step();
        await().atMost(Duration.ofSeconds(20)).until(() -> model.currentProperty().get() == 1
                && !model.steppingProperty().get());
        model.step();
        await().atMost(Duration.ofSeconds(20)).until(() -> model.currentProperty().get() == 2
                && !model.steppingProperty().get());
        assertThat(session.cluster().replacesDead()).as("step 2 holds replacements").isFalse();
        framesUntil(() -> window.holdReplacementProperty().get());

        model.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> !model.runningProperty().get());

        assertThat(session.cluster().replacesDead()).as("the teacher's switch: replacing").isTrue();
        framesUntil(() -> !window.holdReplacementProperty().get());
    }

    @Test
    void aLessonThatReleasesLeavesATeachersHoldOnAndTheBoxTicked(@TempDir Path dir) throws Exception {
        window.holdReplacementProperty().set(true); // the teacher ticks the box
        assertThat(session.cluster().replacesDead()).isFalse();
        ScenarioPanelViewModel model = lessons(dir);
        model.open(new dev.ringlab.scenario.ScenarioReader().read("release.yaml", """
                title: Hold, release, then end
                ring: {hash: murmur3}
                servers: 2
                steps:
                  - send: 100
                  - replacement: hold
                  - replacement: release
                """));

        model.play();
        await().atMost(Duration.ofSeconds(20)).until(() -> model.headingProperty().get().startsWith("Last step played"));
        assertThat(session.cluster().replacesDead()).as("released by the lesson").isTrue();
        model.step();
        await().atMost(Duration.ofSeconds(20)).until(() -> !model.runningProperty().get());

        assertThat(session.cluster().replacesDead()).as("the teacher's hold, back").isFalse();
        framesUntil(() -> window.holdReplacementProperty().get());
    }
}
