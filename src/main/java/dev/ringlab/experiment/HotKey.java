package dev.ringlab.experiment;

/**
 * One of the keys that carry most of a skewed workload's traffic.
 *
 * @param key   the request id, as the balancer sees it ({@code /home?key=...})
 * @param rank  1 for the hottest
 * @param share the share of all requests that carry this key, 0..1
 */
public record HotKey(long key, int rank, double share) {

    public HotKey {
        if (rank < 1 || !(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a hot key has rank >= 1 and a share within 0..1, got rank " + rank
                    + ", share " + share);
        }
    }
}
