package dev.ringlab.ui;

import dev.ringlab.ring.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The last few requests the window saw land, from any thread without locking, so the ring can flash
 * them. The frame pump drains it once per frame; a burst of thousands of requests costs the FX thread
 * no more than one frame's worth of flashes. What each server answered is counted once, on the
 * session's route ({@link LabSession#servedBy}), not here.
 */
final class RequestLandings {

    /** Enough to fill the ring with flashes; older landings are dropped rather than queued up. */
    static final int MAX_PENDING_LANDINGS = 256;

    /** A request that reached {@code server}: it hashed to {@code requestSlot}, owned by the node at {@code nodeSlot}. */
    record Landing(int requestSlot, int nodeSlot, Server server) {
    }

    private final ConcurrentLinkedQueue<Landing> landings = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    void landed(Landing landing) {
        if (pending.incrementAndGet() <= MAX_PENDING_LANDINGS) {
            landings.add(landing);
        } else {
            pending.decrementAndGet();
        }
    }

    /** Takes the landings not yet shown, oldest first. */
    List<Landing> drain() {
        List<Landing> drained = new ArrayList<>();
        Landing landing;
        while ((landing = landings.poll()) != null) {
            pending.decrementAndGet();
            drained.add(landing);
        }
        return drained;
    }
}
