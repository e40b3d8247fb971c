package dev.ringlab.experiment.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.junit.jupiter.api.Test;

/** The Compare charts name each algorithm whole: level on lines where there is room, slanted where not. */
class CompareChartLabelsTest {

    @Test
    void aLongNameBreaksAtItsParenthesisAndCommasNotMidWord() {
        assertThat(CompareCharts.lines("bounded(V=9,c=1.25)")).isEqualTo("bounded\n(V=9,\nc=1.25)");
        assertThat(CompareCharts.lines("maglev(M=65537)")).isEqualTo("maglev\n(M=65537)");
        assertThat(CompareCharts.lines("rendezvous")).isEqualTo("rendezvous");
    }

    @Test
    void namesAreLevelOnAWideChartAndSlantedOnANarrowOne() {
        CompareSettings d = CompareSettings.defaults();
        List<ContenderResult> results = new Comparison(new CompareSettings(d.algorithms(), 10, 20_000, d.virtualNodes(),
                d.slots(), d.ringHash(), d.maglevTableSize(), d.loadFactor(), d.seed())).run();
        for (JFreeChart chart : List.of(CompareCharts.loadSpread(results), CompareCharts.keysMoved(results))) {
            // an export's half of a 2x slide, and presentation mode's one chart at a time
            assertThat(positionsAt(chart, 1100, 650)).isNotSameAs(CategoryLabelPositions.UP_45);
            // two charts side by side in a 1280x800 window: "rendezvous" is wider than its category
            assertThat(positionsAt(chart, 460, 400)).isSameAs(CategoryLabelPositions.UP_45);
        }
    }

    private static CategoryLabelPositions positionsAt(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            graphics.dispose();
        }
        return chart.getCategoryPlot().getDomainAxis().getCategoryLabelPositions();
    }
}
