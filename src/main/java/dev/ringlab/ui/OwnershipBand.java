package dev.ringlab.ui;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/**
 * Who owns which arc: the band of solid arcs in each owner's colour, split by a thin line of the
 * background where the owner changes so neighbours stay apart. A ring that does not route the
 * requests (another algorithm does) is drawn faded, so nobody reads it as the truth.
 */
final class OwnershipBand implements RingLayer {

    @Override
    public void draw(RingPaint paint, RingPicture p) {
        GraphicsContext gc = paint.gc();
        RingGeometry g = paint.g();
        List<RingPicture.Marker> markers = p.markers();
        gc.setLineWidth(g.bandWidth());
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineDashes();
        if (markers.isEmpty()) {
            gc.setStroke(RingPaint.GHOST.deriveColor(0, 1, 1, 0.3));
            paint.strokeSlotArc(g.band(), 0, p.slots());
            return;
        }
        double alpha = p.routesRequests() ? 1 : 0.25;
        for (int i = 0; i < markers.size(); i++) {
            RingPicture.Marker marker = markers.get(i);
            gc.setStroke(Color.web(marker.colour(), alpha));
            paint.strokeSlotArc(g.band(), arcStart(markers, i, p.slots()), marker.slot() + 1);
        }
        gc.setStroke(paint.paper());
        gc.setLineWidth(1.5);
        for (int i = 0; i < markers.size(); i++) {
            RingPicture.Marker marker = markers.get(i);
            RingPicture.Marker next = markers.get((i + 1) % markers.size());
            if (!next.server().equals(marker.server())) {
                Point2D a = g.at(marker.slot() + 1, g.band() - g.bandWidth() / 2);
                Point2D b = g.at(marker.slot() + 1, g.band() + g.bandWidth() / 2);
                gc.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
            }
        }
    }

    /** The first slot of the arc the {@code i}-th marker owns, below its own slot when the arc wraps past 0. */
    static int arcStart(List<RingPicture.Marker> markers, int i, int slots) {
        int to = markers.get(i).slot() + 1;
        int from = markers.get(Math.floorMod(i - 1, markers.size())).slot() + 1;
        return markers.size() == 1 ? to - slots : from > to ? from - slots : from;
    }
}
