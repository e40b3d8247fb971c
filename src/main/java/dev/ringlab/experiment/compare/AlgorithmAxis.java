package dev.ringlab.experiment.compare;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The algorithms under a Compare chart, named whole: level, on the lines {@link CompareCharts#lines}
 * breaks them into, where each category is wide enough for its longest line (a slide, an export,
 * presentation mode's one chart at a time); slanted at 45 degrees, as before, where it is not (two
 * charts side by side in a window at a desk), rather than broken mid-word ("rendezv / ous"). At 45
 * degrees in a low plot JFreeChart cut the names to half the plot's height ("mag…"), and the slanted
 * names took the height the plot needed.
 */
final class AlgorithmAxis extends CategoryAxis {

    private static final CategoryLabelPositions LEVEL = CategoryLabelPositions.replaceBottomPosition(
            CategoryLabelPositions.STANDARD, new CategoryLabelPosition(RectangleAnchor.TOP, TextBlockAnchor.TOP_CENTER,
                    CategoryLabelWidthType.CATEGORY, 1.1f));

    AlgorithmAxis() {
        super(null); // no "algorithm" under the names: they say it, and the line is the plot's height
        setMaximumCategoryLabelLines(3);
        setLowerMargin(0.01);
        setUpperMargin(0.01);
        setCategoryMargin(0.1);
        setCategoryLabelPositions(LEVEL);
    }

    @Override
    public AxisSpace reserveSpace(Graphics2D g2, Plot plot, Rectangle2D plotArea, RectangleEdge edge, AxisSpace space) {
        CategoryLabelPositions fitting = level(g2, plot, plotArea.getWidth()) ? LEVEL : CategoryLabelPositions.UP_45;
        if (getCategoryLabelPositions() != fitting) {
            setCategoryLabelPositions(fitting);
        }
        return super.reserveSpace(g2, plot, plotArea, edge, space);
    }

    /** Whether every name's longest line fits its category's width at the tick labels' font. */
    private boolean level(Graphics2D g2, Plot plot, double width) {
        @SuppressWarnings("unchecked")
        List<Comparable<?>> categories = ((CategoryPlot) plot).getCategoriesForAxis(this);
        if (categories.isEmpty()) {
            return true;
        }
        double each = width * (1 - getLowerMargin() - getUpperMargin() - getCategoryMargin()) / categories.size();
        FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        int widest = 0;
        for (Comparable<?> category : categories) {
            for (String line : category.toString().split("\n")) {
                widest = Math.max(widest, metrics.stringWidth(line));
            }
        }
        return widest <= each;
    }
}
