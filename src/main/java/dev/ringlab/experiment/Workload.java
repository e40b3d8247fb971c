package dev.ringlab.experiment;

/**
 * The requests of one run: how many, the seed their random keys come from (same seed, same keys,
 * same figures), and how many threads send them.
 */
public record Workload(int requests, long seed, int concurrency) {

    public static final int DEFAULT_REQUESTS = 10_000;
    /** The keys are held in memory: 8 bytes each. */
    public static final int MAX_REQUESTS = 10_000_000;
    public static final int MAX_CONCURRENCY = 256;

    public Workload {
        if (requests < 1 || requests > MAX_REQUESTS) {
            throw new IllegalArgumentException("requests must be between 1 and " + MAX_REQUESTS + ", got " + requests);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        }
    }

    /** 10,000 requests from one thread. */
    public static Workload of(long seed) {
        return new Workload(DEFAULT_REQUESTS, seed, 1);
    }

    long[] keys() {
        return RequestKeys.random(seed, requests);
    }
}
