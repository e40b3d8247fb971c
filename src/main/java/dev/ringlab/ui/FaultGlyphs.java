package dev.ringlab.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/**
 * The shapes that mark a faulted server's virtual nodes, in ink over a halo of the background so they
 * read on any server's colour: a six-spoked snowflake for frozen, a clock face for slow. The same
 * shapes go in the legend's key.
 */
final class FaultGlyphs {

    private FaultGlyphs() {
    }

    /** Draws {@code mark} centred on ({@code x}, {@code y}), {@code reach} from the centre to its tips. */
    static void draw(GraphicsContext gc, FaultMark mark, double x, double y, double reach, double line, Color ink,
                     Color paper) {
        gc.setLineDashes();
        gc.setLineCap(StrokeLineCap.ROUND);
        // twice: a wide stroke of the background, then the ink inside it
        for (int pass = 0; pass < 2; pass++) {
            gc.setStroke(pass == 0 ? paper : ink);
            gc.setLineWidth(pass == 0 ? line * 2.6 : line);
            if (mark == FaultMark.FROZEN) {
                snowflake(gc, x, y, reach);
            } else {
                clock(gc, x, y, reach);
            }
        }
        gc.setLineCap(StrokeLineCap.BUTT);
    }

    /** Three strokes through the centre, each tip with a small V: frost, not a cross. */
    private static void snowflake(GraphicsContext gc, double x, double y, double reach) {
        for (int spoke = 0; spoke < 6; spoke++) {
            double angle = Math.PI / 3 * spoke + Math.PI / 2;
            double dx = Math.cos(angle);
            double dy = Math.sin(angle);
            gc.strokeLine(x, y, x + reach * dx, y + reach * dy);
            double bx = x + 0.6 * reach * dx;
            double by = y + 0.6 * reach * dy;
            for (int side = -1; side <= 1; side += 2) {
                double branch = angle + side * Math.PI / 4;
                gc.strokeLine(bx, by, bx + 0.35 * reach * Math.cos(branch), by + 0.35 * reach * Math.sin(branch));
            }
        }
    }

    /** A dial round the marker (its colour still shows inside) with the hands at three o'clock. */
    private static void clock(GraphicsContext gc, double x, double y, double reach) {
        gc.strokeOval(x - reach, y - reach, 2 * reach, 2 * reach);
        gc.strokeLine(x, y, x, y - 0.75 * reach);
        gc.strokeLine(x, y, x + 0.55 * reach, y);
    }

    /** A small picture of {@code mark} on a grey disc, for the legend's key. */
    static Canvas key(FaultMark mark, double side, Color ink, Color paper) {
        Canvas canvas = new Canvas(side, side);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double c = side / 2;
        gc.setFill(RingPaint.GHOST);
        gc.fillOval(c - side * 0.22, c - side * 0.22, side * 0.44, side * 0.44);
        draw(gc, mark, c, c, side * 0.42, Math.max(1.2, side / 12), ink, paper);
        return canvas;
    }
}
