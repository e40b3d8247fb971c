package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A paced stream counted live on the final chart's clock: from its own first request, by send time. */
class LiveTallyStreamTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aStreamIsCountedFromItsOwnOriginByWhenEachRequestLeft() {
        LiveTally tally = new LiveTally();
        tally.reset("A-6 passive health off");
        // warm-up and an earlier run: not this stream's
        tally.record(new Delivery(1, 0, "Server 1", 200, 1_000_000, 1));

        tally.startStream(System.nanoTime() - 2 * SECOND);
        // left 2 s - 600 ms = 1.4 s into the stream, answered now after 600 ms (a retry past a frozen server)
        tally.record(new Delivery(2, 0, "Server 2", 200, 600_000_000L, 2));
        tally.record(new Delivery(3, 0, null, 0, 1_900_000_000L, 3));

        List<LatencyBucket> buckets = tally.streamBuckets(250);
        assertThat(tally.sent()).as("the warm-up is left out").isEqualTo(2);
        assertThat(buckets.stream().mapToInt(LatencyBucket::failed).sum()).as("the failed one left at 0.1 s").isOne();
        // in the bucket of when it left (1.4 s, later only by the test's own pace), not of its answer (2 s)
        LatencyBucket retried = buckets.stream().filter(bucket -> bucket.retried() == 1).findFirst().orElseThrow();
        assertThat(retried.startMillis()).isBetween(1_250L, 1_750L);
        assertThat(retried.endMillis() - retried.startMillis()).isEqualTo(250);
        assertThat(retried.p50Ms()).isEqualTo(600.0);
        assertThat(buckets.get(0).startMillis()).as("the clock starts at the stream's first request").isZero();
    }

    @Test
    void withoutAStreamThereAreNoStreamBuckets() {
        LiveTally tally = new LiveTally();
        tally.reset("A-1");
        tally.record(new Delivery(1, 0, "Server 1", 200, 1_000_000, 1));

        assertThat(tally.streamBuckets(250)).isEmpty();
    }
}
