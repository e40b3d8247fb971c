package dev.ringlab.replica;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A replica's injected gray failure: extra latency and an error rate on {@code /home} while
 * {@code /heartbeat} still answers at once, so heartbeats alone never notice it (issue 15). Set by
 * {@code POST /fault} with {@code {"latency_ms":200,"error_rate":0.1}}; {@code {}} or zeros clear it.
 * Only RingLab's own backend calls it: process replicas bind loopback and containers publish on
 * 127.0.0.1, so the path is reachable from the balancer's side only. JDK only, like the replica.
 */
final class ReplicaFaults implements AutoCloseable {

    /** A minute: beyond it a "slow" server is a frozen one, and should be frozen instead. */
    static final long MAX_LATENCY_MS = 60_000;

    static final byte[] FAULTY =
            "{\"message\":\"injected fault\",\"status\":\"failure\"}".getBytes(StandardCharsets.UTF_8);

    private static final Pattern LATENCY = Pattern.compile("\"latency_ms\"\\s*:\\s*([-0-9.eE+]+)");
    private static final Pattern ERROR_RATE = Pattern.compile("\"error_rate\"\\s*:\\s*([-0-9.eE+]+)");

    /** The fault now in force; one immutable value, swapped whole, so a request sees one or the other. */
    private volatile Setting setting = Setting.NONE;
    private ScheduledExecutorService timer;

    record Setting(long latencyMs, double errorRate) {
        static final Setting NONE = new Setting(0, 0);

        String json() {
            return "{\"latency_ms\":" + latencyMs + ",\"error_rate\":" + errorRate + "}";
        }
    }

    /** Parses and applies a {@code POST /fault} body; throws {@link IllegalArgumentException} with a one-line reason, changing nothing. */
    Setting apply(String body) {
        long latency = (long) number(LATENCY, body, 0);
        double errorRate = number(ERROR_RATE, body, 0);
        if (latency < 0 || latency > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latency_ms must be within 0.." + MAX_LATENCY_MS + ", got " + latency);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("error_rate must be within 0..1, got " + errorRate);
        }
        Setting next = new Setting(latency, errorRate);
        setting = next;
        return next;
    }

    Setting current() {
        return setting;
    }

    /**
     * Runs {@code answer} after the injected latency on this replica's fault timer and says true, or
     * says false when there is no latency (the caller answers at once). The timer is one thread made
     * on first use: a replica without faults never starts it.
     */
    boolean answerLater(Runnable answer) {
        long latency = setting.latencyMs();
        if (latency == 0) {
            return false;
        }
        timer().schedule(answer, latency, TimeUnit.MILLISECONDS);
        return true;
    }

    /** Whether this {@code /home} fails, at the injected error rate. */
    boolean failsNow() {
        double rate = setting.errorRate();
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "replica-fault-timer");
                thread.setDaemon(true);
                return thread;
            });
        }
        return timer;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static double number(Pattern field, String body, double fallback) {
        Matcher found = field.matcher(body);
        if (!found.find()) {
            return fallback;
        }
        try {
            return Double.parseDouble(found.group(1));
        } catch (NumberFormatException bad) {
            throw new IllegalArgumentException("not a number: " + found.group(1));
        }
    }
}
