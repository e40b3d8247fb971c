package dev.ringlab.ui;

import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;

/** The slot under the pointer: an ink line across the band, gone when the pointer leaves. */
final class PointerLine implements RingLayer {

    private final Supplier<RingPicture.SlotDetail> focus;

    PointerLine(Supplier<RingPicture.SlotDetail> focus) {
        this.focus = focus;
    }

    @Override
    public void draw(RingPaint paint, RingPicture picture) {
        RingPicture.SlotDetail detail = focus.get();
        if (detail == null) {
            return;
        }
        RingGeometry g = paint.g();
        GraphicsContext gc = paint.gc();
        Point2D inner = g.at(detail.slot(), g.band() - g.bandWidth());
        Point2D outer = g.at(detail.slot(), (g.placementWidth() > 0 ? g.placementOuter() : g.radius()) + 6);
        gc.setStroke(paint.ink());
        gc.setLineWidth(2);
        gc.strokeLine(inner.getX(), inner.getY(), outer.getX(), outer.getY());
    }
}
