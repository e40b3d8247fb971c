package dev.ringlab.ui;

import dev.ringlab.palette.ServerColours;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The keys a change moved, as dots flying along the ring from the virtual node of their old owner to
 * the one of their new owner, so a class sees the newcomer take keys from its clockwise neighbour, or a
 * leaver's keys slide on to the next node. The keys are the change report's own sample (the ones its
 * "x % of keys moved" counts); when more moved than a person can follow, an even selection of them flies
 * and the caption says how many stand for how many.
 *
 * <p>Timed on the playback's view clock: paused, the dots stand still; at 0.25x they crawl. A plan is a
 * value (tests read it); {@link #draw} paints it on the ring's overlay.
 */
final class MigrationFlight {

    /** More dots than this are a blur, not keys a person can follow. */
    static final int MAX_DOTS = 40;
    /** One dot's trip, in view time. */
    static final long TRIP_NANOS = 1_500_000_000L;
    /** The starts are spread over this much, so the dots leave one after another. */
    static final long SPREAD_NANOS = 900_000_000L;

    /**
     * One moved key: from and to are positions on the ring as a fraction of the turn (0 at the top,
     * clockwise), {@code turn} the signed way it travels (the shorter way round, in turns).
     */
    record Dot(long key, Server from, Server to, double start, double turn, String fromColour, String toColour) {
    }

    /** What flies: the dots, and how many sample keys moved in all. */
    record Plan(List<Dot> dots, int moved) {

        Plan {
            dots = List.copyOf(dots);
        }

        /** "40 of 2,513 moved keys flying", or "12 moved keys flying to their new server". */
        String caption() {
            if (dots.isEmpty()) {
                return "";
            }
            return dots.size() == moved ? String.format(Locale.ROOT, "%d moved %s flying to %s new server", moved,
                    moved == 1 ? "key" : "keys", moved == 1 ? "its" : "their")
                    : String.format(Locale.ROOT, "%d of %,d moved keys flying", dots.size(), moved);
        }
    }

    private static final Color GHOST = Color.web("#767676");

    /** Written on the FX thread; volatile so a test's thread reads the plan the window made. */
    private volatile Plan plan = new Plan(List.of(), 0);
    /** View time the flight began, or -1 until the first frame after {@link #start} sets it. */
    private long startedAt = -1;

    /** The keys that {@code change} moved, at most {@link #MAX_DOTS}, evenly chosen among them. */
    static Plan plan(ChangeReport change) {
        RingSnapshot before = change.before();
        RingSnapshot after = change.after();
        if (before.isEmpty() || after.isEmpty()) {
            return new Plan(List.of(), 0);
        }
        List<Long> moved = new ArrayList<>();
        for (int i = 0; i < ChangeReport.SAMPLE_KEYS; i++) {
            long key = ChangeReport.sampleKey(i);
            if (!before.route(key).equals(after.route(key))) {
                moved.add(key);
            }
        }
        List<Dot> dots = new ArrayList<>();
        int shown = Math.min(MAX_DOTS, moved.size());
        for (int i = 0; i < shown; i++) {
            long key = moved.get((int) ((long) i * moved.size() / shown));
            dots.add(dot(key, before, after));
        }
        return new Plan(dots, moved.size());
    }

    private static Dot dot(long key, RingSnapshot before, RingSnapshot after) {
        int beforeSlots = before.config().slots();
        int afterSlots = after.config().slots();
        var oldNode = before.owningVirtualNode(before.slotOf(key));
        var newNode = after.owningVirtualNode(after.slotOf(key));
        double from = (double) oldNode.slot() / beforeSlots;
        double to = (double) newNode.slot() / afterSlots;
        double turn = to - from;
        turn -= Math.rint(turn); // the shorter way round: a newcomer takes keys from just clockwise of it
        // a server that left has given its colour back: its keys leave in the grey of a ghost
        String fromColour = after.contains(oldNode.server()) ? ServerColours.of(oldNode.server()) : null;
        return new Dot(key, oldNode.server(), newNode.server(), from, turn, fromColour,
                ServerColours.of(newNode.server()));
    }

    void start(Plan next) {
        plan = next;
        startedAt = -1;
    }

    Plan plan() {
        return plan;
    }

    void stop() {
        plan = new Plan(List.of(), 0);
    }

    /** Whether dots are still under way at view time {@code now} (or waiting for their first frame). */
    boolean active(long now) {
        return !plan.dots().isEmpty() && (startedAt < 0 || now - startedAt <= SPREAD_NANOS + TRIP_NANOS);
    }

    /** Paints the dots where they are at view time {@code now}: on the band, over the markers. */
    void draw(GraphicsContext gc, RingGeometry g, long now, Color ink) {
        if (plan.dots().isEmpty()) {
            return;
        }
        if (startedAt < 0) {
            startedAt = now;
        }
        long age = now - startedAt;
        if (age > SPREAD_NANOS + TRIP_NANOS) {
            return;
        }
        double s = g.scale();
        double d = Math.max(9, 13 * s);
        List<Dot> dots = plan.dots();
        for (int i = 0; i < dots.size(); i++) {
            Dot dot = dots.get(i);
            long delay = dots.size() == 1 ? 0 : SPREAD_NANOS * i / (dots.size() - 1);
            double t = Math.max(0, Math.min(1, (double) (age - delay) / TRIP_NANOS));
            double eased = t * t * (3 - 2 * t); // leave and land gently, so the eye can follow
            double turns = dot.start() + eased * dot.turn();
            Point2D at = g.at(turns * g.slots(), g.band());
            Color from = dot.fromColour() == null ? GHOST : Color.web(dot.fromColour());
            Color colour = from.interpolate(Color.web(dot.toColour()), eased);
            gc.setFill(colour);
            gc.fillOval(at.getX() - d / 2, at.getY() - d / 2, d, d);
            gc.setStroke(ink);
            gc.setLineWidth(Math.max(1.5, 2 * s));
            gc.strokeOval(at.getX() - d / 2, at.getY() - d / 2, d, d);
        }
        // the caption fits inside the band as the centre's words do: on a small ring it shrinks
        double fit = Math.min(s, (g.band() - g.bandWidth() / 2 - 16 * s) / 150);
        gc.setFont(Font.font("System", FontWeight.BOLD, 14 * fit));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(ink);
        gc.fillText(plan.caption(), g.cx(), g.cy() + 55 * fit);
    }
}
