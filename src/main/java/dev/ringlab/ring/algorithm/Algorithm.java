package dev.ringlab.ring.algorithm;

import dev.ringlab.ring.Server;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The placement algorithms RingLab knows, by the names the command line and the window use. */
public enum Algorithm {
    RING, JUMP, RENDEZVOUS, MAGLEV, BOUNDED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An empty placement of this algorithm. */
    public Placement empty(PlacementSettings settings) {
        return switch (this) {
            case RING -> RingPlacement.empty(settings.ring());
            case JUMP -> JumpPlacement.empty();
            case RENDEZVOUS -> RendezvousPlacement.empty();
            case MAGLEV -> MaglevPlacement.empty(settings.maglevTableSize());
            case BOUNDED -> BoundedLoadPlacement.empty(settings.ring(), settings.loadFactor());
        };
    }

    /** A placement of this algorithm holding {@code servers}, added in order. */
    public Placement of(PlacementSettings settings, List<Server> servers) {
        if (this == MAGLEV) {
            // One table build instead of one per server.
            return MaglevPlacement.of(settings.maglevTableSize(), servers);
        }
        Placement placement = empty(settings);
        for (Server server : servers) {
            placement = placement.withServer(server);
        }
        return placement;
    }

    public static Algorithm byName(String name) {
        String wanted = name == null ? "" : name.trim();
        for (Algorithm algorithm : values()) {
            if (algorithm.label().equalsIgnoreCase(wanted)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + name + "' (known: "
                + String.join(", ", Arrays.stream(values()).map(Algorithm::label).toList()) + ")");
    }
}
