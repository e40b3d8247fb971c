package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.FlappingResult;
import dev.ringlab.experiment.GrayFailureResult;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A-6 and flapping in the window, picked from the registry like any analysis: each runs over the
 * window's own cluster, fills its charts, and gives the window its servers and heartbeats back.
 */
@ExtendWith(ApplicationExtension.class)
class FaultLessonsWindowTest {

    private LabSession session;
    private LabWindow window;
    private WindowView view;

    @Start
    void start(Stage stage) {
        session = new LabSession(SimBackend.withRealHeartbeats(HealthMonitor.DEFAULT_INTERVAL),
                RingConfig.DEFAULT.withHash(RingHash.MURMUR3));
        window = LabWindow.show(stage, session);
        view = new WindowView(window);
    }

    @AfterEach
    void close() {
        window.closeSession();
    }

    @Test
    void a6RunsOverTheWindowsClusterAndChartsBothRuns(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        view.waitUntil(() -> view.rows().size() == 3, 20);

        robot.clickOn("Experiments");
        robot.interact(() -> window.experiments().model().form().analysisProperty().set(Analyses.A6));
        // A-6 paces rate x duration: the form greys out Requests and Concurrency and offers Rate and Duration
        assertThat(robot.lookup("#requests").queryAs(javafx.scene.control.TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#concurrency").queryAs(javafx.scene.control.TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#duration").queryAs(javafx.scene.control.TextField.class).isDisabled()).isFalse();
        assertThat(view.text("#victimLabel")).isEqualTo("Freeze");
        robot.clickOn("#run");

        ExperimentsController experiments = window.experiments();
        // the second run well under way: its freeze, ejection and slow-down on the live chart
        view.waitUntil(() -> experiments.model().progressProperty().get() > 0.85
                && view.text("#status").startsWith("A-6 passive health on") && experiments.chartsSettled()
                && !experiments.charts().isEmpty() && experiments.charts().get(0).getTitle().getText().endsWith("(live)"), 90);
        screenshot(robot, "a6-window-live.png");
        view.waitUntil(() -> experiments.result() instanceof GrayFailureResult && experiments.chartsSettled(), 90);
        GrayFailureResult result = (GrayFailureResult) experiments.result();
        assertThat(experiments.charts()).hasSize(2);
        assertThat(result.off().failed()).isZero();
        assertThat(result.on().failed()).isZero();
        assertThat(result.on().slowEjectedMs()).isNotNull();
        assertThat(view.text("#status")).startsWith("A-6 done");
        screenshot(robot, "a6-window.png");
        // The window's servers come back under their names, none frozen or slow.
        view.waitUntil(() -> view.rows().size() == 3, 20);
        assertThat(session.cluster().ring().servers()).extracting(server -> server.name())
                .containsExactlyInAnyOrder("Server 1", "Server 2", "Server 3");
    }

    @Test
    void flapRunsOverTheWindowsClusterAndGivesItsHeartbeatsBack(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        view.waitUntil(() -> view.rows().size() == 3, 20);
        int fall = session.health().fall();
        int rise = session.health().rise();

        robot.clickOn("Experiments");
        robot.interact(() -> window.experiments().prepare(Analyses.FLAP, 1_000));
        robot.clickOn("#run");

        ExperimentsController experiments = window.experiments();
        view.waitUntil(() -> experiments.result() instanceof FlappingResult && experiments.chartsSettled(), 90);
        FlappingResult result = (FlappingResult) experiments.result();
        assertThat(result.without().ringChanges()).isGreaterThan(result.with().ringChanges());
        assertThat(experiments.charts()).hasSize(2);
        screenshot(robot, "flap-window.png");
        assertThat(session.health().fall()).isEqualTo(fall);
        assertThat(session.health().rise()).isEqualTo(rise);
    }

    /** What the window shows, for a person to look at (target/screens). */
    private void screenshot(FxRobot robot, String name) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "screens"));
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = window.stage().getScene().snapshot(null));
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", folder.resolve(name).toFile());
    }
}
