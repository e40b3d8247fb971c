package dev.ringlab.cluster;

import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.List;

/**
 * What a cluster lends and must get back exactly ({@link Cluster#restore}): its ring, which holds the
 * servers (ids, names, weights, in join order) and the slot of every virtual node, the id the next
 * generated server would take, so that the server added after a loan is named as it would have been,
 * and the dead servers a hold kept dead, which come back dead and still owed.
 *
 * @param ring   the ring when the loan began
 * @param nextId the id counter then
 * @param held   servers dead then and held unreplaced (a teacher's "hold replacement"), oldest first
 */
public record Lineup(RingSnapshot ring, int nextId, List<Server> held) {

    public Lineup {
        java.util.Objects.requireNonNull(ring, "ring");
        held = List.copyOf(held);
    }

    public Lineup(RingSnapshot ring, int nextId) {
        this(ring, nextId, List.of());
    }
}
