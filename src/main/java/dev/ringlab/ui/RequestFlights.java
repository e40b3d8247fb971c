package dev.ringlab.ui;

import dev.ringlab.palette.ServerColours;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Requests in flight on the ring's overlay: each flies from the slot its key hashed to, clockwise to
 * the virtual node that serves it, then rings that node in its server's colour and fades; under another
 * algorithm it flies outwards to the placement band instead. On the playback clock, so Pause stops them.
 * At most {@link #MOST} at once: the oldest give way.
 */
final class RequestFlights {

    static final long TRAVEL_NANOS = 700_000_000L;
    static final long FADE_NANOS = 500_000_000L;
    static final int MOST = 240;

    private record Flight(RequestLandings.Landing landing, long bornAt) {
    }

    private final Deque<Flight> flights = new ArrayDeque<>();

    void add(List<RequestLandings.Landing> landings, long now) {
        for (RequestLandings.Landing landing : landings) {
            if (flights.size() >= MOST) {
                flights.removeFirst();
            }
            flights.addLast(new Flight(landing, now));
        }
    }

    int size() {
        return flights.size();
    }

    boolean isEmpty() {
        return flights.isEmpty();
    }

    /** Draws the flights at {@code now} and forgets those that have faded. */
    void draw(RingPaint paint, RingPicture picture, long now) {
        GraphicsContext gc = paint.gc();
        RingGeometry g = paint.g();
        int slots = picture.slots();
        double s = paint.scale();
        Color ink = paint.ink();
        for (Iterator<Flight> it = flights.iterator(); it.hasNext(); ) {
            Flight flight = it.next();
            long age = now - flight.bornAt();
            if (age > TRAVEL_NANOS + FADE_NANOS) {
                it.remove();
                continue;
            }
            RequestLandings.Landing landing = flight.landing();
            Color colour = Color.web(ServerColours.of(landing.server()));
            if (picture.band() != null) {
                PlacementBandLayer.flash(gc, g, landing.requestSlot(), colour, age, ink);
                continue;
            }
            double r = g.band() - g.bandWidth() - 6 * s;
            if (age <= TRAVEL_NANOS) {
                // Travel clockwise from the slot the key hashed to, to the virtual node that serves it.
                double t = Math.max(0, (double) age / TRAVEL_NANOS);
                int distance = Math.floorMod(landing.nodeSlot() - landing.requestSlot(), slots);
                Point2D start = g.at(landing.requestSlot(), r);
                gc.setFill(ink.deriveColor(0, 1, 1, 0.6 * (1 - t)));
                gc.fillOval(start.getX() - 3 * s, start.getY() - 3 * s, 6 * s, 6 * s);
                Point2D at = g.at(landing.requestSlot() + t * distance, r);
                double d = 12 * s;
                gc.setFill(colour);
                gc.fillOval(at.getX() - d / 2, at.getY() - d / 2, d, d);
                gc.setStroke(ink);
                gc.setLineWidth(1.5);
                gc.strokeOval(at.getX() - d / 2, at.getY() - d / 2, d, d);
            } else {
                double t = (double) (age - TRAVEL_NANOS) / FADE_NANOS;
                Point2D at = g.at(landing.nodeSlot(), g.band());
                double halo = (10 + 18 * t) * s;
                gc.setStroke(colour.deriveColor(0, 1, 1, 1 - t));
                gc.setLineWidth(3 * s);
                gc.strokeOval(at.getX() - halo / 2, at.getY() - halo / 2, halo, halo);
            }
        }
    }
}
