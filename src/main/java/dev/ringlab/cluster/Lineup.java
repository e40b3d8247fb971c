package dev.ringlab.cluster;

import dev.ringlab.ring.RingSnapshot;

/**
 * What a cluster lends and must get back exactly ({@link Cluster#restore}): its ring, which holds the
 * servers (ids, names, weights, in join order) and the slot of every virtual node, and the id the next
 * generated server would take, so that the server added after a loan is named as it would have been.
 *
 * @param ring   the ring when the loan began
 * @param nextId the id counter then
 */
public record Lineup(RingSnapshot ring, int nextId) {

    public Lineup {
        java.util.Objects.requireNonNull(ring, "ring");
    }
}
