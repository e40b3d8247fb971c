package dev.ringlab.experiment;

import dev.ringlab.balancer.Ejection;
import dev.ringlab.balancer.FailoverRoute;
import dev.ringlab.cluster.ClusterEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A-6, gray failure: a paced open-loop stream (see {@link OpenLoopStream}) during which one server is
 * frozen and, later, the busiest other one is slowed (its heartbeats stay prompt), run twice on fresh
 * testbeds: passive health off, then on. Both runs have the per-try timeout and retry clockwise; the
 * difference is whether failing servers are skipped before the heartbeats (for the frozen one) or
 * ever (for the slow one, which heartbeats never notice). Blocking; {@link #cancel()} or an interrupt
 * stops it with a {@link java.util.concurrent.CancellationException}.
 */
public final class GrayFailureExperiment {

    private final TestbedFactory testbeds;
    private final Cancellation cancellation = new Cancellation();

    public GrayFailureExperiment(TestbedFactory testbeds) {
        this.testbeds = testbeds;
    }

    public void cancel() {
        cancellation.request();
    }

    public GrayFailureResult run(GrayFailureParameters parameters, ProgressListener listener) {
        cancellation.check();
        long started = System.nanoTime();
        int requests = parameters.requests();
        long[] keys = Arrays.copyOf(new Workload(requests, parameters.workload().seed(), 1).keys(), requests);
        ProgressMeter meter = new ProgressMeter(listener, 2L * requests);
        String[] testbed = new String[1];
        GrayRun off = once(parameters, keys, false, meter, testbed);
        GrayRun on = once(parameters, keys, true, meter, testbed);
        return new GrayFailureResult(parameters, testbed[0], off, on, Duration.ofNanos(System.nanoTime() - started));
    }

    private GrayRun once(GrayFailureParameters parameters, long[] keys, boolean passive, ProgressMeter meter,
                         String[] description) {
        cancellation.check();
        String label = passive ? "passive health on (eject after " + parameters.ejectAfter() + ")" : "passive health off";
        meter.stage("A-6 " + label);
        try (Testbed testbed = testbeds.open(parameters.ring(), parameters.servers())) {
            description[0] = testbed.description();
            FailoverRoute route = testbed.route();
            Membership membership = testbed.membership();
            List<String> servers = membership.servers();
            String frozen = parameters.frozen() == null
                    ? FailoverExperiment.busiest(membership.ring(), keys, servers) : parameters.frozen();
            if (!servers.contains(frozen)) {
                throw new TestbedException("no server named '" + frozen + "' to freeze (servers: "
                        + String.join(", ", servers) + ")");
            }
            OpenLoopStream.warmUp(testbed, keys);
            Timeline timeline = new Timeline(frozen);
            AtomicReference<RuntimeException> faultFailure = new AtomicReference<>();
            ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "ringlab-a6-faults");
                thread.setDaemon(true);
                return thread;
            });
            List<OpenLoopStream.Sample> samples;
            // The route may be the owner's (the window's): tuned for this run only.
            Runnable routeBack = route.restorer();
            route.tryTimeout(parameters.tryTimeout()).ejectAfter(passive ? parameters.ejectAfter() : 0,
                    parameters.ejectTime());
            try (AutoCloseable events = membership.subscribe(timeline::record);
                 AutoCloseable ejections = route.watchEjections(timeline::record)) {
                long origin = System.nanoTime();
                timeline.start(Instant.now());
                faults.schedule(() -> fault(faultFailure, () -> {
                    membership.freeze(frozen);
                    timeline.mark("frozen", frozen, "SIGSTOP / docker pause");
                }), parameters.freezeAt().toNanos(), TimeUnit.NANOSECONDS);
                faults.schedule(() -> fault(faultFailure, () -> slowBusiest(membership, keys, frozen, parameters, timeline)),
                        parameters.slowAt().toNanos(), TimeUnit.NANOSECONDS);
                Duration grace = parameters.tryTimeout().multipliedBy(parameters.servers())
                        .plusMillis(parameters.slowMs()).plusSeconds(5);
                samples = new OpenLoopStream(testbed, meter, cancellation).send(keys, parameters.intervalNanos(),
                        origin, grace, key -> ownerOf(membership, key));
                if (faultFailure.get() != null) {
                    throw faultFailure.get();
                }
                meter.report();
            } catch (RuntimeException failure) {
                throw failure;
            } catch (Exception closing) {
                throw new IllegalStateException("could not stop listening to the cluster", closing);
            } finally {
                faults.shutdownNow();
                routeBack.run();
            }
            return timeline.run(label, passive, parameters, samples);
        }
    }

    /**
     * Slows the busiest server but the frozen one; one that cannot be slowed now (declared dead by a
     * heartbeat a loaded machine missed, still starting) passes the fault to the next busiest, and the
     * timeline says so when none could take it.
     */
    private static void slowBusiest(Membership membership, long[] keys, String frozen, GrayFailureParameters parameters,
                                    Timeline timeline) {
        List<String> candidates = new ArrayList<>(membership.servers());
        candidates.remove(frozen);
        while (!candidates.isEmpty()) {
            String slowed = FailoverExperiment.busiest(membership.ring(), keys, candidates);
            try {
                membership.slow(slowed, parameters.slowMs());
                timeline.slowed(slowed, parameters.slowMs());
                return;
            } catch (TestbedException refused) {
                candidates.remove(slowed);
                timeline.mark("not-slowed", slowed, refused.getMessage());
            }
        }
    }

    /** The server the key routes to on the ring now: whose fault a request would meet first. */
    static String ownerOf(Membership membership, long key) {
        dev.ringlab.ring.RingSnapshot ring = membership.ring();
        return ring == null || ring.isEmpty() ? null : ring.route(key).name();
    }

    private static void fault(AtomicReference<RuntimeException> failure, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException failed) {
            failure.compareAndSet(null, failed);
        }
    }

    /** What happened during one run, as the cluster and passive health told it. */
    private static final class Timeline {

        private final String frozen;
        private final List<TimelineEvent> events = new ArrayList<>();
        private Instant origin;
        private String slowed;

        Timeline(String frozen) {
            this.frozen = frozen;
        }

        synchronized void start(Instant at) {
            origin = at;
        }

        synchronized void mark(String kind, String server, String detail) {
            events.add(new TimelineEvent(millis(Instant.now()), kind, server, detail));
        }

        synchronized void slowed(String server, long slowMs) {
            slowed = server;
            events.add(new TimelineEvent(millis(Instant.now()), "slowed", server, "+" + slowMs + " ms on /home"));
        }

        synchronized void record(ClusterEvent event) {
            if (origin == null) {
                return;
            }
            if (event instanceof ClusterEvent.MemberDead dead) {
                events.add(new TimelineEvent(millis(event.at()), "dead", dead.server().name(), dead.reason()));
            } else if (event instanceof ClusterEvent.MemberUp up && up.replaces() != null) {
                events.add(new TimelineEvent(millis(event.at()), "replaced", up.member().server().name(),
                        "replaces " + up.replaces().name()));
            }
        }

        synchronized void record(Ejection ejection) {
            if (origin == null) {
                return;
            }
            events.add(new TimelineEvent(millis(ejection.at()), ejection.ejected() ? "ejected" : "returned",
                    ejection.server(), ejection.ejected() ? "for " + ejection.lasting().toMillis() + " ms" : ""));
        }

        private double millis(Instant at) {
            return Duration.between(origin, at).toNanos() / 1e6;
        }

        synchronized GrayRun run(String label, boolean passive, GrayFailureParameters parameters,
                                 List<OpenLoopStream.Sample> samples) {
            List<TimelineEvent> sorted = events.stream().sorted(Comparator.comparingDouble(TimelineEvent::atMillis)).toList();
            double freezeMs = at(sorted, "frozen", frozen, parameters.freezeAt().toMillis());
            double slowMs = slowed == null ? parameters.slowAt().toMillis() : at(sorted, "slowed", slowed,
                    parameters.slowAt().toMillis());
            // A request paid for a faulty server when it was tried there and had to go on clockwise, or waited
            // (nearly) what a try there costs: a whole try timeout for the frozen one, the added latency or the
            // try timeout for the slow one. Not every wait of 100 ms: on a loaded machine every request pays
            // that now and then, which is the machine's cost, not the fault's, and would stretch the figure.
            long frozenWait = parameters.tryTimeout().toNanos() * 9 / 10;
            long slowWait = Math.min(parameters.tryTimeout().toNanos(), TimeUnit.MILLISECONDS.toNanos(parameters.slowMs()))
                    * 9 / 10;
            int sent = samples.size();
            int ok = 0;
            int failed = 0;
            int retried = 0;
            int costlyFrozen = 0;
            int costlySlow = 0;
            Double frozenCostEnds = null;
            Double slowCostEnds = null;
            long[] latencies = new long[sent];
            long lastSent = 0;
            int i = 0;
            for (OpenLoopStream.Sample sample : samples) {
                Delivery delivery = sample.delivery();
                latencies[i++] = delivery.latencyNanos();
                lastSent = Math.max(lastSent, sample.sentNanos());
                if (sample.failed()) {
                    failed++;
                } else {
                    ok++;
                }
                if (sample.retried()) {
                    retried++;
                }
                double sentMs = sample.sentNanos() / 1e6;
                // Whose fault cost a request its wait: the server its key was routed to when it left.
                boolean tried = delivery.attempts() > 1;
                if (sample.owner() != null) {
                    if (sample.owner().equals(frozen) && sentMs >= freezeMs
                            && (tried || delivery.latencyNanos() >= frozenWait)) {
                        costlyFrozen++;
                        frozenCostEnds = Math.max(frozenCostEnds == null ? 0 : frozenCostEnds, sentMs - freezeMs);
                    } else if (sample.owner().equals(slowed) && sentMs >= slowMs
                            && (tried || delivery.latencyNanos() >= slowWait)) {
                        costlySlow++;
                        slowCostEnds = Math.max(slowCostEnds == null ? 0 : slowCostEnds, sentMs - slowMs);
                    }
                }
            }
            Arrays.sort(latencies);
            double reached = lastSent == 0 ? parameters.rate() : (sent - 1) * 1e9 / lastSent;
            return new GrayRun(label, passive, frozen, slowed, buckets(samples, parameters.bucket().toMillis()), sorted,
                    sent, ok, failed, retried, count(sorted, "ejected"), count(sorted, "returned"),
                    first(sorted, "ejected", frozen), first(sorted, "dead", frozen), first(sorted, "ejected", slowed),
                    first(sorted, "dead", slowed), frozenCostEnds, slowCostEnds, costlyFrozen, costlySlow,
                    percentile(latencies, 0.50), percentile(latencies, 0.99), reached);
        }

        private static double at(List<TimelineEvent> events, String kind, String server, double otherwise) {
            Double found = first(events, kind, server);
            return found == null ? otherwise : found;
        }

        private static Double first(List<TimelineEvent> events, String kind, String server) {
            return events.stream().filter(e -> e.kind().equals(kind) && e.server().equals(server))
                    .map(TimelineEvent::atMillis).findFirst().orElse(null);
        }

        private static int count(List<TimelineEvent> events, String kind) {
            return (int) events.stream().filter(e -> e.kind().equals(kind)).count();
        }
    }

    /** The samples per bucket of their send time, gaps included. */
    static List<LatencyBucket> buckets(List<OpenLoopStream.Sample> samples, long bucketMillis) {
        long bucketNanos = TimeUnit.MILLISECONDS.toNanos(bucketMillis);
        int count = (int) (samples.stream().mapToLong(OpenLoopStream.Sample::sentNanos).max().orElse(-1) / bucketNanos) + 1;
        List<List<OpenLoopStream.Sample>> grouped = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            grouped.add(new ArrayList<>());
        }
        samples.forEach(sample -> grouped.get((int) (Math.max(0, sample.sentNanos()) / bucketNanos)).add(sample));
        List<LatencyBucket> buckets = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            List<OpenLoopStream.Sample> in = grouped.get(b);
            long[] latencies = in.stream().mapToLong(sample -> sample.delivery().latencyNanos()).sorted().toArray();
            int failed = (int) in.stream().filter(OpenLoopStream.Sample::failed).count();
            int retried = (int) in.stream().filter(OpenLoopStream.Sample::retried).count();
            buckets.add(new LatencyBucket(b * bucketMillis, (b + 1) * bucketMillis, in.size(), failed, retried,
                    percentile(latencies, 0.50), percentile(latencies, 0.99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6));
        }
        return buckets;
    }

    /** Nearest-rank percentile of sorted nanoseconds, in ms; 0 for none. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }
}
