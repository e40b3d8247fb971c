package dev.ringlab.balancer;

import dev.ringlab.ring.Server;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passive health checks on real traffic, as Envoy's outlier detection: a server whose answers fail
 * {@code failuresToEject} times in a row (a 5xx, a refused or broken connection, a per-try timeout) is
 * ejected, skipped by routing, for {@code baseEjection} times the number of times it was ejected
 * (capped at {@link #MAX_EJECTION}), then tried again. Heartbeats cannot see a server that answers
 * {@code /heartbeat} but fails or crawls on {@code /home}; this does. At most half the servers on the
 * ring are ejected at once (Envoy's {@code max_ejection_percent}), so it never empties the ring. Off
 * ({@code failuresToEject} 0) it costs routing one volatile read.
 */
final class PassiveHealth {

    static final Duration MAX_EJECTION = Duration.ofMinutes(5);

    private volatile int failuresToEject;
    private volatile long baseEjectionNanos = Duration.ofSeconds(5).toNanos();
    private final Map<String, Standing> servers = new ConcurrentHashMap<>();
    private final AtomicLong ejectionsTotal = new AtomicLong();
    private final java.util.List<java.util.function.Consumer<Ejection>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** One server's record, by name (a replacement is a new name, so starts clean). */
    private static final class Standing {
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger ejections = new AtomicInteger();
        volatile long ejectedUntil;
        volatile boolean ejected;
    }

    /** Turns ejection on ({@code failures} ≥ 1) or off (0). */
    void configure(int failures, Duration baseEjection) {
        if (failures < 0 || failures > 1000) {
            throw new IllegalArgumentException("failures before an ejection must be within 0..1000 (0: off), got " + failures);
        }
        if (baseEjection.toMillis() < 10 || baseEjection.compareTo(MAX_EJECTION) > 0) {
            throw new IllegalArgumentException("the base ejection time must be within 10 ms and "
                    + MAX_EJECTION.toMinutes() + " min, got " + baseEjection.toMillis() + " ms");
        }
        this.baseEjectionNanos = baseEjection.toNanos();
        this.failuresToEject = failures;
    }

    int failuresToEject() {
        return failuresToEject;
    }

    Duration baseEjection() {
        return Duration.ofNanos(baseEjectionNanos);
    }

    boolean enabled() {
        return failuresToEject > 0;
    }

    /** Whether routing should skip {@code server} now; an ejection that ran out ends here. */
    boolean ejected(Server server) {
        if (failuresToEject == 0) {
            return false;
        }
        Standing standing = servers.get(server.name());
        if (standing == null || !standing.ejected) {
            return false;
        }
        if (System.nanoTime() - standing.ejectedUntil >= 0) {
            synchronized (standing) {
                if (!standing.ejected) {
                    return false;
                }
                standing.ejected = false; // back on trial: one more failure in a row ejects it again
            }
            standing.failures.set(Math.max(0, failuresToEject - 1));
            tell(new Ejection(server.name(), false, java.time.Instant.now(), java.time.Duration.ZERO));
            return false;
        }
        return true;
    }

    void succeeded(Server server) {
        if (failuresToEject == 0) {
            return;
        }
        Standing standing = servers.get(server.name());
        if (standing != null) {
            standing.failures.set(0);
        }
    }

    /** A failure of {@code server}; ejects it at the threshold unless half of {@code ringSize} are out already. */
    void failed(Server server, java.util.List<Server> onRing) {
        int threshold = failuresToEject;
        if (threshold == 0) {
            return;
        }
        Standing standing = servers.computeIfAbsent(server.name(), name -> new Standing());
        if (standing.failures.incrementAndGet() < threshold || standing.ejected) {
            return;
        }
        // Only servers still on the ring count against the half: one declared dead and replaced while
        // ejected is no longer skipped by anybody, and must not keep a gray server on the ring.
        long now = System.nanoTime();
        long out = onRing.stream().map(s -> servers.get(s.name()))
                .filter(s -> s != null && s.ejected && now - s.ejectedUntil < 0).count();
        if (out + 1 > onRing.size() / 2) {
            return;
        }
        int times = standing.ejections.incrementAndGet();
        long nanos = Math.min(MAX_EJECTION.toNanos(), baseEjectionNanos * times);
        synchronized (standing) {
            if (standing.ejected) {
                return;
            }
            standing.ejectedUntil = System.nanoTime() + nanos;
            standing.ejected = true;
        }
        standing.failures.set(0);
        ejectionsTotal.incrementAndGet();
        tell(new Ejection(server.name(), true, java.time.Instant.now(), java.time.Duration.ofNanos(nanos)));
    }

    /** Hears every ejection and every return until the handle is closed; the listener must not block. */
    AutoCloseable watch(java.util.function.Consumer<Ejection> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void tell(Ejection ejection) {
        for (java.util.function.Consumer<Ejection> listener : listeners) {
            listener.accept(ejection);
        }
    }

    long ejectionsTotal() {
        return ejectionsTotal.get();
    }

    /** Servers ejected now. */
    int ejectedNow() {
        long now = System.nanoTime();
        return (int) servers.values().stream().filter(s -> s.ejected && now - s.ejectedUntil < 0).count();
    }
}
