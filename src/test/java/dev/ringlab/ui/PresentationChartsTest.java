package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.ChartStyle;
import dev.ringlab.ring.RingConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode's charts, with real clicks on a 1280x800 screen: the Compare tab folds what repeats
 * its charts and shows them one at a time, large; the Experiments tab folds the fields its analysis
 * does not read; both draw their charts' text larger than at a desk.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationChartsTest {

    private LabSession session;
    private LabWindow window;

    @Start
    void start(Stage stage) {
        // Monocle has no full screen to give: the window keeps its size, presentation mode the rest.
        System.setProperty("ringlab.window.noFullScreen", "true");
        session = new LabSession(new SimBackend(), RingConfig.DEFAULT);
        window = LabWindow.show(stage, session);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void close() {
        window.closeSession();
    }

    @Test
    void theCompareTabShowsItsChartsOneAtATimeWithTheRoomTheStatusAndExportTook(FxRobot robot) throws Exception {
        robot.clickOn("Compare");
        robot.doubleClickOn("#compareKeys").write("20000");
        present(true);
        robot.clickOn("#runComparison");
        waitUntil(() -> !window.comparison().isRunning() && !window.comparison().results().isEmpty());
        ChartView charts = robot.lookup("#comparePanel .chart-view").queryAs(ChartView.class);
        waitUntil(() -> charts.charts().size() == 2 && !charts.busy() && charts.shownScale() > 1);

        assertThat(robot.lookup("#exportCharts").query().isManaged()).isFalse();
        assertThat(robot.lookup("#compareStatus").query().isManaged()).as("the status repeats the charts").isFalse();
        // one chart over the whole width, its tick labels half as large again as at a desk (waited for: the
        // first picture may be drawn before the folded status gave its room, and is then drawn again)
        waitUntil(() -> !charts.busy() && charts.shownScale() * ChartStyle.TICKS.getSize() >= 18);
        Label hint = robot.lookup(".chart-page-hint").queryAs(Label.class);
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getText()).startsWith("chart 1 of 2");

        robot.clickOn(charts);
        waitUntil(() -> hint.getText().startsWith("chart 2 of 2") && !charts.busy());
        robot.clickOn(charts);
        waitUntil(() -> hint.getText().startsWith("chart 1 of 2"));

        present(false);
        waitUntil(() -> robot.lookup("#compareStatus").query().isManaged() && !hint.isVisible());
        assertThat(robot.lookup("#exportCharts").query().isVisible()).isTrue();
        assertThat(((Label) robot.lookup("#compareStatus").query()).getText()).startsWith("Busiest server / mean:");
    }

    @Test
    void theExperimentsTabFoldsTheFieldsItsAnalysisDoesNotRead(FxRobot robot) throws Exception {
        robot.clickOn("Experiments");
        present(true);
        waitUntil(() -> !robot.lookup("#rangeGroup").query().isManaged());
        assertThat(robot.lookup("#serversGroup").query().isManaged()).as("A-1 reads N").isTrue();
        assertThat(robot.lookup("#exports").query().isManaged()).isFalse();

        @SuppressWarnings("unchecked")
        ChoiceBox<Analysis<?, ?>> choice = robot.lookup("#experimentChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> choice.setValue(Analyses.A2));
        waitUntil(() -> robot.lookup("#rangeGroup").query().isManaged());
        assertThat(robot.lookup("#serversGroup").query().isManaged()).as("A-2 reads N from .. to instead").isFalse();

        // the longest analysis' name reads whole in presentation mode's type (it read "passi…")
        robot.interact(() -> choice.setValue(Analyses.A6));
        waitUntil(() -> robot.lookup("#experimentChoice .label").queryAs(javafx.scene.control.Label.class).getText()
                .equals(Analyses.A6.toString()));
        Label shown = robot.lookup("#experimentChoice .label").queryAs(Label.class);
        waitUntil(() -> shown.lookup(".text") instanceof javafx.scene.text.Text text
                && text.getText().equals(Analyses.A6.toString()));

        present(false);
        waitUntil(() -> robot.lookup("#serversGroup").query().isManaged());
        for (String group : new String[] {"#requestsGroup", "#concurrencyGroup", "#rangeGroup", "#victimGroup",
                "#rateGroup", "#exports"}) {
            Node part = robot.lookup(group).query();
            assertThat(part.isVisible() && part.isManaged()).as(group + " at a desk").isTrue();
        }
    }

    private void present(boolean on) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.model().presentationProperty().set(on)).get(5, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WindowView.within(60).until(condition);
    }
}
