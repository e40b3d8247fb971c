package dev.ringlab.ui;

import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;

/**
 * The arcs of a faulted server that is still on the ring, patterned in the background's colour over
 * its own: frost (a lattice of crossing strokes) while it is frozen, dashes along the band while it is
 * slow or failing. The server's colour still shows between the strokes, so who owns the arc stays
 * readable, and the pattern, not a hue, says what is wrong with it.
 */
final class FaultArcs implements RingLayer {

    @Override
    public void draw(RingPaint paint, RingPicture p) {
        if (p.faults().isEmpty() || p.markers().isEmpty()) {
            return;
        }
        List<RingPicture.Marker> markers = p.markers();
        for (int i = 0; i < markers.size(); i++) {
            RingPicture.Marker marker = markers.get(i);
            FaultMark mark = markOf(p, marker.serverName());
            if (mark == null) {
                continue;
            }
            int from = OwnershipBand.arcStart(markers, i, p.slots());
            int to = marker.slot() + 1;
            if (mark == FaultMark.FROZEN) {
                frost(paint, p, from, to);
            } else {
                dashes(paint, from, to);
            }
        }
        paint.gc().setLineDashes();
    }

    /** The fault to mark for {@code server}: none for a server that is down, which is crossed out instead. */
    static FaultMark markOf(RingPicture p, String server) {
        Map<String, FaultMark> faults = p.faults();
        return p.down().contains(server) ? null : faults.get(server);
    }

    private static void frost(RingPaint paint, RingPicture p, int from, int to) {
        GraphicsContext gc = paint.gc();
        RingGeometry g = paint.g();
        double s = paint.scale();
        double inner = g.band() - g.bandWidth() / 2;
        double outer = g.band() + g.bandWidth() / 2;
        double slotLength = 2 * Math.PI * g.band() / p.slots();
        // a crossing every ~7 px at a desk, whatever the slot count
        int every = (int) Math.max(1, Math.ceil(7 * s / slotLength));
        gc.setStroke(paint.paper());
        gc.setLineWidth(Math.max(1.2, 1.4 * s));
        gc.setLineDashes();
        for (int slot = from; slot < to; slot += every) {
            int end = Math.min(to, slot + every);
            Point2D a = g.at(slot, inner);
            Point2D b = g.at(end, outer);
            Point2D c = g.at(end, inner);
            Point2D d = g.at(slot, outer);
            gc.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
            gc.strokeLine(c.getX(), c.getY(), d.getX(), d.getY());
        }
    }

    private static void dashes(RingPaint paint, int from, int to) {
        GraphicsContext gc = paint.gc();
        RingGeometry g = paint.g();
        double s = paint.scale();
        gc.setStroke(paint.paper());
        gc.setLineWidth(Math.max(2, g.bandWidth() / 4));
        gc.setLineDashes(9 * s, 6 * s);
        paint.strokeSlotArc(g.band(), from, to);
    }
}
