package dev.ringlab.ui;

import java.util.List;
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
        // live and fallen nodes share the lanes, so a held dead server's crosses sit beside the nodes
        // that took its slots instead of over them
        List<RingPicture.Marker> all = new java.util.ArrayList<>(p.markers());
        all.addAll(p.fallen());
        double[] radii = radii(all, g, size);
        for (int i = 0; i < p.markers().size(); i++) {
            RingPicture.Marker marker = p.markers().get(i);
            Point2D at = g.at(marker.slot(), radii[i]);
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
        for (int i = 0; i < p.fallen().size(); i++) {
            RingPicture.Marker marker = p.fallen().get(i);
            Point2D at = g.at(marker.slot(), radii[p.markers().size() + i]);
            gc.setStroke(RingPaint.GHOST);
            gc.setLineWidth(Math.max(1.5, 2 * paint.scale()));
            gc.strokeOval(at.getX() - size / 2, at.getY() - size / 2, size, size);
            cross(paint, at, size);
        }
    }

    /**
     * Where each marker sits across the band: on its centre line, unless it would hide another server's
     * marker there (nodes on neighbouring slots: the assignment hash puts each j's nodes side by side),
     * then one or two marker widths inward, so every server's colour shows. Nodes of one server may
     * overlap: they read as one colour anyway.
     */
    static double[] radii(List<RingPicture.Marker> markers, RingGeometry g, double size) {
        double[] radii = new double[markers.size()];
        Integer[] bySlot = new Integer[markers.size()];
        for (int i = 0; i < bySlot.length; i++) {
            bySlot[i] = i;
        }
        java.util.Arrays.sort(bySlot, java.util.Comparator.comparingInt(i -> markers.get(i).slot()));
        RingPicture.Marker[] lastInLane = new RingPicture.Marker[LANES];
        double spacing = 2 * Math.PI * g.band() / g.slots(); // px between neighbouring slots on the band
        for (int i : bySlot) {
            RingPicture.Marker marker = markers.get(i);
            int lane = 0;
            while (lane < LANES - 1 && hides(lastInLane[lane], marker, spacing, size)) {
                lane++;
            }
            lastInLane[lane] = marker;
            radii[i] = g.band() - lane * size * 0.95;
        }
        return radii;
    }

    /** As many as a crowd of neighbours needs, up to six servers side by side (the assignment hash with six servers). */
    private static final int LANES = 6;

    private static boolean hides(RingPicture.Marker before, RingPicture.Marker marker, double spacing, double size) {
        return before != null && !before.serverName().equals(marker.serverName())
                && (marker.slot() - before.slot()) * spacing < size * 0.75;
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
