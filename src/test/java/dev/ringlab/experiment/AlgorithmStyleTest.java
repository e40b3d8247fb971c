package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.palette.ServerColours;
import dev.ringlab.ring.algorithm.Algorithm;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;

/** Algorithms look like algorithms, not servers: their own colours, each with its own dash and marker. */
class AlgorithmStyleTest {

    @Test
    void noAlgorithmWearsAServersColourAndNoTwoLookAlike() {
        List<Color> servers = ServerColours.PALETTE.stream().map(hex -> new Color(ServerColours.rgb(hex))).toList();
        List<Color> algorithms = Arrays.stream(Algorithm.values()).map(AlgorithmStyle::colour).toList();

        assertThat(algorithms).doesNotHaveDuplicates().doesNotContainAnyElementsOf(servers);
        assertThat(Arrays.stream(Algorithm.values()).map(a -> Arrays.toString(AlgorithmStyle.stroke(a).getDashArray())))
                .doesNotHaveDuplicates();
        assertThat(Arrays.stream(Algorithm.values()).map(a -> AlgorithmStyle.shape(a).getBounds2D().toString()
                + AlgorithmStyle.shape(a).getClass())).as("markers").hasSize(Algorithm.values().length);
    }

    @Test
    void aChartsLabelNamesItsAlgorithm() {
        assertThat(AlgorithmStyle.of("ring(V=9)")).isEqualTo(Algorithm.RING);
        assertThat(AlgorithmStyle.of("bounded loads, c = 1.25")).isEqualTo(Algorithm.BOUNDED);
        assertThat(AlgorithmStyle.of("Maglev")).isEqualTo(Algorithm.MAGLEV);
    }

    @Test
    void theHotKeysChartDrawsEachAlgorithmInItsOwnStyle() {
        HotKeysResult result = Analyses.A5.prepare(AnalysisInput.defaults(dev.ringlab.ring.RingConfig.DEFAULT,
                new Workload(2_000, 7, 1)), (ring, servers) -> {
                    throw new AssertionError("A-5 places keys itself and opens no testbed");
                }).run(ProgressListener.NONE).result();

        JFreeChart chart = HotKeysCharts.overTime(result);

        XYItemRenderer lines = chart.getXYPlot().getRenderer();
        for (int i = 0; i < result.runs().size(); i++) {
            Algorithm algorithm = Algorithm.byName(result.runs().get(i).algorithm());
            assertThat(lines.getSeriesPaint(i)).isEqualTo(AlgorithmStyle.colour(algorithm));
            assertThat(lines.getSeriesStroke(i)).isEqualTo(AlgorithmStyle.stroke(algorithm));
        }
    }
}
