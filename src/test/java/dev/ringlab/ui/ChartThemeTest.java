package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.experiment.ChartStyle;
import java.awt.Color;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A chart in the window follows the theme through the style sheet alone: dark paper and light ink
 * under {@code .root.dark}, white again when the theme goes back, and the chart itself (what is
 * exported) stays on white throughout.
 */
@ExtendWith(ApplicationExtension.class)
class ChartThemeTest {

    private StackPane root;
    private ChartView view;

    @Start
    void start(Stage stage) {
        view = new ChartView();
        StackPane area = new StackPane(view);
        area.getStyleClass().add("chart-area");
        root = new StackPane(area);
        Scene scene = new Scene(root, 640, 400);
        scene.getStylesheets().add(ChartView.class.getResource("/fxml/lab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                view.frame();
            }
        }.start();
    }

    private static JFreeChart chart() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(9651, "requests", "Server 1");
        data.addValue(163, "requests", "Server 2");
        JFreeChart chart = ChartFactory.createBarChart("A-1", "server", "requests", data);
        ChartStyle.slide(chart);
        return chart;
    }

    @Test
    void theChartTurnsDarkWithTheWindowAndBackWhileTheChartStaysOnWhite(FxRobot robot) throws Exception {
        JFreeChart chart = chart();
        robot.interact(() -> view.show(() -> List.of(chart)));
        waitForCorner(Color.WHITE);

        robot.interact(() -> root.getStyleClass().add("dark"));
        WindowView.within(10).until(() -> view.darkProperty().get());
        waitForCorner(new Color(0x1E1E1E));
        assertThat(chart.getBackgroundPaint()).isEqualTo(Color.WHITE);
        assertThat(view.charts()).containsExactly(chart);

        robot.interact(() -> root.getStyleClass().remove("dark"));
        waitForCorner(Color.WHITE);
    }

    /** Waits until the top-left pixel of the picture on show is within a step of {@code expected}. */
    private void waitForCorner(Color expected) throws Exception {
        WindowView.within(20).until(() -> {
            Image image = view.image();
            if (image == null || view.busy()) {
                return false;
            }
            int argb = image.getPixelReader().getArgb(2, 2);
            Color corner = new Color(argb, true);
            return Math.abs(corner.getRed() - expected.getRed()) <= 2 && Math.abs(corner.getGreen() - expected.getGreen()) <= 2
                    && Math.abs(corner.getBlue() - expected.getBlue()) <= 2;
        });
    }
}
