package dev.ringlab.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code /heartbeat} to every server on the ring at a fixed interval and declares a server
 * dead after {@code missesAllowed} misses in a row; the cluster then replaces it. The defaults (200 ms,
 * 2 misses) notice a killed replica well within a second.
 */
public final class HealthMonitor implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);
    public static final int DEFAULT_MISSES = 2;

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final Cluster cluster;
    private final Duration interval;
    private final int missesAllowed;
    private final Map<Replica, Integer> misses = new HashMap<>();
    private ScheduledExecutorService timer;

    public HealthMonitor(Cluster cluster, Duration interval, int missesAllowed) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, got " + interval.toMillis() + " ms");
        }
        if (missesAllowed < 1) {
            throw new IllegalArgumentException("misses allowed must be at least 1, got " + missesAllowed);
        }
        this.cluster = cluster;
        this.interval = interval;
        this.missesAllowed = missesAllowed;
    }

    /** Starts probing in the background. */
    public synchronized HealthMonitor start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(Cluster.daemon("ringlab-heartbeat"));
            timer.scheduleWithFixedDelay(this::probeSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            cluster.followDeaths();
        }
        return this;
    }

    /** One round of heartbeats over the servers that are up; usable step by step in tests. */
    public synchronized void probeOnce() {
        List<Member> up = cluster.members().stream().filter(m -> m.state() == MemberState.UP).toList();
        misses.keySet().retainAll(up.stream().map(Member::replica).toList());
        for (Member member : up) {
            if (cluster.backend().heartbeat(member.replica())) {
                misses.remove(member.replica());
                continue;
            }
            int missed = misses.merge(member.replica(), 1, Integer::sum);
            if (missed >= missesAllowed) {
                misses.remove(member.replica());
                cluster.declareDead(member.server(), missed + " heartbeats missed");
            }
        }
    }

    private void probeSafely() {
        try {
            probeOnce();
        } catch (RuntimeException failure) {
            LOG.warn("heartbeat round failed: {}", failure.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            cluster.stopFollowingDeaths();
        }
    }
}
