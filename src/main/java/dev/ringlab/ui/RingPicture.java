package dev.ringlab.ui;

import dev.ringlab.palette.ServerColours;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.VirtualNode;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.Placement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the ring canvas draws, as plain values: every virtual node as a marker, the legend, the slots
 * the last change moved (hatched), the arcs of servers that just left (a ghost), the servers that are
 * down but still on the ring (crossed out), the selected server, the probed key and the algorithm that
 * routes. The canvas paints exactly this, and tests read it to check what a person sees without
 * looking at pixels.
 *
 * @param change   the last change shown, or null
 * @param down     names of servers killed or declared dead that this ring still holds
 * @param selected the name of the server selected in the window, or null
 * @param probe    the key probed last, or null
 * @param band     where requests go when another algorithm than the ring routes them, or null
 * @param fallen   the virtual nodes of servers declared dead that are off the ring but not gone from the
 *                 cluster (their replacement held or starting), where they were: drawn crossed out
 * @param faults   the servers on the ring that are frozen or slowed, by name: marked with their fault's shape
 */
public record RingPicture(RingSnapshot ring, List<Marker> markers, List<LegendEntry> legend,
                          Set<Integer> changedSlots, Set<Integer> ghostSlots, ChangeReport change, Set<String> down,
                          String selected, KeyProbe probe, Algorithm algorithm, PlacementBand band,
                          List<Marker> fallen, Map<String, FaultMark> faults) {

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

    /**
     * What the side panel says about a slot.
     *
     * @param placement under another algorithm, where that slot's keys go ({@link PlacementBand#describe}), else null
     */
    public record SlotDetail(int slot, Marker owner, boolean markerAtSlot, double serverShare, String placement) {
    }

    /** A fallen server's colour is no server's: it gave its colour back when it left the ring. */
    static final String GONE = "#767676";

    public RingPicture {
        markers = List.copyOf(markers);
        legend = List.copyOf(legend);
        // in slot order, so the canvas draws the same pixels every run (overlapping dashes depend on order)
        changedSlots = Collections.unmodifiableSortedSet(new TreeSet<>(changedSlots));
        ghostSlots = Collections.unmodifiableSortedSet(new TreeSet<>(ghostSlots));
        down = Set.copyOf(down);
        fallen = List.copyOf(fallen);
        faults = Map.copyOf(faults);
    }

    /** The ring alone, routed by itself, with nothing selected or probed. */
    public static RingPicture of(RingSnapshot ring, ChangeReport lastChange) {
        return of(ring, lastChange, Set.of(), null, null, Algorithm.RING);
    }

    /** The ring beside where {@code placement} sends requests, so the two never disagree. */
    public static RingPicture of(RingSnapshot ring, ChangeReport lastChange, Set<Server> down, String selected,
                                 KeyProbe probe, Placement placement) {
        RingPicture picture = of(ring, lastChange, down, selected, probe,
                placement == null ? Algorithm.RING : placement.algorithm());
        return picture.withBand(PlacementBand.of(ring, placement));
    }

    /** With the band of another algorithm, whose shares the legend then gives: where requests go, not the ring's arcs. */
    RingPicture withBand(PlacementBand next) {
        List<LegendEntry> shares = next == null ? legend : legend.stream().map(entry -> new LegendEntry(entry.server(),
                entry.colour(), entry.virtualNodes(), next.shareOf(entry.server()))).toList();
        return new RingPicture(ring, markers, shares, changedSlots, ghostSlots, change, down, selected, probe,
                algorithm, next, fallen, faults);
    }

    /** With these servers marked as frozen or slow (names of servers not on the ring are left out). */
    RingPicture withFaults(Map<String, FaultMark> marks) {
        Map<String, FaultMark> onRing = new TreeMap<>();
        marks.forEach((name, mark) -> {
            if (mark != null && ring.servers().stream().anyMatch(server -> server.name().equals(name))) {
                onRing.put(name, mark);
            }
        });
        return new RingPicture(ring, markers, legend, changedSlots, ghostSlots, change, down, selected, probe,
                algorithm, band, fallen, onRing);
    }

    public static RingPicture of(RingSnapshot ring, ChangeReport lastChange, Set<Server> down, String selected,
                                 KeyProbe probe, Algorithm algorithm) {
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
        // Only a change that ended in this very ring is drawn on it: never a slot from another ring's shape.
        ChangeReport change = lastChange != null && lastChange.after() == ring ? lastChange : null;
        Set<Integer> changed = change == null ? Set.of() : change.movedSlots();
        Set<Integer> ghosts = new TreeSet<>();
        if (change != null && !change.left().isEmpty()) {
            for (int slot : changed) {
                if (change.left().contains(change.before().ownerOfSlot(slot))) {
                    ghosts.add(slot);
                }
            }
        }
        Set<String> downNames = new TreeSet<>();
        down.forEach(server -> downNames.add(server.name()));
        List<Marker> fallen = fallen(ring, down);
        KeyProbe shownProbe = probe != null && probe.slot() < slots ? probe : null;
        return new RingPicture(ring, markers, legend, changed, ghosts, change, downNames, selected, shownProbe,
                algorithm == null ? Algorithm.RING : algorithm, null, fallen, Map.of());
    }

    /** Where each down server that left the ring had its virtual nodes: the ring with it back, which is the ring it left. */
    private static List<Marker> fallen(RingSnapshot ring, Set<Server> down) {
        List<Marker> fallen = new ArrayList<>();
        for (Server server : down) {
            if (ring.contains(server) || ring.isEmpty()) {
                continue;
            }
            try {
                for (VirtualNode node : ring.withServer(server).virtualNodes()) {
                    if (node.server().equals(server)) {
                        fallen.add(new Marker(node.slot(), server, node.replica(), node.homeSlot(), 0, 0, GONE));
                    }
                }
            } catch (RuntimeException noRoom) {
                // a ring reshaped since (fewer slots) may have no room for it: then it is simply not drawn
            }
        }
        return fallen;
    }

    /** After a server's name in a legend: " (down)", " (frozen)", " (slow)" or nothing. */
    public String stateWord(String server) {
        if (down.contains(server)) {
            return " (down)";
        }
        FaultMark mark = faults.get(server);
        return mark == null ? "" : " (" + mark.word() + ")";
    }

    /** The fault shapes on this ring, for the legend's key, in a fixed order. */
    public List<FaultMark> faultMarksShown() {
        return java.util.Arrays.stream(FaultMark.values())
                .filter(mark -> faults.entrySet().stream().anyMatch(e -> e.getValue() == mark && !down.contains(e.getKey())))
                .toList();
    }

    public int slots() {
        return ring.config().slots();
    }

    public List<Marker> markersOf(String serverName) {
        return markers.stream().filter(m -> m.server().name().equals(serverName)).toList();
    }

    /** Whether requests go where this ring says (the ring itself, or bounded loads, which starts from it). */
    public boolean routesRequests() {
        return algorithm == Algorithm.RING || algorithm == Algorithm.BOUNDED;
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
        return new SlotDetail(slot, owner, exact, ring.shareOf(owner.server()),
                band == null || slot >= band.slots() ? null : band.describe(slot));
    }

    /** One line under the ring: what the last change moved against the ideal for that kind of change. */
    public String migrationText() {
        if (change == null) {
            return "No membership change yet.";
        }
        return change.headline() + ": " + change.movedLine();
    }
}
