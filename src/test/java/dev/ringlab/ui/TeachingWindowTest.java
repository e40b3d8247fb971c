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
