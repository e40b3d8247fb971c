package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.scenario.ScenarioReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson's placement algorithm ({@code ring: {algorithm: ...}}, and a {@code ring} step that changes it)
 * played in the window: the window's own route switches, as the chooser in the status strip would, the
 * chooser shows it, and the teacher's algorithm comes back when the lesson ends or is stopped.
 */
class LessonAlgorithmTest {

    private static final String LESSON = """
            title: Rendezvous, then Maglev
            ring: {hash: murmur3, algorithm: rendezvous}
            servers: 3
            steps:
              - send: 200
                caption: Routed by rendezvous hashing.
              - ring: {algorithm: maglev}
              - send: 200
            """;

    private final SimulatedWindow lab = new SimulatedWindow();
    private final LabSession session = lab.session;

    LessonAlgorithmTest() throws Exception {
    }

    @AfterEach
    void close() {
        lab.close();
    }

    private ScenarioPanelViewModel lesson(Path handouts, String yaml) {
        ScenarioPanelViewModel model = lab.lessons(handouts);
        assertThat(model.open(new ScenarioReader().read("lesson.yaml", yaml))).isTrue();
        return model;
    }

    private void chooserShows(Algorithm algorithm) {
        lab.framesUntil(() -> lab.window.algorithmProperty().get() == algorithm);
    }

    private void stepAndAwait(ScenarioPanelViewModel model, int step) {
        if (step == 1) {
            SimulatedWindow.startLesson(model);
        }
        model.step();
        await().atMost(Duration.ofSeconds(20)).until(() -> model.currentProperty().get() == step
                && !model.steppingProperty().get());
    }

    private void chooseAlgorithm(Algorithm algorithm) {
        lab.actions.useAlgorithm(algorithm);
        lab.framesUntil(() -> session.algorithm() == algorithm && lab.window.algorithmProperty().get() == algorithm);
    }

    @Test
    void theLessonsAlgorithmRoutesTheWindowShowsInTheChooserThenTheTeachersComesBack(@TempDir Path dir) {
        chooseAlgorithm(Algorithm.JUMP); // the teacher's own choice before the lesson
        ScenarioPanelViewModel model = lesson(dir, LESSON);

        stepAndAwait(model, 1);
        assertThat(model.messageProperty().get()).doesNotContain("cannot switch");
        assertThat(session.algorithm()).as("the lesson's ring: {algorithm: rendezvous}").isEqualTo(Algorithm.RENDEZVOUS);
        assertThat(session.send(42).algorithm()).isEqualTo(Algorithm.RENDEZVOUS);
        chooserShows(Algorithm.RENDEZVOUS);

        stepAndAwait(model, 2);
        assertThat(session.algorithm()).as("the ring step's algorithm: maglev").isEqualTo(Algorithm.MAGLEV);
        chooserShows(Algorithm.MAGLEV);

        model.play();
        await().atMost(Duration.ofSeconds(20)).until(() -> model.headingProperty().get().startsWith("Last step played"));
        model.step(); // past the end: the servers and the placement go back
        await().atMost(Duration.ofSeconds(20)).until(() -> !model.runningProperty().get());

        assertThat(model.headingProperty().get()).as(model.messageProperty().get())
                .isEqualTo("Done: every step played");
        assertThat(session.algorithm()).as("the teacher's algorithm, back").isEqualTo(Algorithm.JUMP);
        chooserShows(Algorithm.JUMP);
    }

    @Test
    void aLessonStoppedUnderItsAlgorithmGivesTheTeachersBack(@TempDir Path dir) {
        ScenarioPanelViewModel model = lesson(dir, LESSON);
        stepAndAwait(model, 1);
        assertThat(session.algorithm()).isEqualTo(Algorithm.RENDEZVOUS);

        model.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> !model.runningProperty().get());

        assertThat(session.algorithm()).as("the window routed by the ring before the lesson").isEqualTo(Algorithm.RING);
        chooserShows(Algorithm.RING);
    }

    @Test
    void aLessonThatDeclaresNoAlgorithmPlaysOnTheRingWhateverTheTeacherChose(@TempDir Path dir) {
        chooseAlgorithm(Algorithm.MAGLEV);
        ScenarioPanelViewModel model = lesson(dir, """
                title: The ring, as a fresh lab routes
                ring: {hash: murmur3}
                servers: 3
                steps:
                  - send: 100
                """);

        stepAndAwait(model, 1);
        assertThat(session.algorithm()).as("a lesson starts where its file says: the ring").isEqualTo(Algorithm.RING);

        model.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> !model.runningProperty().get());
        assertThat(session.algorithm()).isEqualTo(Algorithm.MAGLEV);
    }

    @Test
    void theSessionRecordsNoneOfTheLessonsAlgorithms(@TempDir Path dir) {
        session.recorder().suspend(); // as the window does while a lesson plays
        try {
            ScenarioPanelViewModel model = lesson(dir, LESSON);
            stepAndAwait(model, 1);
            model.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> !model.runningProperty().get());
        } finally {
            session.recorder().resume();
        }
        assertThat(session.recorder().yaml("after")).doesNotContain("rendezvous").doesNotContain("maglev");
    }
}
