package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.scenario.Action;
import dev.ringlab.scenario.Scenario;
import dev.ringlab.scenario.ScenarioReader;
import dev.ringlab.scenario.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lesson stepped through in the window with real clicks, as a teacher would: opened from the File
 * menu, Step by Step with the caption large on screen and the ring following, then Play to the end;
 * and the session saved as a scenario that reads back.
 */
@ExtendWith(ApplicationExtension.class)
class ScenarioWindowTest {

    static {
        // The first window of a JVM loads JavaFX, fonts and the lessons: on a loaded CI machine that can take
        // more than TestFX's default 30 s (read when TestFX first starts, so set before it does).
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir
    static Path handouts;

    private LabSession session;
    private LabWindow window;
    private WindowView view;

    @Start
    void start(Stage stage) {
        System.setProperty("ringlab.handouts", handouts.toString());
        session = new LabSession(new SimBackend(), RingConfig.DEFAULT);
        window = LabWindow.show(stage, session);
        view = new WindowView(window);
    }

    @AfterEach
    void close() {
        window.closeSession();
    }

    @Test
    void aBundledLessonStepsThroughInTheWindowWithItsCaptionLargeAndTheRingFollowing(FxRobot robot) throws Exception {
        session.add(3).get(10, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);
        Region panel = robot.lookup("#scenarioPanel").queryAs(Region.class);
        assertThat(panel.isVisible()).as("no lesson open: the panel is folded away").isFalse();

        // The File menu's own item (Monocle shows no menu pop-ups to click in): File → Bundled lessons → the lesson.
        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        waitUntil(() -> menus.getMenus().get(0).getItems().stream().anyMatch(item -> item instanceof Menu bundled
                && bundled.getItems().size() == 5));
        Menu lessons = (Menu) menus.getMenus().get(0).getItems().stream()
                .filter(item -> "Bundled lessons".equals(item.getText())).findFirst().orElseThrow();
        MenuItem lesson = lessons.getItems().stream().filter(item -> "Why virtual nodes".equals(item.getText()))
                .findFirst().orElseThrow();
        assertThat(lessons.getItems()).extracting(MenuItem::getText).contains("Hot keys and bounded loads",
                "A gray failure");
        robot.interact(lesson::fire);

        waitUntil(panel::isVisible);
        assertThat(view.text("#lessonTitle")).isEqualTo("Why virtual nodes");
        assertThat(robot.lookup("#stepList").queryAs(ListView.class).getItems()).hasSize(5);

        startLesson(robot);
        assertThat(view.text("#stepHeading")).isEqualTo("The lesson's start: 3 servers, murmur3 hash, 512 slots, "
                + "1 virtual node per server, linear probing, ring placement");
        waitUntil(() -> view.ring().picture().markers().size() == 3); // one node each, before anything is sent
        robot.clickOn("#lessonStep");
        waitUntil(() -> view.text("#stepHeading").equals("Step 1 of 5: send 10,000 requests")
                && view.text("#stepFigures").contains("failed == 0"));
        assertThat(view.text("#stepCaption")).startsWith("One virtual node per server.");
        assertThat(view.text("#stepFigures")).contains("✔ failed == 0");
        // The lesson plays on the window's own servers: one virtual node each on the ring now (once the
        // window's playback, which shows each ring version for a moment, has come to it).
        waitUntil(() -> view.ring().picture().markers().size() == 3);
        double height = window.stage().getScene().getHeight();
        assertThat(robot.lookup("#stepCaption").queryAs(Label.class).getFont().getSize()).isGreaterThanOrEqualTo(0.03 * height);
        assertThat(robot.lookup("#stepHeading").queryAs(Label.class).getFont().getSize()).isGreaterThanOrEqualTo(0.03 * height);

        robot.clickOn("#lessonStep");
        waitUntil(() -> view.text("#stepHeading").startsWith("Step 2 of 5: reshape the ring")
                && view.ring().picture().markers().size() == 27);
        assertThat(view.text("#stepCaption")).startsWith("Nine virtual nodes per server");

        robot.clickOn("#lessonPlay");
        // after the last step the ring stays as the lesson left it, for the teacher to talk over
        view.waitUntil(() -> view.text("#stepHeading").startsWith("Last step played"), 60);
        assertThat(session.ring().config().virtualNodesPerServer()).isEqualTo(100);
        robot.clickOn("#lessonStep");
        view.waitUntil(() -> view.text("#stepHeading").equals("Done: every expectation held"), 60);
        assertThat(window.lesson().handoutProperty().get()).exists();
        // Played to the end, the window has its own servers and ring back.
        waitUntil(() -> view.ring().picture().markers().size() == 27 && session.ring().size() == 3);
    }

    /**
     * In presentation mode a lesson stands beside the ring, not under it: the ring keeps the window's height
     * (under it, a 1080-line screen left the ring about 300 px across), the teaching panel makes way, and
     * every step's line wraps in the column rather than running off under a scroll bar.
     */
    @Test
    void inPresentationModeTheLessonStandsBesideTheRingWhichKeepsTheWindowsHeight(FxRobot robot) throws Exception {
        System.setProperty("ringlab.window.noFullScreen", "true"); // Monocle has no full screen to give
        session.add(3).get(10, TimeUnit.SECONDS);
        robot.interact(() -> window.scenarios().openLesson("failure-replaced"));
        Region panel = robot.lookup("#scenarioPanel").queryAs(Region.class);
        Region ring = robot.lookup("#ring").queryAs(Region.class);
        waitUntil(panel::isVisible);
        javafx.scene.layout.BorderPane frame = (javafx.scene.layout.BorderPane) window.stage().getScene().getRoot();
        assertThat(frame.getBottom()).isSameAs(panel);

        robot.press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);

        double height = window.stage().getScene().getHeight();
        waitUntil(() -> frame.getRight() == panel && ring.getHeight() >= 0.6 * height);
        assertThat(frame.getBottom()).isNull();
        assertThat(panel.getParent()).isSameAs(frame);
        // a resize (full screen coming in) lays the frame out again; the exit hint stays above the column
        Label hint = robot.lookup("#exitHint").queryAs(Label.class);
        robot.interact(() -> window.stage().setWidth(window.stage().getWidth() - 20));
        waitUntil(() -> frame.getChildren().indexOf(hint) > frame.getChildren().indexOf(panel));
        assertThat(robot.lookup("#teachScroll").queryAs(Region.class).isVisible()).isFalse();
        assertThat(panel.localToScene(panel.getBoundsInLocal()).getMinX())
                .isGreaterThanOrEqualTo(ring.localToScene(ring.getBoundsInLocal()).getMaxX() - 1);
        ListView<?> steps = robot.lookup("#stepList").queryAs(ListView.class);
        assertThat(robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(cell -> cell.getListView() == steps && cell.getText() != null))
                .isNotEmpty()
                .allMatch(cell -> cell.isWrapText() && cell.getWidth() <= steps.getWidth());
        // a step's chart shows large under the caption, which keeps every line it needs
        startLesson(robot);
        robot.clickOn("#lessonStep");
        javafx.scene.image.ImageView chart = robot.lookup("#stepChart").queryAs(javafx.scene.image.ImageView.class);
        view.waitUntil(() -> chart.isVisible() && chart.getImage() != null && chart.getImage().getProgress() == 1, 60);
        waitUntil(() -> chart.getBoundsInParent().getWidth() >= 0.25 * window.stage().getScene().getWidth());
        Label caption = robot.lookup("#stepCaption").queryAs(Label.class);
        assertThat(caption.getHeight()).as("the caption is not cut short")
                .isGreaterThanOrEqualTo(caption.prefHeight(caption.getWidth()) - 1);

        robot.press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        waitUntil(() -> frame.getBottom() == panel && frame.getRight() == null);
        assertThat(panel.getParent()).as("still in the window's frame, under the ring").isSameAs(frame);
        waitUntil(() -> robot.lookup("#teachScroll").queryAs(Region.class).isVisible());
    }

    @Test
    void theKillLessonShowsTheRingWithoutTheDeadServerBeforeItsReplacementJoins(FxRobot robot) throws Exception {
        session.add(3).get(10, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);
        robot.interact(() -> window.scenarios().openLesson("failure-replaced"));
        startLesson(robot);
        for (int step = 1; step <= 4; step++) { // send, hold, kill, wait until detected
            robot.clickOn("#lessonStep");
            int played = step;
            view.waitUntil(() -> view.text("#stepHeading").startsWith("Step " + played + " of 7")
                    && !window.lesson().steppingProperty().get(), 60);
        }
        // held by the lesson: Server 2 off the ring, crossed out where it was, nobody in its place, the box ticked
        waitUntil(() -> view.ring().picture().markers().size() == 18 && view.ring().picture().fallen().size() == 9);
        assertThat(session.cluster().replacesDead()).isFalse();
        waitUntil(() -> robot.lookup("#holdReplacement").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        assertThat(session.cluster().members()).extracting(member -> member.server().name())
                .doesNotContain("Server 4");

        robot.clickOn("#lessonStep"); // release
        robot.clickOn("#lessonStep"); // wait until replaced
        view.waitUntil(() -> view.text("#stepHeading").startsWith("Step 6 of 7")
                && !window.lesson().steppingProperty().get(), 60);
        waitUntil(() -> view.ring().picture().markersOf("Server 4").size() == 9 && view.ring().picture().fallen().isEmpty());
        waitUntil(() -> !robot.lookup("#holdReplacement").queryAs(javafx.scene.control.CheckBox.class).isSelected());
    }

    @Test
    void closingTheWindowMidLessonStopsItAndLeavesNoPlayerRunning(FxRobot robot) throws Exception {
        session.add(2).get(10, TimeUnit.SECONDS);
        robot.interact(() -> window.scenarios().openLesson("gray-failure"));
        startLesson(robot);
        robot.clickOn("#lessonStep");
        waitUntil(() -> view.text("#stepHeading").startsWith("Step 1 of 9") && !window.lesson().steppingProperty().get());

        window.closeSession();

        waitUntil(() -> !window.lesson().runningProperty().get());
        waitUntil(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("ringlab-scenario") && thread.isAlive()));
        assertThat(view.text("#stepHeading")).isEqualTo("Stopped after step 1 of 9");
    }

    @Test
    void theSessionSavedAsAScenarioReadsBackWithItsSteps(FxRobot robot, @TempDir Path out) throws Exception {
        session.add(3).get(10, TimeUnit.SECONDS);
        robot.clickOn("#sendOne"); // the window's first servers are the file's servers:, not a step
        waitUntil(() -> session.recorder().steps() == 1);
        session.kill("Server 2").get(10, TimeUnit.SECONDS);
        waitUntil(() -> session.ring().size() == 3 && session.recorder().steps() == 3);
        Path file = out.resolve("tuesday.yaml");

        window.scenarios().save(file).get(10, TimeUnit.SECONDS);

        Scenario saved = new ScenarioReader().read(file);
        assertThat(saved.title()).isEqualTo("tuesday");
        assertThat(saved.servers()).isEqualTo(3);
        assertThat(saved.steps()).extracting(Step::action).containsExactly(new Action.Send(1, null, 1, 0),
                new Action.Kill("Server 2"), new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 2",
                        java.time.Duration.ofSeconds(30)));
        waitUntil(() -> window.model().status().messageProperty().get().startsWith("Saved the session as"));
        assertThat(Files.readString(file)).startsWith("# Saved from a RingLab window session");
    }

    @Test
    void holdAndReleaseTickedInTheWindowAreSavedWhereTheyHappened(FxRobot robot, @TempDir Path out) throws Exception {
        session.add(3).get(10, TimeUnit.SECONDS); // the file's servers: 3, no step
        robot.clickOn("#holdReplacement");
        waitUntil(() -> !session.cluster().replacesDead());
        session.kill("Server 2").get(10, TimeUnit.SECONDS);
        // declared dead and held: off the ring, nobody in its place
        waitUntil(() -> session.ring().size() == 2 && session.recorder().steps() == 3);
        robot.clickOn("#holdReplacement");
        waitUntil(() -> session.ring().size() == 3 && session.recorder().steps() == 5);
        Path file = out.resolve("held.yaml");

        window.scenarios().save(file).get(10, TimeUnit.SECONDS);

        Scenario saved = new ScenarioReader().read(file);
        java.time.Duration timeout = java.time.Duration.ofSeconds(30);
        assertThat(saved.steps()).extracting(Step::action).containsExactly(new Action.Replacement(true),
                new Action.Kill("Server 2"), new Action.Wait(null, Action.Wait.Until.DETECTED, "Server 2", timeout),
                new Action.Replacement(false), new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 2", timeout));
    }

    /** The first Step: the lesson's servers and ring set up and on show, before step 1. */
    private void startLesson(FxRobot robot) throws Exception {
        robot.clickOn("#lessonStep");
        view.waitUntil(() -> view.text("#stepHeading").startsWith("The lesson's start")
                && !window.lesson().steppingProperty().get(), 60);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        view.waitUntil(condition, 30);
    }
}
