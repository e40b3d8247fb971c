package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** How large a chart is drawn: shrunk in a small view, enlarged in presentation mode where room allows. */
class ChartViewScaleTest {

    @Test
    void atADeskAChartIsNeverEnlarged() {
        assertThat(ChartView.scale(1600, 900, 1)).isEqualTo(1);
        assertThat(ChartView.scale(648, 450, 1)).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void inANarrowViewTheTextStaysReadableAndThePlotGivesWay() {
        // two Compare charts side by side in a 1280x800 window: about 350 px each
        assertThat(ChartView.scale(350, 390, 1)).isEqualTo(ChartView.SMALLEST_SCALE);
        assertThat(ChartView.scale(360, 450, 1)).isEqualTo(ChartView.SMALLEST_SCALE);
    }

    @Test
    void presentationModeEnlargesAsFarAsTheRoomAllows() {
        // a wide, low chart area (1920 x 480): the height decides, 480 / 280
        assertThat(ChartView.scale(1920, 480, 2.4)).isCloseTo(480 / 280.0, within(1e-9));
        // a large one: the zoom asked for
        assertThat(ChartView.scale(1920, 900, 2.4)).isCloseTo(2.4, within(1e-9));
    }

    @Test
    void presentationModesChartTextIsAboutTwiceItsDeskSizeUnderTheForm() {
        // the Experiments tab at 1920x1080 in presentation mode, where the window's text is 35 px: the chart
        // had 1900 x 475 px under the form, and its 12 pt tick labels were drawn at 1.58x (19 px); with the
        // unused fields and the exports folded it has about 1900 x 620, and they are drawn at 2.2x (26 px)
        double scale = ChartView.scale(1900, 620, 2.4);
        assertThat(dev.ringlab.experiment.ChartStyle.TICKS.getSize() * scale).isGreaterThanOrEqualTo(26);
        assertThat(dev.ringlab.experiment.ChartStyle.TITLE.getSize() * scale).isGreaterThanOrEqualTo(44);
    }

    @Test
    void presentationModeShowsSeveralChartsOneAtATime() {
        java.util.List<String> charts = java.util.List.of("load spread", "keys moved");
        assertThat(ChartView.onShow(charts, 1, 0)).as("at a desk, side by side").isEqualTo(charts);
        assertThat(ChartView.onShow(charts, 2.4, 0)).containsExactly("load spread");
        assertThat(ChartView.onShow(charts, 2.4, 1)).containsExactly("keys moved");
        assertThat(ChartView.onShow(charts, 2.4, 2)).as("a click past the last shows the first").containsExactly("load spread");
        assertThat(ChartView.onShow(java.util.List.of("A-1"), 2.4, 1)).containsExactly("A-1");
        // each one then has the whole area: twice the width two side by side had
        assertThat(ChartView.scale(1900, 600, 2.4)).isGreaterThan(ChartView.scale(950, 600, 2.4));
    }

    @Test
    void aChartOfSeveralPanelsKeepsRoomForItsPlots() {
        // A-6 in presentation mode: three panels over one time axis get a taller layout, so smaller text
        assertThat(ChartView.scale(1900, 640, 2.4, ChartView.PANELLED_HEIGHT)).isCloseTo(640 / 420.0, within(1e-9));
        assertThat(ChartView.scale(1900, 640, 2.4, ChartView.PANELLED_HEIGHT)).isLessThan(ChartView.scale(1900, 640, 2.4));
        // and never below what a desk draws
        assertThat(ChartView.scale(700, 300, 2.4, ChartView.PANELLED_HEIGHT)).isEqualTo(ChartView.scale(700, 300, 1));
    }

    @Test
    void presentationModeNeverDrawsSmallerThanADeskWould() {
        assertThat(ChartView.scale(400, 250, 2.4)).isGreaterThanOrEqualTo(ChartView.scale(400, 250, 1));
        assertThat(ChartView.scale(700, 440, 2.4)).isGreaterThanOrEqualTo(ChartView.scale(700, 440, 1));
    }
}
