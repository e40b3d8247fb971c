package dev.ringlab.experiment;

/**
 * What happened to the requests sent in {@code [startMillis, endMillis)} from the start of an A-3 stream.
 *
 * @param ok      answered with 2xx
 * @param failed  not answered, or not with 2xx: what a client sees as an error
 * @param retried answered by a server other than their owner (counted in ok or failed too)
 */
public record TimeBucket(long startMillis, long endMillis, int sent, int ok, int failed, int retried) {

    /** Requests per second sent in this bucket. */
    public double rate(int count) {
        return count * 1000.0 / (endMillis - startMillis);
    }
}
