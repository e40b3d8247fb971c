package dev.ringlab.ring;

import java.util.Locale;

/** How a virtual node whose home slot is taken looks for a free one. */
public enum Probing {
    /** home, home+1, home+2, ... */
    LINEAR {
        @Override
        int offset(int attempt) {
            return attempt;
        }
    },
    /**
     * home, home+1, home+3, home+6, ...: triangular offsets, which visit every slot when the slot
     * count is a power of two (plain k^2 would not), so the default 512 never gets stuck.
     */
    QUADRATIC {
        @Override
        int offset(int attempt) {
            return (int) (((long) attempt * (attempt + 1) / 2) & Integer.MAX_VALUE);
        }
    };

    abstract int offset(int attempt);

    int probe(int home, int attempt, int slots) {
        return Math.floorMod(home + offset(attempt), slots);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Probing byName(String name) {
        for (Probing probing : values()) {
            if (probing.label().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return probing;
            }
        }
        throw new IllegalArgumentException("unknown probing '" + name + "' (known: linear, quadratic)");
    }
}
