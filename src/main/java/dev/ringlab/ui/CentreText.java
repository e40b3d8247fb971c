package dev.ringlab.ui;

import dev.ringlab.experiment.HotKey;
import dev.ringlab.ring.RingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The words in the middle of the ring: how many servers, the hot keys' caption while A-5 marks them, a
 * warning when requests do not go where this ring says, and the ring's shape (slots, virtual nodes,
 * hash, probing). They must fit inside the band whatever the ring's size: the block shrinks to fit, but
 * never below {@link #smallest} (about 11 px text at a desk), and rather than shrink further it leaves lines out, the
 * least needed first (the shape, which the caption under the ring and the export also give, then the
 * hot keys, then the warning), down to the server count alone, shortened to "3 servers" when even that
 * is too wide. Text is measured, not guessed, so a longer algorithm name or a wider font still fits.
 */
final class CentreText implements RingLayer {

    /** The smallest the block may get at a desk, against its desk size: 13 px text at 0.85 is 11 px. */
    static final double SMALLEST = 0.85;

    /** The smallest size at {@code scale}: the desk's smallest, or 60 % of the projector's size, whichever is larger. */
    static double smallest(double scale) {
        return Math.max(SMALLEST, 0.6 * scale);
    }

    /**
     * One line of the block at the desk size (scale 1).
     *
     * @param keep how much the line is needed: lines with a lower value go first when the ring is small,
     *             lines with the same value together
     */
    record Line(String text, double px, boolean bold, int keep) {
        Font font(double factor) {
            return Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, px * factor);
        }

        /** The distance from this line's top to the next line's top, at the desk size. */
        double advance() {
            return px * 1.5;
        }
    }

    /** The lines that fit and the size factor they are drawn at (1 at the desk size); no lines when nothing fits. */
    record Fit(List<Line> lines, double factor) {
    }

    private static final String ON_THE_RING = " on the ring";

    private final Supplier<List<HotKey>> hotKeys;

    CentreText(Supplier<List<HotKey>> hotKeys) {
        this.hotKeys = hotKeys;
    }

    @Override
    public void draw(RingPaint paint, RingPicture p) {
        GraphicsContext gc = paint.gc();
        RingGeometry g = paint.g();
        // inside the ghost arcs and the probe's walk, which run just inside the band
        double room = g.band() - g.bandWidth() / 2 - 16 * paint.scale();
        Fit fit = fit(lines(p, hotKeys.get()), room, paint.scale(), CentreText::width);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.setFill(paint.ink());
        double y = g.cy() - height(fit.lines()) * fit.factor() / 2;
        for (Line line : fit.lines()) {
            gc.setFont(line.font(fit.factor()));
            gc.fillText(line.text(), g.cx(), y);
            y += line.advance() * fit.factor();
        }
    }

    /** What the middle of the ring would say with room enough, top to bottom. */
    static List<Line> lines(RingPicture p, List<HotKey> hot) {
        RingConfig config = p.ring().config();
        int size = p.ring().size();
        List<Line> lines = new ArrayList<>();
        if (!hot.isEmpty()) {
            lines.add(new Line(HotKeyLayer.caption(hot), 13, true, 3));
        }
        lines.add(new Line((size == 1 ? "1 server" : size + " servers") + ON_THE_RING, 17, true, 5));
        if (p.band() != null) {
            lines.add(new Line("Outer band: where requests", 15, true, 4));
            lines.add(new Line("go under " + p.algorithm().label() + ", not this ring", 15, true, 4));
        } else if (!p.routesRequests()) {
            lines.add(new Line("Requests route by " + p.algorithm().label() + ",", 15, true, 4));
            lines.add(new Line("not by this ring (faded)", 15, true, 4));
        }
        lines.add(new Line(config.slots() + " slots · " + config.virtualNodesPerServer() + (config.virtualNodesPerServer() == 1 ? " virtual node each" : " virtual nodes each"), 13, false, 2));
        lines.add(new Line(config.hash().name() + " hash · " + config.probing().label() + " probing", 13, false, 1));
        return lines;
    }

    /**
     * The most lines that fit in a circle of {@code radius} at a size of at least {@link #smallest},
     * and the largest size up to {@code scale} at which they do; the block is centred.
     */
    static Fit fit(List<Line> wanted, double radius, double scale, ToDoubleFunction<Line> deskWidth) {
        List<Line> lines = new ArrayList<>(wanted);
        while (!lines.isEmpty()) {
            double factor = Math.min(scale, radius / reach(lines, deskWidth));
            if (factor >= smallest(scale)) {
                return new Fit(List.copyOf(lines), factor);
            }
            int least = lines.stream().mapToInt(Line::keep).min().orElseThrow();
            if (lines.stream().anyMatch(line -> line.keep() > least)) {
                lines.removeIf(line -> line.keep() == least); // a two-line warning goes as one
            } else if (lines.get(0).text().endsWith(ON_THE_RING)) {
                Line last = lines.get(0); // the last resort: "3 servers"
                lines.set(0, new Line(last.text().substring(0, last.text().length() - ON_THE_RING.length()),
                        last.px(), last.bold(), last.keep()));
            } else {
                lines.clear();
            }
        }
        return new Fit(List.of(), 0);
    }

    /**
     * How far from the centre the block's farthest corner is at the desk size: the block fits a circle of
     * radius r when drawn at r / reach.
     */
    private static double reach(List<Line> lines, ToDoubleFunction<Line> deskWidth) {
        double top = -height(lines) / 2;
        double farthest = 0;
        for (Line line : lines) {
            double bottom = top + line.px() * 1.2;
            double y = Math.max(Math.abs(top), Math.abs(bottom));
            farthest = Math.max(farthest, Math.hypot(deskWidth.applyAsDouble(line) / 2, y));
            top += line.advance();
        }
        return farthest;
    }

    private static double height(List<Line> lines) {
        double height = 0;
        for (int i = 0; i < lines.size(); i++) {
            height += i == lines.size() - 1 ? lines.get(i).px() * 1.2 : lines.get(i).advance();
        }
        return height;
    }

    /** The line's width at the desk size, measured with the font it is drawn in. */
    private static double width(Line line) {
        Text text = new Text(line.text());
        text.setFont(line.font(1));
        return text.getLayoutBounds().getWidth();
    }
}
