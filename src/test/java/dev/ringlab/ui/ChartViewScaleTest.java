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
        // a wide, low chart area (1920 x 480): the height decides, 480 / 300
        assertThat(ChartView.scale(1920, 480, 2.4)).isCloseTo(1.6, within(1e-9));
        // a large one: the zoom asked for
        assertThat(ChartView.scale(1920, 900, 2.4)).isCloseTo(2.4, within(1e-9));
    }

    @Test
    void presentationModeNeverDrawsSmallerThanADeskWould() {
        assertThat(ChartView.scale(400, 250, 2.4)).isGreaterThanOrEqualTo(ChartView.scale(400, 250, 1));
        assertThat(ChartView.scale(700, 440, 2.4)).isGreaterThanOrEqualTo(ChartView.scale(700, 440, 1));
    }
}
