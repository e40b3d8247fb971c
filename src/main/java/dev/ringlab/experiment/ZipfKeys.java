package dev.ringlab.experiment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A stream of request ids where a few keys carry most of the traffic: key rank {@code r} of
 * {@code keySpace} is drawn with probability proportional to {@code 1 / r^s} (Zipf), as web caches
 * and CDNs see it. Each rank is a six-digit id like the original analyses' (seeded), so the hot
 * keys land wherever the hash puts them. Same seed, same stream.
 */
public final class ZipfKeys {

    private final double[] cumulative;
    private final long[] ids;

    public ZipfKeys(int keySpace, double exponent, long seed) {
        cumulative = new double[keySpace];
        double sum = 0;
        for (int rank = 1; rank <= keySpace; rank++) {
            sum += Math.pow(rank, -exponent);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < keySpace; i++) {
            cumulative[i] /= sum;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        ids = new long[keySpace];
        for (int i = 0; i < keySpace; i++) {
            ids[i] = random.nextLong(RequestKeys.LOWEST, RequestKeys.BOUND);
        }
    }

    /** The share of all requests that goes to the key of {@code rank} (1 is the hottest). */
    public double share(int rank) {
        return rank == 1 ? cumulative[0] : cumulative[rank - 1] - cumulative[rank - 2];
    }

    /** The id of the key of {@code rank}. */
    public long id(int rank) {
        return ids[rank - 1];
    }

    /** {@code count} requests drawn from the distribution with {@code seed}. */
    public long[] stream(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            keys[i] = ids[Math.min(index < 0 ? -index - 1 : index, ids.length - 1)];
        }
        return keys;
    }
}
