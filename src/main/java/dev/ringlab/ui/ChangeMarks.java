package dev.ringlab.ui;

import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;

/**
 * What the last change did, in shapes that are no server's hue: the slots that changed owner hatched
 * in ink just outside the band, and the arcs of a server that left as a dashed grey ghost inside it,
 * both until the next change.
 */
final class ChangeMarks implements RingLayer {

    @Override
    public void draw(RingPaint paint, RingPicture p) {
        hatchMovedSlots(paint, p);
        ghostLeaversArcs(paint, p);
    }

    private static void hatchMovedSlots(RingPaint paint, RingPicture p) {
        if (p.changedSlots().isEmpty()) {
            return;
        }
        GraphicsContext gc = paint.gc();
        RingGeometry g = paint.g();
        double s = paint.scale();
        double inner = g.band() + g.bandWidth() / 2 + 1;
        double outer = g.radius() - 1;
        gc.setLineWidth(Math.max(1.5, 1.5 * s));
        gc.setStroke(paint.ink());
        gc.setLineDashes();
        int slots = p.slots();
        double slotLength = 2 * Math.PI * outer / slots;
        // one diagonal per slot, or per few pixels when slots are finer than the stroke
        double every = Math.max(1, Math.ceil(4 * s / slotLength));
        for (int slot : p.changedSlots()) {
            if (slot % every != 0 && slotLength < 4 * s) {
                continue;
            }
            Point2D a = g.at(slot, inner);
            Point2D b = g.at(slot + 1.0, outer);
            gc.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
        }
    }

    private static void ghostLeaversArcs(RingPaint paint, RingPicture p) {
        if (p.ghostSlots().isEmpty()) {
            return;
        }
        GraphicsContext gc = paint.gc();
        RingGeometry g = paint.g();
        double s = paint.scale();
        double r = g.band() - g.bandWidth() / 2 - 5 * s;
        gc.setStroke(RingPaint.GHOST);
        gc.setLineWidth(4 * s);
        gc.setLineDashes(6 * s, 4 * s);
        for (int slot : p.ghostSlots()) {
            paint.strokeSlotArc(r, slot, slot + 1);
        }
        gc.setLineDashes();
    }
}
