package dev.ringlab.ui;

import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.ArcType;

/**
 * Where things sit on the ring canvas: the centre, the outer radius (the slot ticks), the width of the
 * ownership band, the slot count, and the width of the placement band drawn outside the ticks when
 * another algorithm than the ring routes the requests (0 when the ring does).
 */
record RingGeometry(double cx, double cy, double radius, double bandWidth, int slots, double placementWidth,
                    double scale) {

    /** The centre line of the ring's ownership band, where the virtual nodes sit. */
    double band() {
        return radius - 10 - bandWidth / 2;
    }

    /** The inner edge of the placement band, just outside the slot ticks. */
    double placementInner() {
        return radius + 11 * scale;
    }

    double placementOuter() {
        return placementInner() + placementWidth;
    }

    /** Where the slot numbers go: outside everything else. */
    double labels() {
        return placementWidth > 0 ? placementOuter() + 16 * scale : radius + 22 * scale;
    }

    /** Lays the ring out in a {@code width} x {@code height} canvas, leaving room for a placement band if asked. */
    static RingGeometry fit(double width, double height, int slots, double scale, boolean placementBand) {
        double half = Math.min(width, height) / 2;
        double placement = placementBand ? Math.max(12, half / 13) : 0;
        double radius = half - 34 * scale - (placementBand ? placement + 11 * scale : 0);
        return new RingGeometry(width / 2, height / 2, radius, Math.max(10, radius / 9), slots, placement, scale);
    }

    /** Slot 0 at the top, clockwise; fractional slots for things in motion. */
    Point2D at(double slot, double r) {
        double angle = 2 * Math.PI * slot / slots;
        return new Point2D(cx + r * Math.sin(angle), cy - r * Math.cos(angle));
    }

    /** Strokes an arc at radius {@code r} from one slot boundary clockwise to another (fractions allowed). */
    void strokeSlotArc(GraphicsContext gc, double r, double fromSlot, double toSlot) {
        double start = 90 - 360.0 * fromSlot / slots;
        double extent = -360.0 * (toSlot - fromSlot) / slots;
        gc.strokeArc(cx - r, cy - r, 2 * r, 2 * r, start, extent, ArcType.OPEN);
    }
}
