package dev.ringlab.ui;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * What every layer of the ring canvas paints with: where (the graphics context and the ring's
 * geometry) and in which two colours, ink and paper, which swap with the theme. Server colours come
 * from the picture; everything that is no server's (ticks, hatching, crosses, text) is ink or ghost grey.
 */
record RingPaint(GraphicsContext gc, RingGeometry g, Color ink, Color paper) {

    /** Ticks, ghosts and fallen nodes: a grey at 4.5:1 on white, no server's hue. */
    static final Color GHOST = Color.web("#767676");

    /** 1 at a desk, about 2 for a projector: every size follows it. */
    double scale() {
        return g.scale();
    }

    Font font(double px, boolean bold) {
        return Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, px * scale());
    }

    /** An arc along the ring at radius {@code r}, from one slot boundary clockwise to another. */
    void strokeSlotArc(double r, double fromSlot, double toSlot) {
        g.strokeSlotArc(gc, r, fromSlot, toSlot);
    }
}
