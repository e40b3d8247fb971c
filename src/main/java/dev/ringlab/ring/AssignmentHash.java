package dev.ringlab.ring;

/**
 * The course's quadratic pair: requests at {@code H(i) = i + 2i^2 + 17} and virtual node j of
 * server i at {@code Phi(i, j) = i + j + 2j^2 + 25}, both mod the slot count.
 *
 * <p>Kept faithful on purpose: with servers 1..3 the virtual nodes sit side by side and one server
 * owns most of the ring, which is the original project's finding that A-4 then fixes.
 */
final class AssignmentHash implements RingHash {

    @Override
    public String name() {
        return "assignment";
    }

    @Override
    public java.util.List<String> aliases() {
        return java.util.List.of("assignment-v1");
    }

    @Override
    public int requestSlot(long key, int slots) {
        // Reduce first: the polynomial is taken mod `slots`, so working on i mod slots is exact
        // and keeps 2i^2 far from overflow for any long key.
        long i = Math.floorMod(key, (long) slots);
        return (int) ((i + 2 * i * i + 17) % slots);
    }

    @Override
    public int virtualNodeSlot(Server server, int replica, int slots) {
        long i = Math.floorMod((long) server.id(), (long) slots);
        long j = Math.floorMod((long) replica, (long) slots);
        return (int) ((i + j + 2 * j * j + 25) % slots);
    }

    @Override
    public String toString() {
        return name();
    }
}
