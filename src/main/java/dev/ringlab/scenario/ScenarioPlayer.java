package dev.ringlab.scenario;

import dev.ringlab.experiment.Delivery;
import dev.ringlab.experiment.Membership;
import dev.ringlab.experiment.RequestKeys;
import dev.ringlab.experiment.ServerLoad;
import dev.ringlab.experiment.Testbed;
import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a {@link Scenario} step by step on one lab (a {@link Testbed} of the chosen backend: servers,
 * health monitor, balancer), writing each step's charts and figures into the output folder. Analyses
 * run on their own fresh testbeds, as the original project ran them. Blocking; {@link #stop()} from
 * another thread (Ctrl-C) ends it, and whatever it started is stopped before {@link #play()} returns.
 */
public final class ScenarioPlayer {

    /** Told when a step starts and ends, e.g. to print progress; called on the playing thread. */
    public interface Listener {
        Listener NONE = new Listener() { };

        /** The lab is in the lesson's declared start ({@code what}: its servers and ring), before step 1. */
        default void started(String what) {
        }

        default void stepStarted(Step step) {
        }

        default void stepEnded(StepOutcome outcome) {
        }

        /** Every step played; the lab stays as the lesson left it until the gate lets it go. */
        default void heldAtEnd() {
        }
    }

    private final Scenario scenario;
    private final TestbedFactory testbeds;
    private final String backend;
    private final Path folder;
    private final long seed;
    private final Listener listener;
    private final Timeline timeline = new Timeline();
    private final StepGate gate;
    private volatile boolean stopped;
    private volatile Runnable cancelAnalysis = () -> { };
    private volatile Thread playing;
    /** Guards {@link #playing} between a stop's interrupt and the give-back, which must not be interrupted. */
    private final Object interrupting = new Object();
    /** Each send's requests per server, by step, for the side-by-side chart. */
    private final Map<String, List<ServerLoad>> sends = new LinkedHashMap<>();
    /** The answering server of each request of the last send, by its seed and count, to see which keys moved. */
    private final Map<String, String[]> lastAnswers = new LinkedHashMap<>();
    /** Servers a step froze or slowed and no step cleared yet ("frozen", "slow", "errors"), for the timing notes. */
    private final Map<String, String> faulty = new LinkedHashMap<>();
    /** Replacements held by a {@code replacement: hold} step: no replacement joins until the release. */
    private boolean holding;

    /**
     * @param backend  the backend's name for the handout (sim, process, docker)
     * @param seed     the seed to use: the file's, the command line's, or a drawn one
     */
    public ScenarioPlayer(Scenario scenario, TestbedFactory testbeds, String backend, Path folder, long seed,
                          Listener listener) {
        this(scenario, testbeds, backend, folder, seed, listener, StepGate.open());
    }

    /**
     * @param gate asked before each step: a window's Play, Pause and Step buttons drive it
     */
    public ScenarioPlayer(Scenario scenario, TestbedFactory testbeds, String backend, Path folder, long seed,
                          Listener listener, StepGate gate) {
        this.gate = gate;
        this.scenario = scenario;
        this.testbeds = testbeds;
        this.backend = backend;
        this.folder = folder;
        this.seed = seed;
        this.listener = listener;
    }

    /** Asks a run in progress to stop; it returns once everything it started is stopped. */
    public void stop() {
        stopped = true;
        cancelAnalysis.run();
        synchronized (interrupting) {
            Thread thread = playing;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /**
     * Ends the part of a run that a stop interrupts, before the lab is given back: giving a window its
     * servers back starts processes and containers and waits for their heartbeats, which an interrupt
     * left pending would cut short, leaving the window half given back.
     */
    private void uninterruptible() {
        synchronized (interrupting) {
            playing = null;
        }
        Thread.interrupted();
    }

    public ScenarioRun play() throws IOException {
        Files.createDirectories(folder);
        playing = Thread.currentThread();
        Instant started = Instant.now();
        timeline.start();
        List<StepOutcome> outcomes = new ArrayList<>();
        String error = null;
        try (Testbed lab = openWhenLetThrough();
             AutoCloseable events = lab.membership().subscribe(timeline::record);
             AutoCloseable givingBack = this::uninterruptible) { // closed first: the lab closes uninterrupted
            timeline.note("start", scenario.servers() + " servers up: " + String.join(", ", lab.membership().servers())
                    + " (" + lab.description() + ")");
            DeclaredStart.routeBy(scenario.algorithm(), lab);
            listener.started(scenario.servers() + " server" + (scenario.servers() == 1 ? "" : "s") + ", "
                    + Scenario.describe(scenario.ring(), scenario.algorithm()));
            gate.played(true); // under Play the start stays on screen as a captioned step does
            for (Step step : scenario.steps()) {
                checkStopped();
                gate.awaitTurn();
                checkStopped();
                listener.stepStarted(step);
                timeline.step(step);
                StepOutcome outcome = play(step, lab);
                outcomes.add(outcome);
                listener.stepEnded(outcome);
                gate.played(step.caption() != null && !step.caption().isBlank());
                if (outcome.error() != null) {
                    error = "step " + step.number() + " (" + step.action().name() + ") could not be played: "
                            + outcome.error();
                    break;
                }
            }
            if (error == null) {
                listener.heldAtEnd();
                gate.awaitRelease(); // a window's teacher talks over the last ring before it is given back
            }
        } catch (CancellationException interrupted) {
            error = "interrupted: the run was stopped before it ended";
        } catch (RuntimeException failure) {
            error = stopped ? "interrupted: the run was stopped before it ended" : message(failure);
        } catch (Exception closing) {
            error = "could not stop the lab cleanly: " + message(closing);
        } finally {
            playing = null;
            Thread.interrupted(); // a stop() that came late must not leak into the caller
        }
        double elapsed = Duration.between(started, Instant.now()).toNanos() / 1e6;
        List<Path> summary = new ArrayList<>();
        if (sends.size() > 1) {
            Path png = folder.resolve("sends-side-by-side.png");
            ScenarioCharts.png(ScenarioCharts.sideBySide("Every send, side by side", sends), png);
            summary.add(png);
        }
        return new ScenarioRun(scenario, seed, backend, started, elapsed, outcomes, timeline.entries(), summary, error);
    }

    /**
     * The lab in the state the file declares, once the gate lets the lesson begin: in a window the first
     * Play or Step sets the start up and shows it (a lesson on one virtual node per server first turns the
     * teacher's ring into that), and step 1 comes with the next.
     */
    private Testbed openWhenLetThrough() {
        checkStopped();
        gate.awaitTurn();
        checkStopped();
        return testbeds.open(scenario.ring(), scenario.servers());
    }

    private StepOutcome play(Step step, Testbed lab) {
        double start = timeline.now();
        try {
            StepOutcome.Builder outcome = new StepOutcome.Builder(step, start);
            Action action = step.action();
            if (action instanceof Action.Add add) {
                lab.membership().add(add.count(), add.servers(), add.weights());
            } else if (action instanceof Action.Remove remove) {
                if (remove.servers().isEmpty()) {
                    lab.membership().remove(remove.count());
                } else {
                    lab.membership().removeNamed(remove.servers());
                }
            } else if (action instanceof Action.Kill kill) {
                lab.membership().kill(kill.server());
            } else if (action instanceof Action.Freeze freeze) {
                lab.membership().freeze(freeze.server());
                faulty.put(freeze.server(), "frozen");
            } else if (action instanceof Action.Thaw thaw) {
                lab.membership().thaw(thaw.server());
                faulty.remove(thaw.server());
            } else if (action instanceof Action.Slow slow) {
                lab.membership().fault(slow.server(), new dev.ringlab.cluster.Fault(slow.latencyMs(), slow.errorRate()));
                faulty.put(slow.server(), slow.errorRate() > 0 ? "errors" : "slow");
            } else if (action instanceof Action.Clear clear) {
                lab.membership().clear(clear.server());
                faulty.remove(clear.server());
            } else if (action instanceof Action.Replacement replacement) {
                lab.membership().holdReplacements(replacement.hold());
                holding = replacement.hold();
                if (!replacement.hold()) {
                    outcome.timing("servers: whether a released replacement has joined when the step ends depends on timing");
                }
            } else if (action instanceof Action.Wait wait) {
                waitFor(wait, outcome);
            } else if (action instanceof Action.Send send) {
                send(send, lab, step, outcome);
            } else if (action instanceof Action.Reshape reshape) {
                reshape(reshape, lab, outcome);
            } else if (action instanceof Action.Analysis analysis) {
                analyse(analysis, step, outcome);
            }
            if (!(action instanceof Action.Analysis)) {
                // an analysis runs on servers of its own; the lab's count would only confuse its figures
                outcome.metric("servers", lab.membership().servers().size());
            }
            return outcome.build(timeline.now() - start);
        } catch (IOException | RuntimeException failure) {
            checkStopped();
            return StepOutcome.Builder.failed(step, start, timeline.now() - start, message(failure));
        }
    }

    private void waitFor(Action.Wait wait, StepOutcome.Builder outcome) {
        long started = System.nanoTime();
        if (wait.until() == null) {
            sleepUntil(started + wait.duration().toNanos());
        } else if (!timeline.await(wait.until(), wait.server(), wait.timeout())) {
            checkStopped();
            throw new IllegalStateException(wait.server() + " was not " + wait.until().label() + " within "
                    + Durations.text(wait.timeout()));
        }
        outcome.metric("waited_ms", (System.nanoTime() - started) / 1e6);
        outcome.timing("waited_ms: how long the cluster took depends on heartbeats and the machine's load");
        if (wait.until() != Action.Wait.Until.REPLACED && !holding) {
            // under hold no replacement joins before the release: the servers after this wait do not vary
            outcome.timing("servers: whether a replacement has already joined when the wait ends depends on timing");
        }
    }

    private void send(Action.Send send, Testbed lab, Step step, StepOutcome.Builder outcome) throws IOException {
        long keysSeed = send.seed() != null ? send.seed() : seed;
        long[] keys = RequestKeys.random(keysSeed, send.requests());
        faulty.keySet().retainAll(lab.membership().servers()); // a frozen server declared dead is gone
        List<String> faultsDuring = List.copyOf(faulty.values());
        RingSnapshot before = lab.membership().ring();
        Delivery[] deliveries = deliver(lab, keys, send);
        RingSnapshot after = lab.membership().ring();
        Map<String, long[]> answered = new LinkedHashMap<>();
        lab.membership().servers().forEach(server -> answered.put(server, new long[1]));
        long failed = 0;
        long retried = 0;
        long ok = 0;
        MessageDigest digest = sha256();
        for (Delivery delivery : deliveries) {
            digest.update((delivery.answered() ? delivery.server() : "-").getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            if (!delivery.answered()) {
                failed++;
                continue;
            }
            answered.computeIfAbsent(delivery.server(), server -> new long[1])[0]++;
            retried += delivery.retried() ? 1 : 0;
            ok += delivery.ok() ? 1 : 0;
        }
        String[] answers = new String[deliveries.length];
        for (int i = 0; i < deliveries.length; i++) {
            answers[i] = deliveries[i].server();
        }
        String[] previous = lastAnswers.put(keysSeed + "/" + keys.length, answers);
        if (previous != null) {
            long moved = 0;
            for (int i = 0; i < answers.length; i++) {
                moved += java.util.Objects.equals(previous[i], answers[i]) ? 0 : 1;
            }
            outcome.metric("moved", moved).metric("moved_share", (double) moved / answers.length);
        }
        List<ServerLoad> loads = answered.entrySet().stream()
                .map(entry -> new ServerLoad(entry.getKey(), entry.getValue()[0])).toList();
        latencies(deliveries, outcome);
        outcome.metric("sent", keys.length).metric("ok", ok).metric("failed", failed).metric("retried", retried)
                .metric("answering", loads.stream().filter(load -> load.requests() > 0).count());
        dev.ringlab.experiment.LoadSpread.figures("", loads).forEach(outcome::metric);
        outcome.testbed(lab.description()).ring(after == null ? null : Scenario.describe(after.config(), null))
                .fingerprint(HexFormat.of().formatHex(digest.digest()).substring(0, 16) + " (seed " + keysSeed + ")")
                .table(shareTable(loads, after));
        if (before != after) {
            outcome.timing("the ring changed while these requests were sent (" + versions(before, after) + "): which "
                    + "server answered the requests around the change depends on timing");
        }
        if (retried > 0 || failed > 0) {
            outcome.timing("retried and failed requests depend on when a dead server was noticed");
        }
        if (faultsDuring.contains("errors")) {
            outcome.timing("ok: which requests a server with an error rate answers 500 is drawn at random on each run");
        }
        if (faultsDuring.contains("frozen")) {
            outcome.timing("how long requests to a frozen server waited, and when it was declared dead, depend on "
                    + "the heartbeats' phase");
        }
        String stem = String.format(Locale.ROOT, "step-%02d-send", step.number());
        Path csv = folder.resolve(stem + ".csv");
        Path png = folder.resolve(stem + ".png");
        ScenarioCharts.writeLoadsCsv(loads, csv);
        ScenarioCharts.stepPng(ScenarioCharts.loads("Step " + step.number() + ": " + step.action().summary(), loads), png);
        outcome.chart(png).file(csv).file(png);
        sends.put("step " + step.number() + (after == null ? "" : " (" + after.config().hash().name() + ", "
                + after.config().virtualNodesPerServer() + " vnode" + (after.config().virtualNodesPerServer() == 1 ? "" : "s")
                + ")"), loads);
    }

    /** The clients' view of the send: median, 99th percentile and slowest request, in ms (always timing). */
    private static void latencies(Delivery[] deliveries, StepOutcome.Builder outcome) {
        if (deliveries.length == 0) {
            return;
        }
        long[] nanos = new long[deliveries.length];
        for (int i = 0; i < deliveries.length; i++) {
            nanos[i] = deliveries[i].latencyNanos();
        }
        java.util.Arrays.sort(nanos);
        outcome.metric("median_ms", nanos[(nanos.length - 1) / 2] / 1e6)
                .metric("p99_ms", nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6)
                .metric("max_ms", nanos[nanos.length - 1] / 1e6);
        outcome.timing("median_ms, p99_ms, max_ms: how long each request took, as measured on this machine");
    }

    /** Sends key i and keeps its delivery at index i, so the order (and the fingerprint) never depends on threads. */
    private Delivery[] deliver(Testbed lab, long[] keys, Action.Send send) {
        Delivery[] deliveries = new Delivery[keys.length];
        long interval = send.rate() > 0 ? 1_000_000_000L / send.rate() : 0;
        long origin = System.nanoTime();
        int threads = send.concurrency();
        Runnable[] shares = new Runnable[threads];
        for (int w = 0; w < threads; w++) {
            int first = w;
            shares[w] = () -> {
                for (int i = first; i < keys.length; i += threads) {
                    if (interval > 0) {
                        sleepUntil(origin + i * interval);
                    }
                    checkStopped();
                    deliveries[i] = lab.send(keys[i]);
                }
            };
        }
        if (threads == 1) {
            shares[0].run();
            return deliveries;
        }
        ExecutorService senders = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "ringlab-scenario-sender");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable share : shares) {
                futures.add(senders.submit(share));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return deliveries;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped");
        } catch (java.util.concurrent.ExecutionException failure) {
            throw failure.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure.getCause());
        } finally {
            senders.shutdownNow();
        }
    }

    private void reshape(Action.Reshape reshape, Testbed lab, StepOutcome.Builder outcome) {
        RingSnapshot before = lab.membership().ring();
        lab.membership().reshape(reshape.ring());
        if (reshape.algorithm() != null) {
            lab.use(reshape.algorithm());
        }
        RingSnapshot after = lab.membership().ring();
        if (before != null && after != null && before.config().slots() == after.config().slots()) {
            int moved = 0;
            for (int slot = 0; slot < after.config().slots(); slot++) {
                if (!before.ownerOfSlot(slot).equals(after.ownerOfSlot(slot))) {
                    moved++;
                }
            }
            outcome.metric("moved_slots", moved);
        }
    }

    private void analyse(Action.Analysis analysis, Step step, StepOutcome.Builder outcome) throws IOException {
        Path stepFolder = folder.resolve(String.format(Locale.ROOT, "step-%02d-analysis", step.number()));
        try {
            AnalysisOutcome result = analysis.plan().run(seed, testbeds, stepFolder, cancel -> {
                cancelAnalysis = cancel;
                if (stopped) {
                    cancel.run();
                }
            });
            outcome.summary(result.summary()).text(result.table());
            result.metrics().forEach(outcome::metric);
            result.charts().forEach(outcome::chart);
            result.files().forEach(outcome::file);
            result.timingNotes().forEach(outcome::timing);
        } finally {
            cancelAnalysis = () -> { };
        }
    }

    private static Table shareTable(List<ServerLoad> loads, RingSnapshot ring) {
        long total = Math.max(1, loads.stream().mapToLong(ServerLoad::requests).sum());
        List<List<String>> rows = new ArrayList<>();
        for (ServerLoad load : loads) {
            String share = "-";
            if (ring != null) {
                for (Server server : ring.servers()) {
                    if (server.name().equals(load.server())) {
                        share = String.format(Locale.ROOT, "%.1f%%", 100 * ring.shareOf(server));
                    }
                }
            }
            rows.add(List.of(load.server(), Figures.number(load.requests()),
                    String.format(Locale.ROOT, "%.1f%%", 100.0 * load.requests() / total), share));
        }
        return new Table("Requests per server", List.of("server", "requests", "share of requests", "share of the ring"), rows);
    }

    private static String versions(RingSnapshot before, RingSnapshot after) {
        return before == null || after == null ? "new snapshot"
                : "ring version " + before.version() + " to " + after.version();
    }

    private void sleepUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            checkStopped();
            LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }

    private void checkStopped() {
        if (stopped || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("stopped");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JDK has SHA-256", missing);
        }
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
