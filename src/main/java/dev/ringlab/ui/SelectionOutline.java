package dev.ringlab.ui;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;

/** The server selected in the window (ring, legend or table): its arcs outlined in ink inside the band. */
final class SelectionOutline implements RingLayer {

    @Override
    public void draw(RingPaint paint, RingPicture p) {
        if (p.selected() == null || p.markers().isEmpty()) {
            return;
        }
        GraphicsContext gc = paint.gc();
        RingGeometry g = paint.g();
        List<RingPicture.Marker> markers = p.markers();
        gc.setStroke(paint.ink());
        gc.setLineWidth(3 * paint.scale());
        gc.setLineDashes();
        double r = g.band() - g.bandWidth() / 2 - 2 * paint.scale();
        for (int i = 0; i < markers.size(); i++) {
            RingPicture.Marker marker = markers.get(i);
            if (marker.serverName().equals(p.selected())) {
                paint.strokeSlotArc(r, OwnershipBand.arcStart(markers, i, p.slots()), marker.slot() + 1);
            }
        }
    }
}
