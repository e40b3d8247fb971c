package dev.ringlab.ui;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.SlotMove;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one change of the ring did, in the words of the "What just happened" panel: who joined or left,
 * which server gave how many slots to which, how many keys moved, and the share an ideal placement
 * would move for this kind of change. Computed from the two snapshots alone, so it is right for every
 * kind of change, including several servers at once and a new slot count (which the cluster's own
 * migration cannot compare slot by slot).
 *
 * @param flows       slots handed from one server to another ({@code from} null: the slot had no owner)
 * @param movedKeys   of {@link #SAMPLE_KEYS} fixed keys, how many now go to another server than before
 * @param ideal       the share of keys an ideal placement moves for this change
 */
public record ChangeReport(Kind kind, RingSnapshot before, RingSnapshot after, List<Server> joined,
                           List<Server> left, List<Flow> flows, Set<Integer> movedSlots, int movedKeys,
                           double ideal) {

    /** The same 10,000 six-digit request ids for every report, as A-1 draws them. */
    static final int SAMPLE_KEYS = 10_000;
    private static final long[] KEYS = new Random(20_260_101L).longs(SAMPLE_KEYS, 100_000, 1_000_000).toArray();

    public enum Kind {
        /** The ring got its first servers: keys get their first owner, nothing moves. */
        FIRST("first servers"),
        JOINED("servers joined"),
        LEFT("servers left"),
        /** Some joined and some left in one step, as when a replacement joins. */
        JOINED_AND_LEFT("servers joined and left"),
        /** Same servers, another hash, probing or virtual-node count: a new placement, not a membership change. */
        REHASH("rehash"),
        /** Another slot count: every key hashes to a new slot. */
        RESIZE("resize"),
        EMPTIED("ring emptied"),
        NONE("no change");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code slots} slots went from {@code from} to {@code to}. */
    public record Flow(Server from, Server to, int slots) {
    }

    public ChangeReport {
        joined = List.copyOf(joined);
        left = List.copyOf(left);
        flows = List.copyOf(flows);
        movedSlots = Set.copyOf(movedSlots);
    }

    public static ChangeReport between(RingSnapshot before, RingSnapshot after) {
        List<Server> joined = after.servers().stream().filter(s -> !before.contains(s)).toList();
        List<Server> left = before.servers().stream().filter(s -> !after.contains(s)).toList();
        RingConfig was = before.config();
        RingConfig now = after.config();
        Kind kind;
        if (before.isEmpty() && after.isEmpty()) {
            kind = Kind.NONE;
        } else if (before.isEmpty()) {
            kind = Kind.FIRST;
        } else if (after.isEmpty()) {
            kind = Kind.EMPTIED;
        } else if (was.slots() != now.slots()) {
            kind = Kind.RESIZE;
        } else if (!joined.isEmpty() && !left.isEmpty()) {
            kind = Kind.JOINED_AND_LEFT;
        } else if (!joined.isEmpty()) {
            kind = Kind.JOINED;
        } else if (!left.isEmpty()) {
            kind = Kind.LEFT;
        } else if (!was.equals(now)) {
            kind = Kind.REHASH;
        } else {
            kind = Kind.NONE;
        }
        List<Flow> flows = new ArrayList<>();
        Set<Integer> movedSlots = new TreeSet<>();
        if (was.slots() == now.slots() && !before.isEmpty()) {
            Map<List<Server>, Integer> counted = new LinkedHashMap<>();
            for (SlotMove move : before.migrationTo(after).moves()) {
                movedSlots.add(move.slot());
                counted.merge(java.util.Arrays.asList(move.from(), move.to()), 1, Integer::sum);
            }
            counted.forEach((pair, n) -> flows.add(new Flow(pair.get(0), pair.get(1), n)));
            flows.sort((a, b) -> Integer.compare(b.slots(), a.slots()));
        }
        int movedKeys = 0;
        if (!before.isEmpty() && !after.isEmpty()) {
            for (long key : KEYS) {
                if (!before.route(key).equals(after.route(key))) {
                    movedKeys++;
                }
            }
        }
        return new ChangeReport(kind, before, after, joined, left, flows, movedSlots, movedKeys,
                ideal(kind, weight(before.servers()), weight(after.servers()), weight(joined), weight(left)));
    }

    /**
     * The least a placement must move: the keys of every server that left (r/N), and enough for each
     * server that joined to take its even share (a/M), whichever is more, since one key can do both.
     * A rehash or resize places every key afresh: a key keeps its server with chance 1/N.
     * Servers are counted by weight (a server of weight 3 is owed three plain servers' share); with
     * every weight 1 that is the count of servers.
     */
    static double ideal(Kind kind, int before, int after, int joined, int left) {
        return switch (kind) {
            case JOINED, LEFT, JOINED_AND_LEFT -> dev.ringlab.ring.KeyMigration.idealShare(before, after, joined, left);
            case REHASH, RESIZE -> 1 - 1.0 / after;
            case EMPTIED -> 1;
            case FIRST, NONE -> 0;
        };
    }

    /** The {@code index}-th of the fixed sample keys the moved share is counted on. */
    static long sampleKey(int index) {
        return KEYS[index];
    }

    /** The total weight of {@code servers}: their count when every weight is 1. */
    private static int weight(List<Server> servers) {
        return servers.stream().mapToInt(Server::weight).sum();
    }

    /** Whether any server here weighs more than 1: then the ideal is worded in weights. */
    private boolean weighted() {
        return java.util.stream.Stream.concat(before.servers().stream(), after.servers().stream())
                .anyMatch(server -> server.weight() != Server.DEFAULT_WEIGHT);
    }

    public double movedKeyShare() {
        return (double) movedKeys / SAMPLE_KEYS;
    }

    /** Why the ideal is what it is, as a formula a student can check. */
    public String idealReason() {
        int n = before.size();
        int m = after.size();
        if (weighted() && (kind == Kind.JOINED || kind == Kind.LEFT || kind == Kind.JOINED_AND_LEFT)) {
            int was = weight(before.servers());
            int now = weight(after.servers());
            return switch (kind) {
                case JOINED -> String.format("ideal %d/%d = %s by weight (the newcomers' share of the total weight)",
                        weight(joined), now, percent(ideal));
                case LEFT -> String.format("ideal %d/%d = %s by weight (only the leavers' keys)", weight(left), was,
                        percent(ideal));
                default -> String.format("ideal max(%d/%d, %d/%d) = %s by weight (leavers' keys go to the newcomers)",
                        weight(left), was, weight(joined), now, percent(ideal));
            };
        }
        return switch (kind) {
            case JOINED -> joined.size() == 1 ? String.format("ideal 1/%d = %s (the newcomer's even share)", m, percent(ideal))
                    : String.format("ideal %d/%d = %s (the newcomers' even share)", joined.size(), m, percent(ideal));
            case LEFT -> String.format("ideal %d/%d = %s (only the leavers' keys)", left.size(), n, percent(ideal));
            case JOINED_AND_LEFT -> String.format("ideal max(%d/%d, %d/%d) = %s (leavers' keys go to the newcomers)",
                    left.size(), n, joined.size(), m, percent(ideal));
            case REHASH -> String.format("not a membership change: a fresh placement keeps a key with chance 1/%d, "
                    + "so about %s move", m, percent(ideal));
            case RESIZE -> String.format("a new slot count re-hashes every key: about 1 - 1/%d = %s move", m,
                    percent(ideal));
            case EMPTIED -> "no server left to take the keys";
            case FIRST -> "the first servers: keys get their first owner, nothing moves";
            case NONE -> "nothing changed";
        };
    }

    /** One line for the event log and the panel's heading. */
    public String headline() {
        String servers = before.size() + " → " + after.size() + (after.size() == 1 ? " server" : " servers");
        String who = switch (kind) {
            case JOINED -> names(joined) + (joined.size() == 1 ? " joined" : " joined at once");
            case LEFT -> names(left) + (left.size() == 1 ? " left" : " left at once");
            case JOINED_AND_LEFT -> names(joined) + " joined, " + names(left) + " left";
            case REHASH -> "Rehash: " + describe(before.config(), after.config());
            case RESIZE -> "Resize: " + before.config().slots() + " → " + after.config().slots() + " slots";
            case FIRST -> names(joined) + (joined.size() == 1 ? " is" : " are") + " the first on the ring";
            case EMPTIED -> "The ring is empty";
            case NONE -> "No change";
        };
        return who + " (" + servers + ")";
    }

    /** The moved share against the ideal, one line. */
    public String movedLine() {
        if (kind == Kind.FIRST || kind == Kind.NONE || kind == Kind.EMPTIED) {
            return idealReason() + ".";
        }
        String slots = movedSlots.isEmpty() && kind == Kind.RESIZE ? ""
                : String.format(", %d of %d slots", movedSlots.size(), after.config().slots());
        return String.format("%s of keys moved (%,d of %,d sample keys%s); %s.", percent(movedKeyShare()), movedKeys,
                SAMPLE_KEYS, slots, idealReason());
    }

    /** "Server 1 → S5: 30 slots", largest first. */
    public List<String> flowLines() {
        return flows.stream().filter(f -> f.from() != null && f.to() != null)
                .map(f -> f.from().name() + " → " + f.to().name() + ": " + f.slots() + (f.slots() == 1 ? " slot" : " slots"))
                .toList();
    }

    /** Each server's share of the ring before and after. */
    public List<String> shareLines() {
        Set<Server> all = new java.util.LinkedHashSet<>(before.servers());
        all.addAll(after.servers());
        List<String> lines = new ArrayList<>();
        for (Server server : all) {
            String was = before.contains(server) ? percent(before.shareOf(server)) : "—";
            String now = after.contains(server) ? percent(after.shareOf(server)) : "gone";
            lines.add(server.name() + ": " + was + " → " + now);
        }
        return lines;
    }

    private static String describe(RingConfig was, RingConfig now) {
        List<String> parts = new ArrayList<>();
        if (!was.hash().equals(now.hash())) {
            parts.add(was.hash().name() + " → " + now.hash().name() + " hash");
        }
        if (was.virtualNodesPerServer() != now.virtualNodesPerServer()) {
            parts.add(was.virtualNodesPerServer() + " → " + now.virtualNodesPerServer() + " virtual nodes");
        }
        if (was.probing() != now.probing()) {
            parts.add(was.probing().label() + " → " + now.probing().label() + " probing");
        }
        return String.join(", ", parts);
    }

    private static String names(List<Server> servers) {
        return String.join(", ", servers.stream().map(Server::name).toList());
    }

    static String percent(double share) {
        return String.format("%.1f%%", 100 * share);
    }
}
