package dev.ringlab.ui;

import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Every virtual node as a disc in its server's colour on the band, ringed in the background; a frozen
 * or slow server's nodes carry its {@link FaultGlyphs fault's shape}; a server that is down crossed out in ink, on its markers while it is on the ring, then as hollow grey rings
 * where its nodes were until it is gone from the cluster. Markers shrink as they crowd, so a hundred
 * nodes per server thin to a bead line instead of a wall.
 */
final class NodeMarkers implements RingLayer {

    @Override
    public void draw(RingPaint paint, RingPicture p) {
        if (p.markers().isEmpty()) {
            return;
        }
        GraphicsContext gc = paint.gc();
        RingGeometry g = paint.g();
        double size = size(g, p);
        for (RingPicture.Marker marker : p.markers()) {
            Point2D at = g.at(marker.slot(), g.band());
            Color colour = Color.web(marker.colour());
            gc.setFill(p.routesRequests() ? colour : colour.deriveColor(0, 1, 1, 0.3));
            gc.fillOval(at.getX() - size / 2, at.getY() - size / 2, size, size);
            if (size >= 6) {
                gc.setStroke(paint.paper());
                gc.setLineWidth(Math.max(1.2, size / 8));
                gc.strokeOval(at.getX() - size / 2, at.getY() - size / 2, size, size);
            }
            if (p.down().contains(marker.serverName())) {
                cross(paint, at, size);
            } else if (size >= 6 && p.faults().containsKey(marker.serverName())) {
                FaultMark mark = p.faults().get(marker.serverName());
                double reach = Math.max(size, 10 * paint.scale()) * (mark == FaultMark.FROZEN ? 0.8 : 0.7);
                FaultGlyphs.draw(gc, mark, at.getX(), at.getY(), reach, Math.max(1.8, 2 * paint.scale()),
                        paint.ink(), paint.paper());
            }
        }
        // a server declared dead and held off the ring: a hollow grey ring where each node was, crossed out
        for (RingPicture.Marker marker : p.fallen()) {
            Point2D at = g.at(marker.slot(), g.band());
            gc.setStroke(RingPaint.GHOST);
            gc.setLineWidth(Math.max(1.5, 2 * paint.scale()));
            gc.strokeOval(at.getX() - size / 2, at.getY() - size / 2, size, size);
            cross(paint, at, size);
        }
    }

    /** The markers' diameter: 14 px at scale 1, less when they crowd, never under 4 px. */
    static double size(RingGeometry g, RingPicture p) {
        double room = 2 * Math.PI * g.band() / Math.max(1, p.markers().size());
        return Math.max(4, Math.min(14 * g.scale(), room * 0.9));
    }

    /** The mark of a server that is down: an ink cross over its marker, never a server's hue. */
    private static void cross(RingPaint paint, Point2D at, double size) {
        GraphicsContext gc = paint.gc();
        double x = Math.max(size, 10 * paint.scale()) * 0.75;
        gc.setStroke(paint.ink());
        gc.setLineWidth(Math.max(2.5, 3 * paint.scale()));
        gc.strokeLine(at.getX() - x, at.getY() - x, at.getX() + x, at.getY() + x);
        gc.strokeLine(at.getX() - x, at.getY() + x, at.getX() + x, at.getY() - x);
    }
}
