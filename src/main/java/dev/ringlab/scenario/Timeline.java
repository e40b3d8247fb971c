package dev.ringlab.scenario;

import dev.ringlab.cluster.ClusterEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/** The cluster's events as they arrive (on the cluster's threads), and the steps between them. */
final class Timeline {
    private final List<TimelineEntry> entries = new ArrayList<>();
    private final Set<String> detected = new HashSet<>();
    private final Set<String> replaced = new HashSet<>();
    private long origin;
    private int step;

    synchronized void start() {
        origin = System.nanoTime();
    }

    synchronized double now() {
        return (System.nanoTime() - origin) / 1e6;
    }

    synchronized void step(Step next) {
        step = next.number();
        entries.add(new TimelineEntry(now(), step, "step", next.action().summary()));
    }

    synchronized void note(String kind, String detail) {
        entries.add(new TimelineEntry(now(), step, kind, detail));
    }

    synchronized void record(ClusterEvent event) {
        String kind = "event";
        if (event instanceof ClusterEvent.MemberStarting) {
            kind = "starting";
        } else if (event instanceof ClusterEvent.MemberUp up) {
            kind = "up";
            if (up.replaces() != null) {
                replaced.add(up.replaces().name());
            }
        } else if (event instanceof ClusterEvent.MemberKilled) {
            kind = "killed";
        } else if (event instanceof ClusterEvent.MemberDead dead) {
            kind = "dead";
            detected.add(dead.server().name());
        } else if (event instanceof ClusterEvent.MemberRemoved) {
            kind = "removed";
        } else if (event instanceof ClusterEvent.RingChanged) {
            kind = "ring";
        } else if (event instanceof ClusterEvent.BackendFailed) {
            kind = "backend-failed";
        }
        entries.add(new TimelineEntry(now(), step, kind, event.describe()));
        notifyAll();
    }

    /** Waits until {@code server} was detected dead or replaced, at most {@code timeout}. */
    synchronized boolean await(Action.Wait.Until until, String server, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> done = until == Action.Wait.Until.DETECTED ? detected : replaced;
        try {
            while (!done.contains(server)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped");
        }
    }

    synchronized List<TimelineEntry> entries() {
        return List.copyOf(entries);
    }
}
