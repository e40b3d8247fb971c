package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.InProcessTestbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario panel's state, without a window: open, Step, Play, a refused file, a stop. */
class ScenarioPanelViewModelTest {

    private static final String LESSON = """
            title: Three steps
            description: Two servers, then a third.
            seed: 3
            ring: {hash: murmur3}
            servers: 2
            steps:
              - send: 200
                caption: Two servers share the requests.
                expect: {failed: 0}
              - add: 1
                caption: A third joins.
              - send: 200
                expect: {failed: 0, answering: 3}
            """;

    private final List<Boolean> playingChanges = new ArrayList<>();

    private ScenarioPanelViewModel model(Path handouts) {
        return new ScenarioPanelViewModel(InProcessTestbed.factory(SimBackend::new), () -> "sim", Runnable::run,
                handouts, playingChanges::add);
    }

    @Test
    void stepPlaysOneStepAndShowsItsCaptionThenPlayPlaysTheRestAndWritesTheHandout(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("three.yaml");
        Files.writeString(file, LESSON);
        ScenarioPanelViewModel model = model(dir.resolve("handouts"));

        assertThat(model.open(file)).isTrue();
        assertThat(model.titleProperty().get()).isEqualTo("Three steps");
        assertThat(model.steps()).containsExactly("1. send 200 requests", "2. add 1 server", "3. send 200 requests");
        assertThat(model.captionProperty().get()).as("what the lesson is about, in the caption's size")
                .isEqualTo("Two servers, then a third.");
        assertThat(model.messageProperty().get()).startsWith("Opened ");

        SimulatedWindow.startLesson(model); // the first Step sets the lesson's two servers up and shows them
        assertThat(model.headingProperty().get()).isEqualTo("The lesson's start: 2 servers, murmur3 hash, 512 slots, "
                + "9 virtual nodes per server, linear probing, ring placement");
        assertThat(model.currentProperty().get()).isZero();
        model.step();
        await().atMost(Duration.ofSeconds(20)).until(() -> model.currentProperty().get() == 1
                && !model.steppingProperty().get());
        assertThat(model.headingProperty().get()).isEqualTo("Step 1 of 3: send 200 requests");
        assertThat(model.captionProperty().get()).isEqualTo("Two servers share the requests.");
        assertThat(model.messageProperty().get()).as("\"Opened ...\" is old news once a step plays").isEmpty();
        assertThat(model.figuresProperty().get()).contains("✔ failed == 0").contains("measured 0");
        assertThat(model.chartProperty().get()).exists();
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.open(file)).as("another lesson cannot open while one plays").isFalse();

        model.play();
        await().atMost(Duration.ofSeconds(20)).until(() -> model.headingProperty().get().startsWith("Last step played"));
        assertThat(model.runningProperty().get()).as("held for the teacher until Step or Stop").isTrue();
        model.step();
        await().atMost(Duration.ofSeconds(20)).until(() -> !model.runningProperty().get());
        assertThat(model.currentProperty().get()).isEqualTo(3);
        assertThat(model.headingProperty().get()).isEqualTo("Done: every expectation held");
        assertThat(model.captionProperty().get()).as("the last step's caption no longer describes the ring")
                .isEqualTo("The window has its own servers and ring back, as before the lesson.");
        assertThat(model.handoutProperty().get()).exists().hasFileName("handout.html");
        assertThat(playingChanges).containsExactly(true, false);
    }

    @Test
    void aBadFileIsRefusedWithItsLineAndTheOpenLessonStays(@TempDir Path dir) throws Exception {
        ScenarioPanelViewModel model = model(dir);
        assertThat(model.openLesson("why-virtual-nodes")).isTrue();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, LESSON.replace("add: 1", "explode: 1"));

        assertThat(model.open(bad)).isFalse();

        assertThat(model.messageProperty().get()).contains("bad.yaml:10: step 2: unknown step 'explode'");
        assertThat(model.titleProperty().get()).isEqualTo("Why virtual nodes");
        assertThat(model.openLesson("no-such-lesson")).isFalse();
        assertThat(model.messageProperty().get()).startsWith("no bundled lesson is named 'no-such-lesson'");
    }

    @Test
    void stopEndsALessonWaitingBetweenSteps(@TempDir Path dir) {
        ScenarioPanelViewModel model = model(dir);
        model.openLesson("why-virtual-nodes");
        SimulatedWindow.startLesson(model);
        model.step();
        await().atMost(Duration.ofSeconds(20)).until(() -> model.currentProperty().get() == 1
                && !model.steppingProperty().get());

        model.stop();

        await().atMost(Duration.ofSeconds(20)).until(() -> !model.runningProperty().get());
        assertThat(model.headingProperty().get()).isEqualTo("Stopped after step 1 of 5");
        assertThat(model.messageProperty().get()).contains("interrupted");
    }

    @Test
    void playLeavesEachCaptionedStepOnScreenForTheDwellWhileStepGoesOnAtOnce(@TempDir Path dir) throws Exception {
        Duration dwell = Duration.ofMillis(400);
        ScenarioPanelViewModel model = new ScenarioPanelViewModel(InProcessTestbed.factory(SimBackend::new),
                () -> "sim", Runnable::run, dir, playingChanges::add, () -> dwell);
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Map<String, Long> at = new java.util.concurrent.ConcurrentHashMap<>();
        model.currentProperty().addListener((obs, old, step) -> {
            events.add("start " + step);
            at.put("start " + step, System.nanoTime());
        });
        model.steppingProperty().addListener((obs, was, stepping) -> {
            if (!stepping) {
                events.add("end " + model.currentProperty().get());
                at.put("end " + model.currentProperty().get(), System.nanoTime());
            }
        });
        Path file = dir.resolve("three.yaml");
        Files.writeString(file, LESSON); // steps 1 and 2 captioned, 3 not
        model.open(file);

        model.play();
        await().atMost(Duration.ofSeconds(30)).until(() -> model.headingProperty().get().startsWith("Last step played"));

        // step "0" is the lesson's start, set up and shown for the dwell too
        assertThat(events).containsExactly("end 0", "start 1", "end 1", "start 2", "end 2", "start 3", "end 3");
        for (int captioned = 0; captioned <= 2; captioned++) {
            assertThat(at.get("start " + (captioned + 1)) - at.get("end " + captioned))
                    .as("step %d, captioned, stays on screen before the next", captioned)
                    .isGreaterThanOrEqualTo(dwell.toNanos());
        }
        model.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> !model.runningProperty().get());

        // Step does not wait out a dwell, however long: one step at a time is the teacher's own pace
        ScenarioPanelViewModel stepped = new ScenarioPanelViewModel(InProcessTestbed.factory(SimBackend::new),
                () -> "sim", Runnable::run, dir, playing -> { }, () -> Duration.ofHours(1));
        stepped.open(file);
        SimulatedWindow.startLesson(stepped);
        for (int step = 1; step <= 2; step++) {
            int number = step;
            stepped.step();
            await().atMost(Duration.ofSeconds(20)).until(() -> stepped.currentProperty().get() == number
                    && !stepped.steppingProperty().get());
        }
        // and Play, pressed after a captioned step, goes on (the teacher has seen it): the hour is not waited
        stepped.play();
        await().atMost(Duration.ofSeconds(20)).until(() -> stepped.headingProperty().get().startsWith("Last step played"));
        stepped.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> !stepped.runningProperty().get());
    }
}
