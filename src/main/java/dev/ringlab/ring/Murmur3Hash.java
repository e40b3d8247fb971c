package dev.ringlab.ring;

import com.dynatrace.hash4j.hashing.Hasher32;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * A well-mixed hash for experiment A-4: MurmurHash3 (x86, 32 bit) of the request key, and of the
 * string {@code "<server>-<j>"} for virtual node j.
 */
final class Murmur3Hash implements RingHash {

    private static final Hasher32 MURMUR3 = Hashing.murmur3_32();

    @Override
    public String name() {
        return "murmur3";
    }

    @Override
    public int requestSlot(long key, int slots) {
        return Math.floorMod(MURMUR3.hashLongToInt(key), slots);
    }

    @Override
    public int virtualNodeSlot(Server server, int replica, int slots) {
        return Math.floorMod(MURMUR3.hashCharsToInt(server.name() + "-" + replica), slots);
    }

    @Override
    public String toString() {
        return name();
    }
}
