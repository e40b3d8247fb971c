package dev.ringlab.ui;

import dev.ringlab.experiment.HotKey;
import dev.ringlab.ring.RingSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The hot keys of a skewed workload on the ring: a flame per slot that a hot key hashes to,
 * pointing outwards from the ring, as long as the share of all requests that slot's hot keys carry, the
 * three hottest numbered. Ink, not a server's hue: a hot slot is hot whoever owns it, and the band beside
 * it says who pays for it.
 */
final class HotKeyLayer {

    /** Enough to show the head of a Zipf distribution without covering the ring. */
    static final int SHOWN = 10;

    /** The hot keys that hash to one slot, their shares added up; {@code rank} is the hottest of them. */
    record Mark(int slot, int rank, double share, int keys) {
    }

    private HotKeyLayer() {
    }

    /** One mark per slot, hottest first. */
    static List<Mark> marks(RingSnapshot ring, List<HotKey> hotKeys) {
        Map<Integer, Mark> bySlot = new TreeMap<>();
        for (HotKey hot : hotKeys) {
            int slot = ring.slotOf(hot.key());
            bySlot.merge(slot, new Mark(slot, hot.rank(), hot.share(), 1), (a, b) -> new Mark(slot,
                    Math.min(a.rank(), b.rank()), a.share() + b.share(), a.keys() + b.keys()));
        }
        List<Mark> marks = new ArrayList<>(bySlot.values());
        marks.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        return marks;
    }

    static void draw(GraphicsContext gc, RingGeometry g, RingSnapshot ring, List<HotKey> hotKeys, Color ink,
                     Color paper) {
        if (hotKeys.isEmpty()) {
            return;
        }
        List<Mark> marks = marks(ring, hotKeys);
        double s = g.scale();
        double base = g.placementWidth() > 0 ? g.placementOuter() : g.radius();
        double hottest = marks.stream().mapToDouble(Mark::share).max().orElse(1);
        gc.setFont(Font.font("System", FontWeight.BOLD, 12 * s));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (Mark mark : marks) {
            // flame and rank disc stay inside the canvas: a flame near the left or right edge was clipped
            double room = Math.min(g.cx(), g.cy()) - base - (mark.rank() <= 3 ? 20 : 2) * s;
            double length = Math.max(4 * s, Math.min((10 + 40 * mark.share() / hottest) * s, room));
            double centre = mark.slot() + 0.5;
            // at least the slot's own width, and wide enough (10 px at a desk) to read as a flame
            double angularHalf = Math.max(0.5, 5 * s * g.slots() / (2 * Math.PI * base));
            Point2D left = g.at(centre - angularHalf, base + 1);
            Point2D right = g.at(centre + angularHalf, base + 1);
            Point2D tip = g.at(centre, base + length);
            double[] xs = {left.getX(), tip.getX(), right.getX()};
            double[] ys = {left.getY(), tip.getY(), right.getY()};
            gc.setFill(ink);
            gc.fillPolygon(xs, ys, 3);
            gc.setStroke(paper);
            gc.setLineWidth(1);
            gc.strokePolygon(xs, ys, 3);
            if (mark.rank() <= 3) {
                Point2D label = g.at(centre, base + length + 10 * s);
                gc.setFill(paper);
                gc.fillOval(label.getX() - 8 * s, label.getY() - 8 * s, 16 * s, 16 * s);
                gc.setFill(ink);
                gc.fillText(Integer.toString(mark.rank()), label.getX(), label.getY());
            }
        }
    }

    /** "Hot keys: the 10 hottest carry 27.9 % of requests", for the centre of the ring. */
    static String caption(List<HotKey> hotKeys) {
        double total = hotKeys.stream().mapToDouble(HotKey::share).sum();
        return String.format(Locale.ROOT, "▲ hot keys: the %d hottest carry %.1f%%", hotKeys.size(), 100 * total);
    }
}
