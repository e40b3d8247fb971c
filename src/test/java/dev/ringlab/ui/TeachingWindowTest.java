package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The teaching controls end to end, with real keys and clicks: presentation mode, pause and step, the probe, selecting. */
@ExtendWith(ApplicationExtension.class)
class TeachingWindowTest {

    private LabSession session;
    private LabWindow window;
    private WindowView view;

    @Start
    void start(Stage stage) {
        // Monocle has no full screen to give; the mode's sizes are what this test checks.
        System.setProperty("ringlab.window.noFullScreen", "true");
        session = new LabSession(new SimBackend(), RingConfig.DEFAULT);
        window = LabWindow.show(stage, session);
        view = new WindowView(window);
    }

    @AfterEach
    void close() {
        window.closeSession();
    }

    @Test
    void presentationModeMakesTextReadableFromTheBackAndFoldsTheSidePanel(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);
        Node root = window.stage().getScene().getRoot();
        Label headline = robot.lookup("#happenedHeadline").queryAs(Label.class);

        robot.press(KeyCode.F5).release(KeyCode.F5);

        waitUntil(() -> headline.getFont().getSize() >= 0.03 * window.stage().getScene().getHeight());
        assertThat(robot.lookup("#split").queryAs(SplitPane.class).getItems()).hasSize(1);
        assertThat(view.ring().scaleProperty().get()).isGreaterThanOrEqualTo(1.4);
        assertThat(root.getStyle()).contains("-fx-font-size");

        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil(() -> robot.lookup("#split").queryAs(SplitPane.class).getItems().size() == 2);
        assertThat(view.ring().scaleProperty().get()).isEqualTo(1);
    }

    @Test
    void presentationModeSaysHowToLeaveItForAFewSecondsThenGetsOutOfTheWay(FxRobot robot) throws Exception {
        Label hint = robot.lookup("#exitHint").queryAs(Label.class);
        assertThat(hint.isVisible()).isFalse();

        robot.press(KeyCode.F5).release(KeyCode.F5);

        waitUntil(hint::isVisible);
        assertThat(hint.getText()).contains("F5").contains("Esc");
        assertThat(window.stage().getFullScreenExitHint()).isNullOrEmpty(); // never the toolkit's own overlay
        waitUntil(() -> !hint.isVisible());

        robot.press(KeyCode.F5).release(KeyCode.F5); // leaving and entering again shows it again
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil(hint::isVisible);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> !hint.isVisible() && robot.lookup("#split").queryAs(SplitPane.class).getItems().size() == 2);
    }

    @Test
    void pauseFreezesTheRingAndStepShowsTheNextChange(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);

        robot.clickOn("#pauseButton");
        session.add(1).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.text("#waiting").equals("1 waiting"));
        assertThat(view.ring().picture().markers()).hasSize(27);

        robot.clickOn("#stepButton");
        waitUntil(() -> view.ring().picture().markers().size() == 36);
        assertThat(view.text("#happenedHeadline")).isEqualTo("Server 4 joined (3 → 4 servers)");
        assertThat(view.text("#happenedMoved")).contains("ideal 1/4 = 25.0%");
        assertThat(view.ring().picture().changedSlots()).isNotEmpty();
        assertThat(robot.lookup("#pauseButton").queryAs(javafx.scene.control.ToggleButton.class).getText()).isEqualTo("Play");
    }

    @Test
    void aProbedKeyShowsItsSlotAndServerAndSelectsThatServer(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);

        robot.clickOn("#probeKey").write("42").press(KeyCode.ENTER).release(KeyCode.ENTER);

        String server = session.ring().route(42).name();
        waitUntil(() -> view.ring().picture().probe() != null);
        KeyProbe probe = view.ring().picture().probe();
        assertThat(probe.slot()).isEqualTo(session.ring().slotOf(42));
        assertThat(probe.server().name()).isEqualTo(server);
        assertThat(view.text("#probeResult")).startsWith("Key 42 → slot " + probe.slot());
        waitUntil(() -> server.equals(selectedRow()));
        // the arrow stays: the next request does not take it away
        session.sendOne().get(5, TimeUnit.SECONDS);
        assertThat(view.ring().picture().probe()).isNotNull();
    }

    @Test
    void clickingALegendEntrySelectsTheServerEverywhere(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);

        javafx.scene.layout.FlowPane legend = robot.lookup("#legend").queryAs(javafx.scene.layout.FlowPane.class);
        waitUntil(() -> legend.getChildren().size() == 3);
        Label entry = (Label) legend.getChildren().stream().filter(n -> ((Label) n).getText().startsWith("Server 2")).findFirst()
                .orElseThrow(() -> new AssertionError("legend: " + legend.getChildren() + " bounds " + legend.getBoundsInParent()));
        robot.clickOn(entry);

        waitUntil(() -> "Server 2".equals(selectedRow()) && "Server 2".equals(view.ring().picture().selected()));
        // and clicking the ring on another server's marker moves the selection there
        RingPicture.Marker marker = view.ring().picture().markersOf("Server 3").get(0);
        robot.clickOn(view.ring().localToScreen(view.ring().slotPosition(marker.slot())));
        waitUntil(() -> "Server 3".equals(selectedRow()) && "Server 3".equals(view.ring().picture().selected()));
    }

    @Test
    void holdReplacementKeepsADeadServerDeadInTheClusterUntilReleased(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);

        robot.clickOn("#holdReplacement");
        waitUntil(() -> !session.cluster().replacesDead());
        dev.ringlab.ring.Server victim = session.ring().servers().get(1);
        session.cluster().declareDead(victim, "test: its heartbeat stopped");

        // the ring without it, its row dead, nothing starting in its place
        waitUntil(() -> view.ring().picture().markers().size() == 18 && !view.ring().picture().ghostSlots().isEmpty());
        waitUntil(() -> view.rows().stream().anyMatch(row -> row.name().equals(victim.name()) && row.state().equals("dead")));
        assertThat(session.cluster().members()).hasSize(3);
        assertThat(view.logHas("replacement held")).isTrue();
        // and it stays crossed out where its virtual nodes were until it is gone
        waitUntil(() -> view.ring().picture().fallen().size() == 9);
        assertThat(view.ring().picture().fallen()).allSatisfy(m -> assertThat(m.server()).isEqualTo(victim));
        // a server added meanwhile takes a colour of its own: the crossed-out server keeps its colour
        String victimColour = dev.ringlab.palette.ServerColours.of(victim);
        dev.ringlab.ring.Server newcomer = session.add(1).get(5, TimeUnit.SECONDS).get(0);
        waitUntil(() -> view.ring().picture().markers().size() == 27);
        assertThat(dev.ringlab.palette.ServerColours.of(newcomer)).isNotEqualTo(victimColour);
        assertThat(dev.ringlab.palette.ServerColours.of(victim)).isEqualTo(victimColour);

        robot.clickOn("#holdReplacement");

        waitUntil(() -> view.ring().picture().markers().size() == 36
                && view.rows().stream().noneMatch(row -> row.name().equals(victim.name())));
        assertThat(session.cluster().replacesDead()).isTrue();
        waitUntil(() -> view.ring().picture().fallen().isEmpty());
    }

    @Test
    void underMaglevTheRingShowsWhereRequestsGoAndTheProbeAgrees(FxRobot robot) throws Exception {
        session.add(4).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 36);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<dev.ringlab.ring.algorithm.Algorithm> choice =
                robot.lookup("#algorithmChoice").queryAs(javafx.scene.control.ChoiceBox.class);

        robot.interact(() -> choice.setValue(dev.ringlab.ring.algorithm.Algorithm.MAGLEV));
        waitUntil(() -> view.ring().picture().band() != null);
        robot.clickOn("#probeKey").write("alice").press(KeyCode.ENTER).release(KeyCode.ENTER);

        waitUntil(() -> view.ring().picture().probe() != null && view.ring().picture().band() != null);
        RingPicture picture = view.ring().picture();
        long key = picture.probe().key();
        // the disc on the band, the panel and the routing all name the server Maglev picks, not the ring's owner
        assertThat(picture.probe().server()).isEqualTo(session.placement().route(key));
        assertThat(view.text("#probeResult")).contains("go to " + session.placement().route(key).name());
        assertThat(picture.band().algorithm()).isEqualTo(dev.ringlab.ring.algorithm.Algorithm.MAGLEV);
        assertThat(picture.legend()).allSatisfy(entry -> assertThat(entry.share()).isBetween(0.2, 0.3));
        robot.interact(() -> view.ring().focusOn(picture.probe().slot()));
        waitUntil(() -> view.text("#slotDetail").startsWith("Slot " + picture.probe().slot() + " under maglev: its keys go to"));
    }

    @Test
    void aJoinSendsItsMovedKeysFlyingToTheNewcomer(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);

        session.add(1).get(5, TimeUnit.SECONDS);

        // the plan is made on the FX thread as the new picture arrives
        waitUntil(() -> view.ring().picture().markers().size() == 36 && !view.ring().migrationPlan().dots().isEmpty());
        MigrationFlight.Plan plan = view.ring().migrationPlan();
        assertThat(plan.dots()).isNotEmpty().allSatisfy(dot -> assertThat(dot.to().name()).isEqualTo("Server 4"));
        assertThat(plan.moved()).isEqualTo(view.ring().picture().change().movedKeys());
    }

    @Test
    void a5MarksItsHotKeysOnTheRing(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);

        robot.clickOn("Experiments");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<dev.ringlab.experiment.Analysis<?, ?>> analyses =
                robot.lookup("#experimentChoice").queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> analyses.setValue(dev.ringlab.experiment.Analyses.A5));
        robot.doubleClickOn("#requests").eraseText(6).write("2000");
        robot.clickOn("#run");

        waitUntil(() -> view.ring().hotKeyMarks().size() >= 5);
        assertThat(view.ring().hotKeyMarks().get(0).rank()).isEqualTo(1);
        waitUntil(() -> !window.experiments().isRunning());
    }

    private String selectedRow() {
        @SuppressWarnings("unchecked")
        TableView<ServerRow> table = (TableView<ServerRow>) window.stage().getScene().lookup("#servers");
        ServerRow row = table.getSelectionModel().getSelectedItem();
        return row == null ? null : row.name();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        view.waitUntil(condition, 20);
    }
}
