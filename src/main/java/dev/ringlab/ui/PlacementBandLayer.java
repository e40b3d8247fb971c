package dev.ringlab.ui;

import dev.ringlab.palette.ServerColours;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/**
 * The ring canvas's layer for another algorithm than the ring: the {@link PlacementBand} outside the
 * ticks, and requests flying out to it from the slot they hash to, in the colour of the server the
 * algorithm picked.
 */
final class PlacementBandLayer {

    private PlacementBandLayer() {
    }

    /**
     * Where requests go under another algorithm: outside the ticks, each slot split among the servers its
     * keys go to, stacked in the same server order all round, between two ink circles that frame it.
     */
    static void draw(GraphicsContext gc, RingGeometry g, RingPicture p, Color ink) {
        PlacementBand band = p.band();
        if (band == null || band.slots() != p.slots()) {
            return;
        }
        double inner = g.placementInner();
        double width = g.placementWidth();
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineDashes();
        for (int slot = 0; slot < band.slots(); slot++) {
            double from = inner;
            for (PlacementBand.Share share : band.at(slot)) {
                double thickness = share.fraction() * width;
                gc.setStroke(Color.web(ServerColours.of(share.server())));
                gc.setLineWidth(thickness + 0.4); // a hair of overlap, so no seam of the background shows
                g.strokeSlotArc(gc, from + thickness / 2, slot, slot + 1);
                from += thickness;
            }
        }
        gc.setStroke(ink);
        gc.setLineWidth(Math.max(1, g.scale()));
        for (double r : new double[] {inner, inner + width}) {
            gc.strokeOval(g.cx() - r, g.cy() - r, 2 * r, 2 * r);
        }
    }

    /** Under another algorithm a request leaves its slot outwards, to where the band says it goes. */
    static void flash(GraphicsContext gc, RingGeometry g, int slot, Color colour, long age, Color ink) {
        double s = g.scale();
        double from = g.band();
        double to = g.placementInner() + g.placementWidth() / 2;
        double t = Math.min(1, (double) age / RequestFlights.TRAVEL_NANOS);
        Point2D at = g.at(slot + 0.5, from + t * (to - from));
        double d = (12 + (age > RequestFlights.TRAVEL_NANOS ? 14.0 * (age - RequestFlights.TRAVEL_NANOS) / RequestFlights.FADE_NANOS : 0)) * s;
        double alpha = age > RequestFlights.TRAVEL_NANOS ? 1 - (double) (age - RequestFlights.TRAVEL_NANOS) / RequestFlights.FADE_NANOS : 1;
        gc.setFill(colour.deriveColor(0, 1, 1, alpha));
        gc.fillOval(at.getX() - d / 2, at.getY() - d / 2, d, d);
        gc.setStroke(ink.deriveColor(0, 1, 1, alpha));
        gc.setLineWidth(1.5);
        gc.strokeOval(at.getX() - d / 2, at.getY() - d / 2, d, d);
    }
}
