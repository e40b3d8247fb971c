package dev.ringlab.experiment;

import java.time.Duration;
import java.util.List;

/**
 * A-3's figures. Times are milliseconds from the start of the stream; a time is null when that did
 * not happen within the run (for instance no replacement came up before the settle time ran out).
 *
 * @param replacement the server that took the victim's place, or null
 */
public record FailoverResult(FailoverParameters parameters, String testbed, String victim, String replacement,
                             Double killedAtMillis, Double detectedAtMillis, Double replacedAtMillis,
                             List<TimelineEvent> events, List<TimeBucket> buckets, Duration elapsed) {

    public FailoverResult {
        events = List.copyOf(events);
        buckets = List.copyOf(buckets);
    }

    public long sent() {
        return buckets.stream().mapToLong(TimeBucket::sent).sum();
    }

    public long ok() {
        return buckets.stream().mapToLong(TimeBucket::ok).sum();
    }

    public long failed() {
        return buckets.stream().mapToLong(TimeBucket::failed).sum();
    }

    public long retried() {
        return buckets.stream().mapToLong(TimeBucket::retried).sum();
    }

    /**
     * Requests per second actually sent: from the first request to the end of the last bucket that sent
     * any. A client slower than the asked rate shows here, below {@code parameters().rate()}.
     */
    public double reachedRate() {
        long last = buckets.stream().filter(bucket -> bucket.sent() > 0).mapToLong(TimeBucket::endMillis).max()
                .orElse(0);
        return last == 0 ? 0 : sent() * 1000.0 / last;
    }

    /** Whether the stream kept within 5 % of the rate it was asked for. */
    public boolean keptRate() {
        return reachedRate() >= 0.95 * parameters.rate();
    }

    /** From the kill to the cluster declaring the server dead, or null. */
    public Double detectionMillis() {
        return killedAtMillis == null || detectedAtMillis == null ? null : detectedAtMillis - killedAtMillis;
    }

    /** From the kill to the replacement answering on the ring, or null. */
    public Double recoveryMillis() {
        return killedAtMillis == null || replacedAtMillis == null ? null : replacedAtMillis - killedAtMillis;
    }
}
