package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.compare.ContenderResult;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.algorithm.Algorithm;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Real clicks on the algorithm selector and the Compare tab, over the simulation backend. */
@ExtendWith(ApplicationExtension.class)
class CompareTabTest {

    private LabSession session;
    private LabWindow window;

    @Start
    void start(Stage stage) {
        session = new LabSession(new SimBackend(), RingConfig.DEFAULT);
        window = LabWindow.show(stage, session);
    }

    @AfterEach
    void close() {
        window.closeSession();
    }

    @Test
    void theSelectorSwitchesTheRoutingAndTheStripShowsMaglevsTable(FxRobot robot) throws Exception {
        session.add(4).get(10, TimeUnit.SECONDS);
        robot.clickOn("#algorithmChoice");
        robot.clickOn("maglev");
        waitUntil(() -> session.algorithm() == Algorithm.MAGLEV);
        assertThat(session.send(42).algorithm()).isEqualTo(Algorithm.MAGLEV);
        robot.clickOn("Compare");
        waitUntil(() -> ((Label) robot.lookup("#placementName").query()).getText().startsWith("maglev(M=65537) over 4"));
        robot.moveTo("#strip");
        waitUntil(() -> ((Label) robot.lookup("#stripDetail").query()).getText().startsWith("table entry "));
    }

    @Test
    void compareRunsOffTheFxThreadAndPlotsEveryAlgorithm(FxRobot robot) throws Exception {
        robot.clickOn("Compare");
        robot.doubleClickOn("#compareKeys").write("20000");
        robot.clickOn("#runComparison");
        waitUntil(() -> !window.comparison().isRunning()
                && !window.comparison().results().isEmpty());
        assertThat(window.comparison().results()).extracting(ContenderResult::label)
                .containsExactly("ring(V=9)", "ring(V=100)", "jump", "rendezvous", "maglev(M=65537)", "bounded(V=9,c=1.25)");
        // the results and the status are set in one FX turn: the test's thread may look between the two
        waitUntil(() -> ((Label) robot.lookup("#compareStatus").query()).getText().startsWith("Busiest server / mean: ring(V=9)"));

        // the Compare tab's own export: both charts at 2x, with the caption of what they were made from
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("ringlab-compare");
        assertThat(robot.lookup("#exportCharts").queryButton().isDisabled()).isFalse();
        List<java.nio.file.Path> written = window.comparison().exportChartsTo(folder).get(60, TimeUnit.SECONDS);
        for (java.nio.file.Path png : written) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(2200);
            assertThat(image.getHeight()).isEqualTo(1300);
        }
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("compare-load-spread.png", "compare-keys-moved.png");
        waitUntil(() -> ((Label) robot.lookup("#compareStatus").query()).getText().startsWith("Wrote compare-load-spread.png"));

        robot.doubleClickOn("#compareServers").write("1");
        robot.clickOn("#runComparison");
        waitUntil(() -> ((Label) robot.lookup("#compareStatus").query()).getText().startsWith("--servers must be between 2"));
        assertThat(window.comparison().results()).hasSize(6);
    }

    @Test
    void theStripFollowsTheServersWhileItsTabShows(FxRobot robot) throws Exception {
        session.add(3).get(10, TimeUnit.SECONDS);
        robot.clickOn("Compare");
        waitUntil(() -> ((Label) robot.lookup("#placementName").query()).getText().equals("ring(V=9) over 3 servers"));

        session.add(1).get(10, TimeUnit.SECONDS);

        waitUntil(() -> ((Label) robot.lookup("#placementName").query()).getText().equals("ring(V=9) over 4 servers"));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WindowView.within(60).until(condition);
    }
}
