package dev.ringlab.ring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a membership change did to the key space: the slots that changed owner, and how that
 * compares with the ideal of consistent hashing: only the keys of the servers that left move, and
 * enough for the servers that joined to take their share (1/N when the ring goes to N servers by one
 * addition, or from N by one removal). Servers count by weight: one of weight 3 is owed three plain
 * servers' share.
 *
 * @param weightBefore the total weight of the servers before (their count when every weight is 1)
 * @param weightAfter  the same after
 * @param joinedWeight the total weight of the servers that joined
 * @param leftWeight   the total weight of the servers that left
 */
public record KeyMigration(int slots, List<SlotMove> moves, int serversBefore, int serversAfter,
                           int weightBefore, int weightAfter, int joinedWeight, int leftWeight) {

    public KeyMigration {
        moves = List.copyOf(moves);
    }

    public int movedSlots() {
        return moves.size();
    }

    /** The share of the key space (by slot) that moved, in [0, 1]. */
    public double movedShare() {
        return (double) moves.size() / slots;
    }

    /** The least share of the keys any placement must move for this change: see {@link #idealShare(int, int, int, int)}. */
    public double idealShare() {
        return idealShare(weightBefore, weightAfter, joinedWeight, leftWeight);
    }

    /**
     * The least a placement must move when servers of total weight {@code left} leave and {@code joined}
     * join: the leavers' keys (left / before), and enough for the newcomers to take their even share
     * (joined / after), whichever is more, since one key can do both. The first servers move nothing
     * (keys get their first owner); emptying the ring moves every key.
     */
    public static double idealShare(int before, int after, int joined, int left) {
        if (before == 0) {
            return 0;
        }
        if (after == 0) {
            return 1;
        }
        return Math.max((double) left / before, (double) joined / after);
    }

    /** Slots gained per receiving server. */
    public Map<Server, Integer> gainedBy() {
        Map<Server, Integer> gained = new LinkedHashMap<>();
        for (SlotMove move : moves) {
            if (move.to() != null) {
                gained.merge(move.to(), 1, Integer::sum);
            }
        }
        return gained;
    }

    /** Slots lost per giving server. */
    public Map<Server, Integer> lostBy() {
        Map<Server, Integer> lost = new LinkedHashMap<>();
        for (SlotMove move : moves) {
            if (move.from() != null) {
                lost.merge(move.from(), 1, Integer::sum);
            }
        }
        return lost;
    }
}
