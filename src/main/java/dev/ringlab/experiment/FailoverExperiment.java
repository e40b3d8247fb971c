package dev.ringlab.experiment;

import dev.ringlab.cluster.ClusterEvent;
import java.time.Duration;
import java.time.Instant;
import dev.ringlab.ring.RingSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A-3, failure and recovery: sends a paced stream of requests, crashes one server part way, and
 * records when the cluster noticed (its health monitor) and when the replacement joined, next to
 * what happened to the requests in every time bucket. Blocking; {@link #cancel()} or an interrupt
 * stops it with a {@link java.util.concurrent.CancellationException}.
 */
public final class FailoverExperiment {

    private final TestbedFactory testbeds;
    private final Cancellation cancellation = new Cancellation();

    public FailoverExperiment(TestbedFactory testbeds) {
        this.testbeds = testbeds;
    }

    /** Stops a run in progress, from any thread; a cancelled runner stays cancelled, so make one per run. */
    public void cancel() {
        cancellation.request();
    }

    public FailoverResult run(FailoverParameters parameters, ProgressListener listener) {
        cancellation.check();
        Workload workload = parameters.workload();
        ProgressMeter meter = new ProgressMeter(listener, workload.requests());
        meter.stage("A-3 N=" + parameters.servers());
        long[] keys = workload.keys();
        long started = System.nanoTime();
        try (Testbed testbed = testbeds.open(parameters.ring(), parameters.servers())) {
            List<String> servers = testbed.membership().servers();
            String victim = parameters.victim() == null ? servers.get(Math.min(1, servers.size() - 1))
                    : parameters.victim().equals(FailoverParameters.BUSIEST)
                    ? busiest(testbed.membership().ring(), keys, servers) : parameters.victim();
            if (!servers.contains(victim)) {
                throw new TestbedException("no server named '" + victim + "' to kill (servers: "
                        + String.join(", ", servers) + ")");
            }
            Timeline timeline = new Timeline(victim);
            ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "ringlab-experiment-killer");
                thread.setDaemon(true);
                return thread;
            });
            AtomicReference<RuntimeException> killFailure = new AtomicReference<>();
            List<BucketTally> tallies;
            // One request before the clock starts, not counted: loading the request path's classes (or
            // opening a connection) would otherwise show as a stall in the first bucket.
            testbed.send(keys[0]);
            try (AutoCloseable subscription = testbed.membership().subscribe(timeline::record)) {
                timeline.start();
                long origin = System.nanoTime();
                killer.schedule(() -> {
                    try {
                        testbed.membership().kill(victim);
                    } catch (RuntimeException failure) {
                        killFailure.set(failure);
                    }
                }, parameters.killAfter().toNanos(), TimeUnit.NANOSECONDS);
                tallies = new RequestStream(testbed, workload.concurrency(), meter, cancellation)
                        .send(keys, parameters.intervalNanos(), origin, () -> new BucketTally(
                                parameters.bucket().toNanos()));
                if (killFailure.get() != null) {
                    throw killFailure.get();
                }
                timeline.awaitReplacement(parameters.settle(), cancellation);
                meter.report();
            } catch (RuntimeException failure) {
                throw failure;
            } catch (Exception closing) {
                throw new IllegalStateException("could not unsubscribe from the cluster", closing);
            } finally {
                killer.shutdownNow();
            }
            return timeline.result(parameters, testbed.description(),
                    BucketTally.merge(tallies, parameters.bucket().toMillis()),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The server the workload's keys route to most often: killing it shows the most retries and the
     * largest share of the ring moving. Without a visible ring, the second server, as the original did.
     */
    static String busiest(RingSnapshot ring, long[] keys, List<String> servers) {
        if (ring == null || ring.isEmpty()) {
            return servers.get(Math.min(1, servers.size() - 1));
        }
        Map<String, Integer> owned = new HashMap<>();
        for (long key : keys) {
            owned.merge(ring.route(key).name(), 1, Integer::sum);
        }
        // Ties go to the server that joined first, so the choice does not depend on hashing order.
        return servers.stream().max(Comparator.comparingInt((String name) -> owned.getOrDefault(name, 0))
                .thenComparing(name -> -servers.indexOf(name))).orElseThrow();
    }

    /** The cluster events of one run, as they arrive on the cluster's threads. */
    private static final class Timeline {

        private final String victim;
        private final List<TimelineEvent> events = new ArrayList<>();
        private final CountDownLatch replaced = new CountDownLatch(1);
        private Instant origin;
        private Double killedAt;
        private Double detectedAt;
        private Double replacedAt;
        private String replacement;

        Timeline(String victim) {
            this.victim = victim;
        }

        synchronized void start() {
            origin = Instant.now();
        }

        synchronized void record(ClusterEvent event) {
            if (origin == null) {
                return;
            }
            double at = Duration.between(origin, event.at()).toNanos() / 1e6;
            if (event instanceof ClusterEvent.MemberKilled killed) {
                add(at, "killed", killed.server().name(), event.describe());
                if (killed.server().name().equals(victim)) {
                    killedAt = at;
                }
            } else if (event instanceof ClusterEvent.MemberDead dead) {
                add(at, "detected", dead.server().name(), dead.reason());
                if (dead.server().name().equals(victim) && detectedAt == null) {
                    detectedAt = at;
                }
            } else if (event instanceof ClusterEvent.MemberStarting starting) {
                add(at, "starting", starting.server().name(),
                        starting.replaces() == null ? "" : "replaces " + starting.replaces().name());
            } else if (event instanceof ClusterEvent.MemberUp up) {
                add(at, "up", up.member().server().name(),
                        up.replaces() == null ? "" : "replaces " + up.replaces().name());
                if (up.replaces() != null && up.replaces().name().equals(victim) && replacedAt == null) {
                    replacedAt = at;
                    replacement = up.member().server().name();
                    replaced.countDown();
                }
            } else if (event instanceof ClusterEvent.MemberRemoved removed) {
                add(at, "removed", removed.server().name(), "");
            } else if (event instanceof ClusterEvent.BackendFailed failed) {
                add(at, "backend-failed", "", failed.message());
            } else {
                add(at, "ring", "", event.describe());
            }
        }

        private void add(double at, String kind, String server, String detail) {
            events.add(new TimelineEvent(at, kind, server, detail));
        }

        void awaitReplacement(Duration settle, Cancellation cancellation) {
            long deadline = System.nanoTime() + settle.toNanos();
            try {
                while (System.nanoTime() < deadline && !replaced.await(50, TimeUnit.MILLISECONDS)) {
                    cancellation.check();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                cancellation.check();
            }
        }

        synchronized FailoverResult result(FailoverParameters parameters, String testbed, List<TimeBucket> buckets,
                                           Duration elapsed) {
            return new FailoverResult(parameters, testbed, victim, replacement, killedAt, detectedAt, replacedAt,
                    events, buckets, elapsed);
        }
    }
}
