package dev.ringlab.ring.algorithm;

/**
 * Rough heap sizes on a 64-bit JVM with compressed references (the default below 32 GB): a 12-byte
 * header, 4-byte references, everything rounded up to 8 bytes. Estimates for comparing algorithms,
 * not a measurement of one JVM.
 */
final class Footprint {

    static final int REFERENCE = 4;
    private static final int HEADER = 12;
    private static final int ARRAY_HEADER = 16;

    private Footprint() {
    }

    static long array(long length, int elementBytes) {
        return align(ARRAY_HEADER + length * elementBytes);
    }

    static long object(int fieldBytes) {
        return align(HEADER + fieldBytes);
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
