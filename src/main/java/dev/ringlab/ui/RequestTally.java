package dev.ringlab.ui;

import dev.ringlab.ring.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests the window sees land, per server, from any thread without locking, and keeps
 * the last few landings so the ring can flash them. The frame pump reads it once per frame; a burst of
 * thousands of requests costs the FX thread no more than one frame's worth of flashes.
 */
final class RequestTally {

    /** Enough to fill the ring with flashes; older landings are dropped rather than queued up. */
    static final int MAX_PENDING_LANDINGS = 256;

    /** A request that reached {@code server}: it hashed to {@code requestSlot}, owned by the node at {@code nodeSlot}. */
    record Landing(int requestSlot, int nodeSlot, Server server) {
    }

    private final Map<String, LongAdder> served = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final ConcurrentLinkedQueue<Landing> landings = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    void served(Landing landing) {
        served.computeIfAbsent(landing.server().name(), name -> new LongAdder()).increment();
        total.increment();
        if (pending.incrementAndGet() <= MAX_PENDING_LANDINGS) {
            landings.add(landing);
        } else {
            pending.decrementAndGet();
        }
    }

    void failed() {
        failed.increment();
        total.increment();
    }

    long servedBy(String serverName) {
        LongAdder count = served.get(serverName);
        return count == null ? 0 : count.sum();
    }

    long total() {
        return total.sum();
    }

    long failures() {
        return failed.sum();
    }

    /** Takes the landings not yet shown, oldest first. */
    List<Landing> drainLandings() {
        List<Landing> drained = new ArrayList<>();
        Landing landing;
        while ((landing = landings.poll()) != null) {
            pending.decrementAndGet();
            drained.add(landing);
        }
        return drained;
    }
}
