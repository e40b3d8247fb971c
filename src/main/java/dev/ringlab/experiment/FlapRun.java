package dev.ringlab.experiment;

import java.util.List;

/**
 * One flapping run at one fall/rise: how often the server went down, what the ring did about it (ring
 * changes, servers declared dead, replacements, keys of the stream moved to another server), what the
 * clients saw, and when.
 *
 * @param moves      each ring change: when, and the keys it moved (cumulative in order)
 * @param downs      each time the flapping server was frozen: from, to (ms since the first request)
 */
public record FlapRun(String label, int fall, int rise, int flaps, int ringChanges, long keysMoved, int deaths,
                      int replacements, int sent, int failed, int retried, double p99Ms,
                      List<KeyMoveAt> moves, List<double[]> downs, List<TimelineEvent> events,
                      List<LatencyBucket> buckets) {

    /** A ring change {@code atMillis} into the run that moved {@code keys} of the stream's distinct keys. */
    public record KeyMoveAt(double atMillis, long keys) {
    }

    public FlapRun {
        moves = List.copyOf(moves);
        downs = List.copyOf(downs);
        events = List.copyOf(events);
        buckets = List.copyOf(buckets);
    }
}
