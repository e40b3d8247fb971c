package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.algorithm.Algorithm;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window as a desktop application, with real clicks and keys: its menus, its shortcuts, and the
 * settings it remembers across a close and a reopen, in a preferences node of the test's own (never
 * the user's).
 */
@ExtendWith(ApplicationExtension.class)
class DesktopWindowTest {

    private final MemoryPreferences node = new MemoryPreferences();
    private final WindowPreferences preferences = new WindowPreferences(node);
    private LabSession session;
    private LabWindow window;
    private LabSession reopenedSession;

    @Start
    void start(Stage stage) {
        // Monocle has no full screen to give; presentation mode's switch is what is checked here.
        System.setProperty("ringlab.window.noFullScreen", "true");
        session = new LabSession(new SimBackend(), RingConfig.DEFAULT);
        window = LabWindow.show(stage, session);
        window.remember(preferences);
    }

    @AfterEach
    void close() throws Exception {
        // TestFX hands every test the same stage: give it back where the other window tests expect it
        org.testfx.api.FxToolkit.setupStage(stage -> {
            stage.setX(0);
            stage.setY(0);
        });
        window.closeSession();
        if (reopenedSession != null) {
            reopenedSession.close();
        }
    }

    @Test
    void theMenusOpenAndTheirItemsAct(FxRobot robot) throws Exception {
        robot.clickOn("Servers").clickOn("Add a server");
        waitUntil(() -> session.ring().size() == 1);

        robot.clickOn("View").clickOn("Dark theme");
        waitUntil(() -> window.stage().getScene().getRoot().getStyleClass().contains("dark"));
        assertThat(preferences.dark()).isTrue();

        robot.clickOn("Help").clickOn("API cheat-sheet");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText()).contains("/rep", "/add", "/rm");
        robot.clickOn("OK");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }

    @Test
    void theShortcutsAddKillPresentThemeAndQuit(FxRobot robot) throws Exception {
        robot.clickOn("#ring");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> session.ring().size() == 2);

        robot.interact(() -> window.model().servers().select("Server 2"));
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitUntil(() -> window.model().status().messageProperty().get().startsWith("Killed Server 2"));

        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil(() -> window.model().presentationProperty().get()
                && robot.lookup("#split").queryAs(SplitPane.class).getItems().size() == 1);
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil(() -> !window.model().presentationProperty().get());
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil(() -> window.model().presentationProperty().get());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> !window.model().presentationProperty().get()
                && robot.lookup("#split").queryAs(SplitPane.class).getItems().size() == 2);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> window.model().darkProperty().get());

        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        waitUntil(() -> !window.stage().isShowing());
    }

    @Test
    void themeAlgorithmRingAndPlaceAreRememberedAcrossACloseAndAReopen(FxRobot robot) throws Exception {
        RingConfig ring = new RingConfig(256, 12, RingHash.MURMUR3, Probing.QUADRATIC);
        robot.interact(() -> {
            window.stage().setX(40);
            window.stage().setY(30);
            window.stage().setWidth(1100);
            window.stage().setHeight(720);
        });
        robot.clickOn("View").clickOn("Dark theme");
        applyRing(ring);
        robot.interact(() -> window.actions().useAlgorithm(Algorithm.MAGLEV));
        waitUntil(() -> session.algorithm() == Algorithm.MAGLEV && ring.equals(session.ring().config()));

        robot.interact(() -> window.stage().hide());

        // the next start: the command line opens the session on the remembered ring (GuiRememberedTest)
        assertThat(preferences.ring()).contains(ring);
        assertThat(preferences.backend()).isEmpty(); // never switched: chosen afresh
        reopenedSession = new LabSession(new SimBackend(), preferences.ring().orElseThrow());
        Rectangle2D at = preferences.opening(new Rectangle2D(0, 0, 1920, 1080), place -> true);
        LabWindow[] reopened = new LabWindow[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setX(at.getMinX());
            stage.setY(at.getMinY());
            reopened[0] = LabWindow.show(stage, reopenedSession, BackendChoice.only(BackendKind.SIM), at.getWidth(),
                    at.getHeight());
            reopened[0].remember(preferences);
        });

        assertThat(at).isEqualTo(new Rectangle2D(40, 30, 1100, 720));
        waitUntil(() -> reopened[0].stage().getScene().getRoot().getStyleClass().contains("dark"));
        waitUntil(() -> reopenedSession.algorithm() == Algorithm.MAGLEV
                && reopened[0].model().algorithmProperty().get() == Algorithm.MAGLEV);
        assertThat(reopened[0].model().settings().hashProperty().get()).isEqualTo(RingHash.MURMUR3);
        assertThat(reopened[0].model().settings().virtualNodesProperty().get()).isEqualTo(12);
        robot.interact(() -> reopened[0].stage().hide());
        reopened[0].closeSession();
    }

    @Test
    void resetForgetsEverythingAndShowsTheDefaults(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        applyRing(new RingConfig(128, 4, RingHash.MURMUR3, Probing.LINEAR));
        robot.interact(() -> window.actions().useAlgorithm(Algorithm.JUMP));
        waitUntil(() -> session.algorithm() == Algorithm.JUMP && session.ring().config().slots() == 128);
        assertThat(preferences.dark()).isTrue();

        robot.clickOn("View").clickOn("Reset settings to defaults");

        waitUntil(() -> session.algorithm() == Algorithm.RING && RingConfig.DEFAULT.equals(session.ring().config()));
        assertThat(window.model().darkProperty().get()).isFalse();
        assertThat(window.stage().getScene().getRoot().getStyleClass()).doesNotContain("dark");
        assertThat(preferences.dark()).isFalse();
        assertThat(preferences.backend()).isEmpty();
        assertThat(preferences.bounds()).isEmpty();
        // the defaults may be written back as they are applied: nothing but the defaults
        assertThat(preferences.ring().filter(remembered -> !remembered.equals(RingConfig.DEFAULT))).isEmpty();
        assertThat(List.copyOf(window.model().status().log())).anyMatch(line -> line.contains("settings reset to the defaults"));
    }

    /** The ring settings, applied as the settings tab's Apply does. */
    private void applyRing(RingConfig ring) throws Exception {
        FxRobot robot = new FxRobot();
        robot.interact(() -> {
            RingSettingsViewModel settings = window.model().settings();
            settings.hashProperty().set(ring.hash());
            settings.slotsProperty().set(ring.slots());
            settings.probingProperty().set(ring.probing());
            // last: the slider beside the ring follows it and applies at once, with the fields as they are
            settings.virtualNodesProperty().set(ring.virtualNodesPerServer());
            window.actions().applySettings();
        });
        try {
            waitUntil(() -> ring.equals(session.ring().config()) && ring.equals(window.model().settings().appliedProperty().get()));
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            throw new AssertionError("the ring was not rebuilt with " + ring + "; the session has " + session.ring().config()
                    + ", the settings show " + window.model().settings().appliedProperty().get() + ", status '"
                    + window.model().status().messageProperty().get() + "'", timeout);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WindowView.within(20).until(condition);
    }
}
