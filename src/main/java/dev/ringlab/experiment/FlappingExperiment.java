package dev.ringlab.experiment;

import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.ring.RingSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Flapping: a paced open-loop stream during which one server is frozen for a moment every few seconds
 * (SIGSTOP/SIGCONT, {@code docker pause}/{@code unpause}), run twice on fresh testbeds: without
 * hysteresis (fall 1, rise 1), where one missed heartbeat takes it off the ring and a replacement
 * joins, so every blip moves keys twice; then with HAProxy's fall/rise, where a blip shorter than
 * fall heartbeats leaves the ring alone. A server declared dead is replaced under a new name, and the
 * flapping goes on with its replacement (same machine, same fault). Blocking; {@link #cancel()} or an
 * interrupt stops it with a {@link java.util.concurrent.CancellationException}.
 */
public final class FlappingExperiment {

    private final TestbedFactory testbeds;
    private final Cancellation cancellation = new Cancellation();

    public FlappingExperiment(TestbedFactory testbeds) {
        this.testbeds = testbeds;
    }

    public void cancel() {
        cancellation.request();
    }

    public FlappingResult run(FlappingParameters parameters, ProgressListener listener) {
        cancellation.check();
        long started = System.nanoTime();
        int requests = parameters.requests();
        long[] keys = new Workload(requests, parameters.workload().seed(), 1).keys();
        long[] distinct = Arrays.stream(keys).distinct().toArray();
        ProgressMeter meter = new ProgressMeter(listener, 2L * requests);
        String[] testbed = new String[1];
        FlapRun without = once(parameters, keys, distinct, 1, 1, meter, testbed);
        FlapRun with = once(parameters, keys, distinct, parameters.fall(), parameters.rise(), meter, testbed);
        return new FlappingResult(parameters, testbed[0], without, with, Duration.ofNanos(System.nanoTime() - started));
    }

    private FlapRun once(FlappingParameters parameters, long[] keys, long[] distinct, int fall, int rise,
                         ProgressMeter meter, String[] description) {
        cancellation.check();
        String label = fall == 1 && rise == 1 ? "no hysteresis (fall 1, rise 1)" : "fall " + fall + ", rise " + rise;
        meter.stage("flap, " + label);
        try (Testbed testbed = testbeds.open(parameters.ring(), parameters.servers())) {
            description[0] = testbed.description();
            testbed.hysteresis(fall, rise);
            Membership membership = testbed.membership();
            List<String> servers = membership.servers();
            String first = parameters.flapper() == null
                    ? FailoverExperiment.busiest(membership.ring(), keys, servers) : parameters.flapper();
            if (!servers.contains(first)) {
                throw new TestbedException("no server named '" + first + "' to flap (servers: "
                        + String.join(", ", servers) + ")");
            }
            OpenLoopStream.warmUp(testbed, keys);
            Timeline timeline = new Timeline(first, distinct);
            Flapper flapper = new Flapper(membership, timeline, parameters);
            List<OpenLoopStream.Sample> samples;
            // The route may be the owner's (the window's): tuned for this run only.
            Runnable routeBack = testbed.route().restorer();
            testbed.route().tryTimeout(parameters.tryTimeout());
            try (AutoCloseable events = membership.subscribe(timeline::record)) {
                long origin = System.nanoTime();
                timeline.start(Instant.now());
                flapper.start(origin);
                samples = new OpenLoopStream(testbed, meter, cancellation).send(keys, parameters.intervalNanos(), origin,
                        parameters.tryTimeout().multipliedBy(parameters.servers()).plusSeconds(5),
                        key -> GrayFailureExperiment.ownerOf(membership, key));
                flapper.stop();
                if (flapper.failure.get() != null) {
                    throw flapper.failure.get();
                }
                meter.report();
            } catch (RuntimeException failure) {
                flapper.stop();
                throw failure;
            } catch (Exception closing) {
                throw new IllegalStateException("could not stop listening to the cluster", closing);
            } finally {
                routeBack.run();
            }
            return timeline.run(label, fall, rise, flapper.flaps, samples, parameters);
        }
    }

    /** Freezes the flapping server for {@code down} every {@code every}, on a thread of its own. */
    private final class Flapper {

        private final Membership membership;
        private final Timeline timeline;
        private final FlappingParameters parameters;
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private volatile boolean stopped;
        private volatile int flaps;
        private Thread thread;

        Flapper(Membership membership, Timeline timeline, FlappingParameters parameters) {
            this.membership = membership;
            this.timeline = timeline;
            this.parameters = parameters;
        }

        void start(long origin) {
            thread = new Thread(() -> loop(origin), "ringlab-flapper");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop(long origin) {
            long every = parameters.every().toNanos();
            // The first flap half a period in, so the run starts with a steady ring.
            for (long due = origin + every / 2; !stopped; due += every) {
                if (!sleepUntil(due)) {
                    return;
                }
                String server = timeline.flapper();
                try {
                    membership.freeze(server);
                } catch (TestbedException notUp) {
                    continue; // declared dead and its replacement not on the ring yet: nothing to freeze this time
                } catch (RuntimeException broken) {
                    failure.compareAndSet(null, broken);
                    return;
                }
                flaps++;
                double downAt = timeline.now();
                boolean slept = sleepUntil(System.nanoTime() + parameters.down().toNanos());
                try {
                    membership.thaw(server);
                    timeline.down(server, downAt, timeline.now(), "thawed");
                } catch (TestbedException gone) {
                    // Declared dead while frozen: the cluster removed it (thawed first) and replaces it.
                    timeline.down(server, downAt, timeline.now(), "gone");
                }
                if (!slept) {
                    return;
                }
            }
        }

        private boolean sleepUntil(long due) {
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                if (stopped) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(20)));
                } catch (InterruptedException interrupted) {
                    return false;
                }
            }
            return !stopped;
        }

        void stop() {
            stopped = true;
            if (thread != null) {
                try {
                    thread.join(parameters.down().toMillis() + 5_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Ring changes, deaths and replacements of one run; the flapping server as it is now. */
    private static final class Timeline {

        private final long[] keys;
        private final List<TimelineEvent> events = new ArrayList<>();
        private final List<FlapRun.KeyMoveAt> moves = new ArrayList<>();
        private final List<double[]> downs = new ArrayList<>();
        private Instant origin;
        private String flapper;
        private int deaths;
        private int replacements;

        Timeline(String flapper, long[] keys) {
            this.flapper = flapper;
            this.keys = keys;
        }

        synchronized void start(Instant at) {
            origin = at;
        }

        synchronized String flapper() {
            return flapper;
        }

        synchronized double now() {
            return Duration.between(origin, Instant.now()).toNanos() / 1e6;
        }

        synchronized void down(String server, double from, double to, String how) {
            downs.add(new double[] {from, to});
            events.add(new TimelineEvent(from, "frozen", server, ""));
            events.add(new TimelineEvent(to, how, server, ""));
        }

        synchronized void record(ClusterEvent event) {
            if (origin == null) {
                return;
            }
            double at = Duration.between(origin, event.at()).toNanos() / 1e6;
            if (event instanceof ClusterEvent.RingChanged changed) {
                long moved = moved(changed.before(), changed.after());
                moves.add(new FlapRun.KeyMoveAt(at, moved));
                events.add(new TimelineEvent(at, "ring", "", changed.after().size() + " servers, " + moved + " keys moved"));
            } else if (event instanceof ClusterEvent.MemberDead dead) {
                deaths++;
                events.add(new TimelineEvent(at, "dead", dead.server().name(), dead.reason()));
            } else if (event instanceof ClusterEvent.MemberUp up && up.replaces() != null) {
                replacements++;
                events.add(new TimelineEvent(at, "replaced", up.member().server().name(), "replaces " + up.replaces().name()));
                if (up.replaces().name().equals(flapper)) {
                    flapper = up.member().server().name(); // the same machine, the same fault
                }
            }
        }

        private long moved(RingSnapshot before, RingSnapshot after) {
            if (before == null || after == null || before.isEmpty() || after.isEmpty()) {
                return before != null && after != null && before.isEmpty() != after.isEmpty() ? keys.length : 0;
            }
            long moved = 0;
            for (long key : keys) {
                if (!before.route(key).name().equals(after.route(key).name())) {
                    moved++;
                }
            }
            return moved;
        }

        synchronized FlapRun run(String label, int fall, int rise, int flaps, List<OpenLoopStream.Sample> samples,
                                 FlappingParameters parameters) {
            int failed = (int) samples.stream().filter(sample -> !sample.delivery().ok()).count();
            int retried = (int) samples.stream().filter(sample -> sample.delivery().attempts() > 1).count();
            long[] latencies = samples.stream().mapToLong(sample -> sample.delivery().latencyNanos()).sorted().toArray();
            long keysMoved = moves.stream().mapToLong(FlapRun.KeyMoveAt::keys).sum();
            return new FlapRun(label, fall, rise, flaps, moves.size(), keysMoved, deaths, replacements, samples.size(),
                    failed, retried, GrayFailureExperiment.percentile(latencies, 0.99), moves, downs,
                    events.stream().sorted(Comparator.comparingDouble(TimelineEvent::atMillis)).toList(),
                    GrayFailureExperiment.buckets(samples, parameters.bucket().toMillis()));
        }
    }
}
