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
 * dead after {@code missesAllowed} misses in a row (HAProxy's {@code fall}); the cluster then replaces
 * it. The defaults are HAProxy's {@code fall 3 rise 2} at a 200 ms interval: a killed replica refuses
 * at once and is declared dead in about 0.6 s; a hung one costs each heartbeat its timeout (500 ms), so
 * about 2 s. One missed heartbeat (a GC pause, a loaded machine) never replaces a server and moves its
 * keys twice: keeping clients from a hung server within a second is the per-try timeout's and passive
 * health's job, as in Envoy, not the heartbeats'.
 *
 * <p>Hysteresis ({@code rise}, as HAProxy's): a server that has missed heartbeats stays suspect until
 * it answers {@code rise} in a row; one answer between misses does not clear them. A flapping server
 * (answering, then not, every few heartbeats) thus reaches {@code fall} and is replaced by a steady
 * one, instead of staying on the ring and failing requests now and then. With {@code rise} 1 every
 * answer clears the misses, as before. A server declared dead does not come back: its replica is
 * stopped (a frozen one included) and a new server takes its place, so a thawed server can never
 * be a duplicate of its replacement.
 */
public final class HealthMonitor implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);
    public static final int DEFAULT_MISSES = 3;
    /** Answers in a row that clear a suspect server's misses (HAProxy's rise 2); 1 is no hysteresis. */
    public static final int DEFAULT_RISE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final Cluster cluster;
    private final Duration interval;
    private volatile int missesAllowed;
    private volatile int rise;
    private final Map<Replica, Integer> misses = new HashMap<>();
    /** Answers in a row of a server that has misses; guarded by this. */
    private final Map<Replica, Integer> answers = new HashMap<>();
    private ScheduledExecutorService timer;

    public HealthMonitor(Cluster cluster, Duration interval, int missesAllowed) {
        this(cluster, interval, missesAllowed, DEFAULT_RISE);
    }

    /** @param rise answers in a row before a server's misses are forgotten (1 = at the first answer) */
    public HealthMonitor(Cluster cluster, Duration interval, int missesAllowed, int rise) {
        if (rise < 1) {
            throw new IllegalArgumentException("rise must be at least 1, got " + rise);
        }
        this.rise = rise;
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

    /**
     * Changes the hysteresis from the next heartbeat on, as a flapping lesson does between its runs;
     * misses already counted stay counted.
     */
    public synchronized void hysteresis(int fall, int newRise) {
        if (fall < 1 || newRise < 1) {
            throw new IllegalArgumentException("fall and rise must be at least 1, got fall " + fall + ", rise " + newRise);
        }
        this.missesAllowed = fall;
        this.rise = newRise;
    }

    public int fall() {
        return missesAllowed;
    }

    public int rise() {
        return rise;
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
        answers.keySet().retainAll(misses.keySet());
        for (Member member : up) {
            Replica replica = member.replica();
            if (cluster.backend().heartbeat(replica)) {
                if (misses.containsKey(replica) && answers.merge(replica, 1, Integer::sum) >= rise) {
                    misses.remove(replica);
                    answers.remove(replica);
                }
                continue;
            }
            answers.remove(replica);
            int missed = misses.merge(replica, 1, Integer::sum);
            if (missed >= missesAllowed) {
                misses.remove(replica);
                cluster.declareDead(member.server(), missed + " heartbeats missed"
                        + (rise > 1 ? " (fall " + missesAllowed + ", rise " + rise + ")" : ""));
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
