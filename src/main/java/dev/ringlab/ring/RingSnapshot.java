package dev.ringlab.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One immutable state of the ring: which slot holds which virtual node, and which server owns each
 * slot (the first virtual node clockwise from it, the slot itself included).
 *
 * <p>Membership changes return a new snapshot and leave this one valid, so readers on the hot path
 * hold a reference and never lock. Placement is incremental, as on the original's slot array: an
 * added server's virtual nodes probe around the ones already there, and a removed server's slots
 * are simply freed. That is what makes adding a server move keys only to it, and removing one move
 * only its own keys.
 */
public final class RingSnapshot {

    private final RingConfig config;
    private final long version;
    private final List<Server> servers;
    private final VirtualNode[] nodeAtSlot;
    private final Server[] ownerOfSlot;
    private final int[] nodeSlots;

    private RingSnapshot(RingConfig config, long version, List<Server> servers, VirtualNode[] nodeAtSlot) {
        this.config = config;
        this.version = version;
        this.servers = List.copyOf(servers);
        this.nodeAtSlot = nodeAtSlot;
        this.nodeSlots = occupiedSlots(nodeAtSlot);
        this.ownerOfSlot = owners(nodeAtSlot, nodeSlots);
    }

    public static RingSnapshot empty(RingConfig config) {
        return new RingSnapshot(Objects.requireNonNull(config, "config"), 0, List.of(),
                new VirtualNode[config.slots()]);
    }

    /** A ring with the given servers added one after the other, in order. */
    public static RingSnapshot of(RingConfig config, List<Server> servers) {
        RingSnapshot ring = empty(config);
        for (Server server : servers) {
            ring = ring.withServer(server);
        }
        return ring;
    }

    /**
     * The same servers on a ring of another shape (hash, slots, virtual nodes, probing), as the next
     * version of this one: versions only grow, whatever changed.
     */
    public RingSnapshot reconfigured(RingConfig next) {
        RingSnapshot built = of(next, servers);
        return new RingSnapshot(next, version + 1, built.servers, built.nodeAtSlot);
    }

    /**
     * {@code earlier} again, every virtual node on the slot it had, as the next version of this one. Adding
     * the same servers again would not do: where a node lands depends on the server's id and on the nodes
     * already placed (probing), so a ring that grew and shrank cannot be rebuilt from its server list.
     */
    public RingSnapshot backTo(RingSnapshot earlier) {
        return new RingSnapshot(earlier.config, version + 1, earlier.servers, earlier.nodeAtSlot);
    }

    /** Whether {@code other} places the same servers (id, name, weight) on the same slots of the same shape. */
    public boolean samePlacementAs(RingSnapshot other) {
        return config.equals(other.config) && Arrays.equals(nodeAtSlot, other.nodeAtSlot)
                && servers.stream().map(Server::weight).toList()
                        .equals(other.servers.stream().map(Server::weight).toList())
                && servers.equals(other.servers);
    }

    public RingConfig config() {
        return config;
    }

    /** Grows by one with every change (membership or shape), so observers can tell snapshots apart. */
    public long version() {
        return version;
    }

    /** The servers in the order they joined. */
    public List<Server> servers() {
        return servers;
    }

    public int size() {
        return servers.size();
    }

    public boolean isEmpty() {
        return servers.isEmpty();
    }

    public boolean contains(Server server) {
        return servers.contains(server);
    }

    /** The home slot of a request key. */
    public int slotOf(long key) {
        return config.hash().requestSlot(key, config.slots());
    }

    /** The server that serves a request key: O(1), no allocation. */
    public Server route(long key) {
        return ownerOfSlot(slotOf(key));
    }

    /** The server of the first virtual node clockwise from {@code slot}, the slot itself included. */
    public Server ownerOfSlot(int slot) {
        Server owner = ownerOfSlot[slot];
        if (owner == null) {
            throw new EmptyRingException();
        }
        return owner;
    }

    /** The virtual node that owns {@code slot}: the first one clockwise from it. */
    public VirtualNode owningVirtualNode(int slot) {
        checkSlot(slot);
        if (nodeSlots.length == 0) {
            throw new EmptyRingException();
        }
        return nodeAtSlot[nodeSlots[firstNodeIndexAtOrAfter(slot)]];
    }

    /** The virtual node placed exactly at {@code slot}, or null. */
    public VirtualNode virtualNodeAt(int slot) {
        checkSlot(slot);
        return nodeAtSlot[slot];
    }

    /** Every virtual node, by slot. */
    public List<VirtualNode> virtualNodes() {
        List<VirtualNode> nodes = new ArrayList<>(nodeSlots.length);
        for (int slot : nodeSlots) {
            nodes.add(nodeAtSlot[slot]);
        }
        return Collections.unmodifiableList(nodes);
    }

    public List<VirtualNode> virtualNodesOf(Server server) {
        return virtualNodes().stream().filter(node -> node.server().equals(server)).toList();
    }

    /** How many slots a virtual node owns: those after the previous virtual node, up to its own. */
    public int arcLength(VirtualNode node) {
        if (nodeAtSlot[node.slot()] != node) {
            throw new IllegalArgumentException(node + " is not on this ring");
        }
        if (nodeSlots.length == 1) {
            return config.slots();
        }
        int index = Arrays.binarySearch(nodeSlots, node.slot());
        int previous = nodeSlots[Math.floorMod(index - 1, nodeSlots.length)];
        return Math.floorMod(node.slot() - previous, config.slots());
    }

    /** The share of slots a server owns, in [0, 1]. */
    public double shareOf(Server server) {
        int owned = 0;
        for (Server owner : ownerOfSlot) {
            if (server.equals(owner)) {
                owned++;
            }
        }
        return (double) owned / config.slots();
    }

    /**
     * The distinct servers met walking clockwise from {@code slot}: the owner first, then the
     * fallbacks a balancer tries when the owner does not answer.
     */
    public List<Server> serversClockwiseFrom(int slot) {
        checkSlot(slot);
        Set<Server> order = new LinkedHashSet<>();
        if (nodeSlots.length > 0) {
            int start = firstNodeIndexAtOrAfter(slot);
            for (int k = 0; k < nodeSlots.length && order.size() < servers.size(); k++) {
                order.add(nodeAtSlot[nodeSlots[(start + k) % nodeSlots.length]].server());
            }
        }
        return List.copyOf(order);
    }

    /** A new snapshot with {@code server} added; its virtual nodes probe past taken slots. */
    public RingSnapshot withServer(Server server) {
        Objects.requireNonNull(server, "server");
        for (Server existing : servers) {
            if (existing.id() == server.id() || existing.name().equals(server.name())) {
                throw new IllegalArgumentException("server " + server.name() + " (id " + server.id()
                        + ") clashes with " + existing.name() + " (id " + existing.id() + ") already on the ring");
            }
        }
        int free = config.slots() - nodeSlots.length;
        int needed = virtualNodesFor(config, server);
        if (free < needed) {
            throw new IllegalArgumentException("the ring is full: " + server.name() + " (weight "
                    + server.weight() + ") needs " + needed + " slots (" + config.virtualNodesPerServer()
                    + " virtual nodes per unit of weight), " + free + " of " + config.slots() + " are free");
        }
        VirtualNode[] next = nodeAtSlot.clone();
        // Replicas 0..V-1 are where a weight-1 server puts them, so weight 1 is the ring of old and a
        // heavier server keeps its first V nodes where they were.
        for (int replica = 0; replica < needed; replica++) {
            int home = config.hash().virtualNodeSlot(server, replica, config.slots());
            int slot = freeSlotFrom(next, home);
            next[slot] = new VirtualNode(server, replica, slot, home);
        }
        List<Server> grown = new ArrayList<>(servers);
        grown.add(server);
        return new RingSnapshot(config, version + 1, grown, next);
    }

    /** How many virtual nodes {@code server} places on a ring of {@code config}: V per unit of weight. */
    public static int virtualNodesFor(RingConfig config, Server server) {
        long nodes = (long) config.virtualNodesPerServer() * server.weight();
        return nodes > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) nodes;
    }

    /** How many slots hold no virtual node: the room left for servers (V slots per unit of weight). */
    public int freeSlots() {
        return config.slots() - nodeSlots.length;
    }

    /** A new snapshot without {@code server}; its slots are freed and nobody else moves. */
    public RingSnapshot withoutServer(Server server) {
        if (!servers.contains(server)) {
            throw new IllegalArgumentException("server " + server.name() + " is not on the ring");
        }
        VirtualNode[] next = nodeAtSlot.clone();
        for (int slot = 0; slot < next.length; slot++) {
            if (next[slot] != null && next[slot].server().equals(server)) {
                next[slot] = null;
            }
        }
        List<Server> shrunk = new ArrayList<>(servers);
        shrunk.remove(server);
        return new RingSnapshot(config, version + 1, shrunk, next);
    }

    /** The slots whose owner differs in {@code next}: the keys that move when going from this ring to it. */
    public KeyMigration migrationTo(RingSnapshot next) {
        if (next.config.slots() != config.slots()) {
            throw new IllegalArgumentException("cannot compare rings of " + config.slots() + " and "
                    + next.config.slots() + " slots");
        }
        List<SlotMove> moves = new ArrayList<>();
        for (int slot = 0; slot < config.slots(); slot++) {
            Server from = ownerOfSlot[slot];
            Server to = next.ownerOfSlot[slot];
            if (!Objects.equals(from, to)) {
                moves.add(new SlotMove(slot, from, to));
            }
        }
        int joined = next.servers.stream().filter(server -> !servers.contains(server)).mapToInt(Server::weight).sum();
        int left = servers.stream().filter(server -> !next.servers.contains(server)).mapToInt(Server::weight).sum();
        return new KeyMigration(config.slots(), moves, servers.size(), next.servers.size(),
                servers.stream().mapToInt(Server::weight).sum(), next.servers.stream().mapToInt(Server::weight).sum(),
                joined, left);
    }

    /** Slot counts per server, in join order. */
    public Map<Server, Integer> slotsPerServer() {
        Map<Server, Integer> counts = new LinkedHashMap<>();
        servers.forEach(server -> counts.put(server, 0));
        for (Server owner : ownerOfSlot) {
            if (owner != null) {
                counts.merge(owner, 1, Integer::sum);
            }
        }
        return counts;
    }

    private int freeSlotFrom(VirtualNode[] slots, int home) {
        int count = slots.length;
        for (int attempt = 0; attempt < count; attempt++) {
            int slot = config.probing().probe(home, attempt, count);
            if (slots[slot] == null) {
                return slot;
            }
        }
        // Quadratic offsets can miss free slots when the count is not a power of two; the caller
        // checked that one is free, so a linear sweep always ends.
        for (int attempt = 0; attempt < count; attempt++) {
            int slot = (home + attempt) % count;
            if (slots[slot] == null) {
                return slot;
            }
        }
        throw new IllegalStateException("no free slot although one was counted");
    }

    private int firstNodeIndexAtOrAfter(int slot) {
        int index = Arrays.binarySearch(nodeSlots, slot);
        if (index >= 0) {
            return index;
        }
        int insertion = -index - 1;
        return insertion == nodeSlots.length ? 0 : insertion;
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= config.slots()) {
            throw new IllegalArgumentException("slot " + slot + " is outside 0.." + (config.slots() - 1));
        }
    }

    private static int[] occupiedSlots(VirtualNode[] nodeAtSlot) {
        return java.util.stream.IntStream.range(0, nodeAtSlot.length)
                .filter(slot -> nodeAtSlot[slot] != null).toArray();
    }

    private static Server[] owners(VirtualNode[] nodeAtSlot, int[] nodeSlots) {
        Server[] owners = new Server[nodeAtSlot.length];
        if (nodeSlots.length == 0) {
            return owners;
        }
        // Walk counter-clockwise from the last virtual node so each slot takes the next node clockwise.
        Server current = nodeAtSlot[nodeSlots[0]].server();
        for (int slot = nodeAtSlot.length - 1; slot >= 0; slot--) {
            if (nodeAtSlot[slot] != null) {
                current = nodeAtSlot[slot].server();
            }
            owners[slot] = current;
        }
        return owners;
    }

    @Override
    public String toString() {
        return "RingSnapshot{v" + version + ", " + config.slots() + " slots, servers=" + servers + "}";
    }
}
