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

    /** From the kill to the cluster declaring the server dead, or null. */
    public Double detectionMillis() {
        return killedAtMillis == null || detectedAtMillis == null ? null : detectedAtMillis - killedAtMillis;
    }

    /** From the kill to the replacement answering on the ring, or null. */
    public Double recoveryMillis() {
        return killedAtMillis == null || replacedAtMillis == null ? null : replacedAtMillis - killedAtMillis;
    }
}
