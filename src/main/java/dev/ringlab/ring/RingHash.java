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

    /** Other names it is found by on the command line (an older or a course's name), none by default. */
    default List<String> aliases() {
        return List.of();
    }

    /** The home slot of a request key, in {@code [0, slots)}. */
    int requestSlot(long key, int slots);

    /** The home slot of virtual node {@code replica} of {@code server}, before any probing. */
    int virtualNodeSlot(Server server, int replica, int slots);

    /** The course's first version: {@code H(i) = i + 2i^2 + 17}, {@code Phi(i, j) = i + j + 2j^2 + 25}. */
    RingHash ASSIGNMENT = new AssignmentHash();
    /** The course's second version: {@code H(i) = i^2 + 2i + 17}, {@code Phi(i, j) = i^2 + j^2 + 2j + 25}. */
    RingHash ASSIGNMENT_V2 = new AssignmentV2Hash();
    RingHash MURMUR3 = new Murmur3Hash();

    static List<RingHash> builtIn() {
        return List.of(ASSIGNMENT, ASSIGNMENT_V2, MURMUR3);
    }

    /** Finds a built-in hash by name, case-insensitively, or says which names exist. */
    static RingHash byName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (RingHash hash : builtIn()) {
            if (hash.name().equals(wanted) || hash.aliases().contains(wanted)) {
                return hash;
            }
        }
        throw new IllegalArgumentException("unknown hash function '" + name + "' (known: "
                + String.join(", ", builtIn().stream().map(RingHash::name).toList()) + ")");
    }
}
