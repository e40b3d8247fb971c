package dev.ringlab.experiment;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.category.BarRenderer;

/**
 * Bars in their server's colour (the column is the server's name), solid for the first series, striped for the second
 * and spotted for the third, so a server keeps its colour whichever condition the bar shows (A-1 has one condition,
 * A-4 one per hash).
 */
final class ServerBars extends BarRenderer {

    private static final String[] FILLS = {"solid", "striped", "spotted"};

    private final int series;

    ServerBars(int series) {
        this.series = series;
    }

    /** The fill of the {@code index}-th condition's bars: solid, striped, then spotted. */
    static Paint fill(int index, Color color) {
        return index == 0 ? color : index == 1 ? ChartStyle.striped(color) : ChartStyle.spotted(color);
    }

    /** What a legend calls the {@code index}-th condition's fill. */
    static String fillName(int index) {
        return FILLS[Math.min(index, FILLS.length - 1)];
    }

    @Override
    public Paint getItemPaint(int row, int column) {
        Color color = ChartStyle.server(String.valueOf(getPlot().getDataset().getColumnKey(column)));
        return series == 1 ? color : fill(row, color);
    }

    @Override
    public Paint getItemOutlinePaint(int row, int column) {
        return ChartStyle.server(String.valueOf(getPlot().getDataset().getColumnKey(column))).darker();
    }
}
