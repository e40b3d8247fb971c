package dev.ringlab.ui;

import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;

/**
 * The slots round the ring: a grey circle, a tick per slot (or per major slot when slots are finer than
 * two pixels), and slot numbers in ink, fewer of them on a projector so they stay apart.
 */
final class SlotTicks implements RingLayer {

    @Override
    public void draw(RingPaint paint, RingPicture picture) {
        GraphicsContext gc = paint.gc();
        RingGeometry g = paint.g();
        int slots = picture.slots();
        double s = paint.scale();
        gc.setStroke(RingPaint.GHOST);
        gc.setLineWidth(1);
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.strokeOval(g.cx() - g.radius(), g.cy() - g.radius(), 2 * g.radius(), 2 * g.radius());
        int labelEvery = labelInterval(slots, s);
        int majorEvery = Math.max(1, labelEvery / 4);
        boolean everySlot = slots <= 2048 && 2 * Math.PI * g.radius() / slots >= 2;
        gc.setFont(paint.font(12, false));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (int slot = 0; slot < slots; slot++) {
            boolean label = slot % labelEvery == 0;
            boolean major = slot % majorEvery == 0;
            if (!everySlot && !major) {
                continue;
            }
            double length = (label ? 9 : major ? 6 : 3) * s;
            Point2D inner = g.at(slot, g.radius());
            Point2D outer = g.at(slot, g.radius() + length);
            gc.setStroke(label ? paint.ink() : RingPaint.GHOST);
            gc.strokeLine(inner.getX(), inner.getY(), outer.getX(), outer.getY());
            if (label) {
                Point2D text = g.at(slot, g.labels());
                gc.setFill(paint.ink());
                gc.fillText(Integer.toString(slot), text.getX(), text.getY());
            }
        }
    }

    /** A power of two, so that at most 16 slot numbers show (8 on a projector). */
    static int labelInterval(int slots, double scale) {
        int interval = 1;
        int most = scale > 1.4 ? 8 : 16;
        while (slots / interval > most) {
            interval *= 2;
        }
        return interval;
    }
}
