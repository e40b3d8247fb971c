package dev.ringlab.ui;

import dev.ringlab.palette.ServerColours;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The probed key on the ring canvas: an arrow onto its slot that stays until the next probe, then the
 * clockwise walk to the virtual node that serves it; under another algorithm, the arrow onto the
 * placement band and a disc in the colour of the server that algorithm picked.
 */
final class ProbeArrow {

    private final GraphicsContext gc;
    private final RingGeometry g;
    private final Color ink;
    private final Color paper;

    ProbeArrow(GraphicsContext gc, RingGeometry g, Color ink, Color paper) {
        this.gc = gc;
        this.g = g;
        this.ink = ink;
        this.paper = paper;
    }

    /** The probed key: a pointer from outside onto its slot, then the clockwise walk to its virtual node. */
    void draw(RingPicture p) {
        KeyProbe probe = p.probe();
        if (probe == null) {
            return;
        }
        if (p.band() != null) {
            drawOnBand(probe);
            return;
        }
        double s = g.scale();
        int slots = p.slots();
        pointer(probe.slot(), g.radius() + 2, g.radius() + 32 * s);
        if (probe.node() != null && probe.walk() > 0) {
            // the walk in the same halo of the background under the ink as the pointer
            double r = g.band() - g.bandWidth() / 2 - 10 * s;
            for (int pass = 0; pass < 2; pass++) {
                gc.setStroke(pass == 0 ? paper : ink);
                gc.setLineWidth((pass == 0 ? 8 : 4) * s);
                g.strokeSlotArc(gc, r, probe.slot(), probe.slot() + probe.walk());
            }
        }
        if (probe.node() != null) {
            double r = g.band() - g.bandWidth() / 2 - 10 * s;
            double endSlot = probe.slot() + probe.walk();
            Point2D end = g.at(endSlot, r);
            Point2D before = g.at(endSlot - Math.min(3, Math.max(0.5, probe.walk())), r);
            if (probe.walk() > 0) {
                arrowHead(before, end, 12 * s);
            }
            gc.setStroke(ink);
            gc.setLineWidth(3 * s);
            Point2D node = g.at(probe.node().slot(), g.band());
            double ring = Math.max(18, 20 * s);
            gc.strokeOval(node.getX() - ring / 2, node.getY() - ring / 2, ring, ring);
        }
        label(probe, "key " + shorten(probe.text()));
    }

    /** An arrow from {@code from} out to {@code to} (radii) at {@code slot}: ink on a halo of the background, which keeps it readable over any server's colour. */
    private void pointer(double slot, double to, double from) {
        double s = g.scale();
        Point2D tip = g.at(slot, to);
        Point2D tail = g.at(slot, from);
        gc.setLineDashes();
        gc.setLineCap(StrokeLineCap.ROUND);
        for (int pass = 0; pass < 2; pass++) {
            gc.setStroke(pass == 0 ? paper : ink);
            gc.setLineWidth((pass == 0 ? 8 : 4) * s);
            gc.strokeLine(tail.getX(), tail.getY(), tip.getX(), tip.getY());
        }
        arrowHead(tail, tip, 14 * s);
    }

    /**
     * Under another algorithm the key's slot says nothing of its server: the arrow points at the slot on
     * the placement band, and a disc in the colour of the server the algorithm picked sits in the band.
     */
    private void drawOnBand(KeyProbe probe) {
        double s = g.scale();
        pointer(probe.slot() + 0.5, g.placementOuter() + 2, g.placementOuter() + 30 * s);
        if (probe.server() != null) {
            Point2D at = g.at(probe.slot() + 0.5, g.placementInner() + g.placementWidth() / 2);
            double d = Math.max(16, 22 * s);
            gc.setFill(Color.web(ServerColours.of(probe.server())));
            gc.fillOval(at.getX() - d / 2, at.getY() - d / 2, d, d);
            gc.setStroke(ink);
            gc.setLineWidth(3 * s);
            gc.strokeOval(at.getX() - d / 2, at.getY() - d / 2, d, d);
        }
        label(probe, "key " + shorten(probe.text())
                + (probe.server() == null ? "" : " → " + probe.server().name()));
    }

    /** The key's name inside the ring, next to where it enters: outside there is no room on a full screen. */
    private void label(KeyProbe probe, String text) {
        Point2D label = g.at(probe.slot(), g.band() - g.bandWidth() / 2 - 34 * g.scale());
        gc.setFont(Font.font("System", FontWeight.BOLD, 14 * g.scale()));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(ink);
        gc.fillText(text, label.getX(), label.getY());
        gc.setLineCap(StrokeLineCap.BUTT);
    }

    private void arrowHead(Point2D from, Point2D to, double size) {
        double angle = Math.atan2(to.getY() - from.getY(), to.getX() - from.getX());
        double[] xs = {to.getX(), to.getX() - size * Math.cos(angle - 0.45), to.getX() - size * Math.cos(angle + 0.45)};
        double[] ys = {to.getY(), to.getY() - size * Math.sin(angle - 0.45), to.getY() - size * Math.sin(angle + 0.45)};
        gc.setFill(ink);
        gc.fillPolygon(xs, ys, 3);
    }

    private static String shorten(String text) {
        return text.length() <= 14 ? text : text.substring(0, 13) + "…";
    }
}
