package dev.ringlab.ring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a membership change did to the key space: the slots that changed owner, and how that
 * compares with the ideal of consistent hashing (1/N of the keys move when the ring goes to N
 * servers by one addition, or from N by one removal).
 */
public record KeyMigration(int slots, List<SlotMove> moves, int serversBefore, int serversAfter) {

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

    /** 1/N for the larger of the two rings: the share an ideal consistent hash moves for one server. */
    public double idealShare() {
        int larger = Math.max(serversBefore, serversAfter);
        return larger == 0 ? 0 : 1.0 / larger;
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
