package dev.ringlab.ring.algorithm;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * Spreads request keys over all 64 bits before an algorithm uses them: client keys are often
 * small sequential numbers ({@code ?key=42}), and jump, Maglev and rendezvous all assume uniformly
 * random input. XXH3 from hash4j, without allocation.
 */
final class KeyMix {

    private static final Hasher64 XXH3 = Hashing.xxh3_64();

    private KeyMix() {
    }

    static long of(long key) {
        return XXH3.hashLongToLong(key);
    }

    /** A per-server 64-bit seed from its name, with a salt so two uses of one name stay independent. */
    static long ofName(String name, long salt) {
        return Hashing.xxh3_64(salt).hashCharsToLong(name);
    }

    static long of(long key, long seed) {
        return XXH3.hashLongLongToLong(key, seed);
    }
}
