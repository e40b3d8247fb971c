package dev.ringlab.experiment;

import java.util.SplittableRandom;

/** Random request ids as the original analyses sent them (six digits), the same ones for the same seed. */
public final class RequestKeys {

    static final long LOWEST = 100_000;
    static final long BOUND = 1_000_000;

    private RequestKeys() {
    }

    public static long[] random(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = random.nextLong(LOWEST, BOUND);
        }
        return keys;
    }
}
