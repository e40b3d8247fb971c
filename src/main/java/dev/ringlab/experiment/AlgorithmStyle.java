package dev.ringlab.experiment;

import dev.ringlab.ring.algorithm.Algorithm;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * How a placement algorithm looks in every chart that sets algorithms side by side (A-5, A-7, Compare):
 * a colour, a dash and a marker of its own. Servers own the Okabe-Ito palette ({@code ServerColours}),
 * on the ring, in the table and in the charts, so an algorithm drawn in a server's colour read as that
 * server; algorithms take black and Paul Tol's dark colour-blind-safe tones instead, none of them a
 * server's, each with a dash and a marker, so they are told apart in grey print and without colour too.
 */
public final class AlgorithmStyle {

    private static final float WIDTH = 3f;
    private static final double MARK = 4.5;

    private AlgorithmStyle() {
    }

    public static Color colour(Algorithm algorithm) {
        return switch (algorithm) {
            case RING -> new Color(0x000000); // black: the classic everything else is read against
            case MAGLEV -> new Color(0x332288); // Tol's indigo
            case RENDEZVOUS -> new Color(0x882255); // Tol's wine
            case JUMP -> new Color(0x663300); // brown
            case BOUNDED -> new Color(0x117733); // Tol's green
        };
    }

    /** The line: solid for the ring, a dash pattern of its own for every other. */
    public static BasicStroke stroke(Algorithm algorithm) {
        return switch (algorithm) {
            case RING -> new BasicStroke(WIDTH);
            case MAGLEV -> dash(10, 5);
            case RENDEZVOUS -> new BasicStroke(WIDTH + 0.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10,
                    new float[] {1, 6}, 0);
            case JUMP -> dash(12, 4, 2, 4);
            case BOUNDED -> dash(20, 5);
        };
    }

    /** The marker on its points: circle, square, triangle, diamond, triangle down. */
    public static Shape shape(Algorithm algorithm) {
        return switch (algorithm) {
            case RING -> new Ellipse2D.Double(-MARK, -MARK, 2 * MARK, 2 * MARK);
            case MAGLEV -> new Rectangle2D.Double(-MARK, -MARK, 2 * MARK, 2 * MARK);
            case RENDEZVOUS -> polygon(0, -MARK, MARK, MARK, -MARK, MARK);
            case JUMP -> polygon(0, -MARK, MARK, 0, 0, MARK, -MARK, 0);
            case BOUNDED -> polygon(-MARK, -MARK, MARK, -MARK, 0, MARK);
        };
    }

    /** The algorithm a chart's label names ({@code ring}, {@code ring(V=9)}, {@code bounded loads, c = 1.25}). */
    public static Algorithm of(String label) {
        String name = label.trim().toLowerCase(Locale.ROOT);
        for (Algorithm algorithm : Algorithm.values()) {
            if (name.startsWith(algorithm.label())) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("no algorithm in '" + label + "'");
    }

    /** Styles series {@code series} of a line chart as {@code algorithm}: colour, dash and marker. */
    public static void apply(org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer, int series,
                             Algorithm algorithm) {
        renderer.setSeriesPaint(series, colour(algorithm));
        renderer.setSeriesStroke(series, stroke(algorithm));
        renderer.setSeriesShape(series, shape(algorithm));
        renderer.setSeriesShapesVisible(series, true);
        renderer.setSeriesShapesFilled(series, true);
    }

    private static BasicStroke dash(float... pattern) {
        return new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, pattern, 0);
    }

    private static Shape polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }
}
