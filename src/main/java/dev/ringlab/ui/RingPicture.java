package dev.ringlab.ui;

import dev.ringlab.ring.KeyMigration;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.SlotMove;
import dev.ringlab.ring.VirtualNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the ring canvas draws, as plain values: every virtual node as a marker, the legend, and the
 * slots the last membership change moved. The canvas paints exactly this, and tests read it to check
 * what a person sees without looking at pixels.
 *
 * @param migration the last membership change on a ring of this size, or null
 */
public record RingPicture(RingSnapshot ring, List<Marker> markers, List<LegendEntry> legend,
                          Set<Integer> changedSlots, KeyMigration migration) {

    /** One virtual node as drawn: where, whose, and the arc of slots it owns (those counter-clockwise up to the previous node). */
    public record Marker(int slot, Server server, int virtualNode, int homeSlot, int arcLength, double arcShare,
                         String colour) {
        public String serverName() {
            return server.name();
        }
    }

    /** One line of the legend: a server, its colour, how many virtual nodes and what share of the ring it owns. */
    public record LegendEntry(Server server, String colour, int virtualNodes, double share) {
    }

    /** What the side panel says about a slot. */
    public record SlotDetail(int slot, Marker owner, boolean markerAtSlot, double serverShare) {
    }

    public RingPicture {
        markers = List.copyOf(markers);
        legend = List.copyOf(legend);
        changedSlots = Set.copyOf(changedSlots);
    }

    public static RingPicture of(RingSnapshot ring, KeyMigration lastChange) {
        int slots = ring.config().slots();
        List<Marker> markers = new ArrayList<>();
        for (VirtualNode node : ring.virtualNodes()) {
            int arc = ring.arcLength(node);
            markers.add(new Marker(node.slot(), node.server(), node.replica(), node.homeSlot(), arc,
                    (double) arc / slots, ServerColours.of(node.server())));
        }
        List<LegendEntry> legend = new ArrayList<>();
        ring.slotsPerServer().forEach((server, owned) -> legend.add(new LegendEntry(server, ServerColours.of(server),
                (int) markers.stream().filter(m -> m.server().equals(server)).count(), (double) owned / slots)));
        Set<Integer> changed = new TreeSet<>();
        KeyMigration migration = lastChange != null && lastChange.slots() == slots && lastChange.serversBefore() > 0
                ? lastChange : null;
        if (migration != null) {
            for (SlotMove move : migration.moves()) {
                changed.add(move.slot());
            }
        }
        return new RingPicture(ring, markers, legend, changed, migration);
    }

    public int slots() {
        return ring.config().slots();
    }

    public List<Marker> markersOf(String serverName) {
        return markers.stream().filter(m -> m.server().name().equals(serverName)).toList();
    }

    /** The virtual node owning {@code slot}, or null on an empty ring. */
    public SlotDetail detailOf(int slot) {
        if (markers.isEmpty()) {
            return null;
        }
        int[] nodeSlots = markers.stream().mapToInt(Marker::slot).toArray();
        int index = Arrays.binarySearch(nodeSlots, slot);
        boolean exact = index >= 0;
        if (!exact) {
            index = -index - 1;
            if (index == nodeSlots.length) {
                index = 0;
            }
        }
        Marker owner = markers.get(index);
        return new SlotDetail(slot, owner, exact, ring.shareOf(owner.server()));
    }

    /** One line for the window: how many slots the last change moved against the ideal 1/N. */
    public String migrationText() {
        if (migration == null) {
            return "No membership change yet.";
        }
        return String.format("Last change moved %d of %d slots (%.1f%%); ideal 1/N = %.1f%%.",
                migration.movedSlots(), migration.slots(), 100 * migration.movedShare(),
                100 * migration.idealShare());
    }
}
