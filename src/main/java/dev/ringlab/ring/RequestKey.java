package dev.ringlab.ring;

import com.dynatrace.hash4j.hashing.Hashing;

/**
 * Request keys are longs on the ring. A numeric key from a client is taken as it is (so
 * {@code ?key=42} is request id 42, as in the assignment); any other text is digested to a stable
 * 64-bit number first.
 */
public final class RequestKey {

    private RequestKey() {
    }

    public static long of(String text) {
        String trimmed = text.trim();
        if (!trimmed.isEmpty() && trimmed.length() <= 19) {
            try {
                return Long.parseLong(trimmed);
            } catch (NumberFormatException notNumeric) {
                // fall through to the digest
            }
        }
        return Hashing.xxh3_64().hashCharsToLong(text);
    }
}
