package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.palette.ServerColours;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

/** A server's bar is the colour the server has on the ring, wherever the bar stands in the chart. */
class ChartColoursTest {

    @Test
    void a1BarsTakeTheirServersColoursNotTheirPlaces() {
        // the ring gave these servers their colours in this order: Server 7 first, so it holds the first colour
        ServerColours.keepOnly(List.of());
        ServerColours.of(new Server(7, "Server 7"));
        ServerColours.of(new Server(2, "Server 2"));
        DistributionResult result = new DistributionResult(
                new DistributionParameters(RingConfig.DEFAULT, 2, Workload.of(42)), "sim",
                List.of(new ServerLoad("Server 2", 6_000), new ServerLoad("Server 7", 4_000)), 0, 0, Duration.ZERO);

        JFreeChart chart = DistributionCharts.chart(result);
        CategoryPlot plot = chart.getCategoryPlot();

        Color first = (Color) plot.getRenderer().getItemPaint(0, 0);
        Color second = (Color) plot.getRenderer().getItemPaint(0, 1);
        assertThat(plot.getDataset().getColumnKey(0)).isEqualTo("Server 2");
        assertThat(first.getRGB() & 0xFFFFFF).isEqualTo(ServerColours.rgb(ServerColours.of("Server 2")));
        assertThat(second.getRGB() & 0xFFFFFF).isEqualTo(ServerColours.rgb(ServerColours.PALETTE.get(0)));
        ServerColours.keepOnly(List.of());
    }
}
