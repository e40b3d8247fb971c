package dev.ringlab.ring;

import java.util.List;
import java.util.Locale;

/**
 * Where requests and virtual nodes land on the ring. Implementations are pure functions of their
 * arguments and allocate nothing, because {@link #requestSlot} sits on the balancer's hot path.
 */
public interface RingHash {

    /** The name used on the command line and in the window. */
    String name();

    /** The home slot of a request key, in {@code [0, slots)}. */
    int requestSlot(long key, int slots);

    /** The home slot of virtual node {@code replica} of {@code server}, before any probing. */
    int virtualNodeSlot(Server server, int replica, int slots);

    RingHash ASSIGNMENT = new AssignmentHash();
    RingHash MURMUR3 = new Murmur3Hash();

    static List<RingHash> builtIn() {
        return List.of(ASSIGNMENT, MURMUR3);
    }

    /** Finds a built-in hash by name, case-insensitively, or says which names exist. */
    static RingHash byName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (RingHash hash : builtIn()) {
            if (hash.name().equals(wanted)) {
                return hash;
            }
        }
        throw new IllegalArgumentException("unknown hash function '" + name + "' (known: "
                + String.join(", ", builtIn().stream().map(RingHash::name).toList()) + ")");
    }
}
