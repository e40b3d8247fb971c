package dev.ringlab.ui;

import dev.ringlab.ring.RequestKey;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.VirtualNode;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.Placement;

/**
 * Where one typed key goes: the slot it hashes to, the clockwise walk to the virtual node that serves
 * it, and the server. Under another algorithm than the ring the server is the placement's answer, and
 * the ring's walk is kept only to say that it is not used.
 *
 * @param node   the serving virtual node on the ring, or null on an empty ring
 * @param walk   slots walked clockwise from {@code slot} to {@code node}
 * @param server where requests with this key go now, or null when no server is up
 */
public record KeyProbe(String text, long key, int slot, VirtualNode node, int walk, Server server,
                       Algorithm algorithm) {

    /** Probes {@code text} (a number is taken as it is, other text is digested, as the balancer does). */
    public static KeyProbe of(String text, RingSnapshot ring, Placement placement) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("type a key (a number or any text) to probe");
        }
        long key = RequestKey.of(text);
        int slot = ring.slotOf(key);
        Algorithm algorithm = placement == null ? Algorithm.RING : placement.algorithm();
        if (ring.isEmpty()) {
            return new KeyProbe(text.trim(), key, slot, null, 0, null, algorithm);
        }
        VirtualNode node = ring.owningVirtualNode(slot);
        int walk = Math.floorMod(node.slot() - slot, ring.config().slots());
        Server server = algorithm == Algorithm.RING || placement.isEmpty() ? node.server() : placement.route(key);
        return new KeyProbe(text.trim(), key, slot, node, walk, server, algorithm);
    }

    /** Whether the ring drawn is what routes this key. */
    public boolean ringRoutes() {
        return algorithm == Algorithm.RING || algorithm == Algorithm.BOUNDED;
    }

    /** Two lines for the panel beside the ring. */
    public String describe() {
        if (node == null) {
            return "Key " + text + " → slot " + slot + ": no server on the ring.";
        }
        String walked = walk == 0 ? "a virtual node sits on that slot" : "walk " + walk + " slots clockwise";
        String ring = "Key " + text + (Long.toString(key).equals(text) ? "" : " (= " + key + ")") + " → slot " + slot
                + ", " + walked + " to " + node.server().name() + " j=" + node.replica() + " at slot " + node.slot() + ".";
        if (algorithm == Algorithm.RING) {
            return ring;
        }
        return ring + "\nRouting is " + algorithm.label() + ": requests with this key go to "
                + (server == null ? "nobody" : server.name()) + (algorithm == Algorithm.BOUNDED
                ? " (the ring's choice unless that server is over its load bound)." : ", not by the ring.");
    }
}
