package dev.ringlab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Sent, ok, failed and retried requests per time bucket, as one sending thread saw them. */
final class BucketTally implements RequestStream.Sink {

    private final long bucketNanos;
    private int[] sent = new int[64];
    private int[] ok = new int[64];
    private int[] failed = new int[64];
    private int[] retried = new int[64];
    private int used;

    BucketTally(long bucketNanos) {
        this.bucketNanos = bucketNanos;
    }

    @Override
    public void accept(Delivery delivery, long sentNanos) {
        int bucket = (int) (Math.max(0, sentNanos) / bucketNanos);
        if (bucket >= sent.length) {
            int size = Math.max(bucket + 1, sent.length * 2);
            sent = Arrays.copyOf(sent, size);
            ok = Arrays.copyOf(ok, size);
            failed = Arrays.copyOf(failed, size);
            retried = Arrays.copyOf(retried, size);
        }
        used = Math.max(used, bucket + 1);
        sent[bucket]++;
        if (delivery.ok()) {
            ok[bucket]++;
        } else {
            failed[bucket]++;
        }
        if (delivery.retried()) {
            retried[bucket]++;
        }
    }

    static List<TimeBucket> merge(List<BucketTally> tallies, long bucketMillis) {
        int buckets = tallies.stream().mapToInt(tally -> tally.used).max().orElse(0);
        List<TimeBucket> merged = new ArrayList<>(buckets);
        for (int b = 0; b < buckets; b++) {
            int sent = 0;
            int ok = 0;
            int failed = 0;
            int retried = 0;
            for (BucketTally tally : tallies) {
                if (b < tally.used) {
                    sent += tally.sent[b];
                    ok += tally.ok[b];
                    failed += tally.failed[b];
                    retried += tally.retried[b];
                }
            }
            merged.add(new TimeBucket(b * bucketMillis, (b + 1) * bucketMillis, sent, ok, failed, retried));
        }
        return List.copyOf(merged);
    }
}
