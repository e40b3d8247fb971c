package dev.ringlab.ring;

import java.util.List;

/**
 * The course's second published quadratic pair: requests at {@code H(i) = i^2 + 2i + 17} and virtual
 * node j of server i at {@code Phi(i, j) = i^2 + j^2 + 2j + 25}, both mod the slot count.
 *
 * <p>The squares move from the coefficient of the first version ({@code i + 2i^2}) to the plain term
 * ({@code i^2 + 2i}), and server i enters as {@code i^2}, so the three servers' virtual nodes sit a
 * little further apart: with servers 1..3 Server 1 still answers most requests (about 84% against
 * the first version's 96%). Kept faithful, like {@link AssignmentHash}, for the courses that use it.
 */
final class AssignmentV2Hash implements RingHash {

    @Override
    public String name() {
        return "assignment-v2";
    }

    @Override
    public List<String> aliases() {
        return List.of("assignment2", "quadratic-v2");
    }

    @Override
    public int requestSlot(long key, int slots) {
        // Reduced first, as in AssignmentHash: exact mod `slots`, and i^2 cannot overflow.
        long i = Math.floorMod(key, (long) slots);
        return (int) ((i * i + 2 * i + 17) % slots);
    }

    @Override
    public int virtualNodeSlot(Server server, int replica, int slots) {
        long i = Math.floorMod((long) server.id(), (long) slots);
        long j = Math.floorMod((long) replica, (long) slots);
        return (int) ((i * i + j * j + 2 * j + 25) % slots);
    }

    @Override
    public String toString() {
        return name();
    }
}
