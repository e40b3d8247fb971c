package dev.ringlab.ring;

import java.util.Objects;

/**
 * The shape of a ring: how many slots, how many virtual nodes each server places, with which hash
 * and which probing.
 */
public record RingConfig(int slots, int virtualNodesPerServer, RingHash hash, Probing probing) {

    public static final int DEFAULT_SLOTS = 512;
    public static final int DEFAULT_VIRTUAL_NODES = 9;
    /** Large enough for any lesson, small enough that a snapshot stays a few megabytes. */
    public static final int MAX_SLOTS = 1 << 20;

    public static final RingConfig DEFAULT =
            new RingConfig(DEFAULT_SLOTS, DEFAULT_VIRTUAL_NODES, RingHash.ASSIGNMENT, Probing.LINEAR);

    public RingConfig {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(probing, "probing");
        if (slots < 1 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("slots must be between 1 and " + MAX_SLOTS + ", got " + slots);
        }
        if (virtualNodesPerServer < 1) {
            throw new IllegalArgumentException(
                    "virtual nodes per server must be at least 1, got " + virtualNodesPerServer);
        }
        if (virtualNodesPerServer > slots) {
            throw new IllegalArgumentException("virtual nodes per server (" + virtualNodesPerServer
                    + ") cannot exceed the number of slots (" + slots + ")");
        }
    }

    public RingConfig withHash(RingHash newHash) {
        return new RingConfig(slots, virtualNodesPerServer, newHash, probing);
    }

    /** How many servers fit before every slot holds a virtual node. */
    public int maxServers() {
        return slots / virtualNodesPerServer;
    }
}
