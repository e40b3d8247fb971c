package dev.ringlab.ring;

/**
 * Virtual node {@code replica} (the j of Phi(i, j)) of a server, placed at {@code slot}; {@code homeSlot}
 * is where the hash put it before probing moved it past taken slots.
 */
public record VirtualNode(Server server, int replica, int slot, int homeSlot) {

    public boolean probed() {
        return slot != homeSlot;
    }
}
