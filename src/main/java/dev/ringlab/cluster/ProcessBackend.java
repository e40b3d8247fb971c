package dev.ringlab.cluster;

import dev.ringlab.replica.ReplicaLaunch;
import dev.ringlab.replica.ReplicaServer;
import dev.ringlab.ring.Server;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each replica a child process of this Java runtime running {@link ReplicaServer} on a free
 * {@code 127.0.0.1} port. Children carry {@code -Ddev.ringlab.run=<run>} and
 * {@code -Ddev.ringlab.parent=<pid>@<start millis>} on their command line: they end themselves
 * when this process dies, {@link #close} (run by the lab's one shutdown hook on Ctrl-C or SIGTERM)
 * ends them on a normal exit, and {@link #reapDeadRuns} ends the leftovers of any RingLab that is
 * gone (never those of a run that is still alive).
 */
public final class ProcessBackend implements Backend {

    public static final String RUN_PROPERTY = "dev.ringlab.run";
    public static final String PARENT_PROPERTY = "dev.ringlab.parent";
    /** Read by {@link ReplicaServer#main}: the replica exits when this pid does. */
    public static final String EXIT_WITH_PROPERTY = "dev.ringlab.exit-with";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessBackend.class);
    private static final Pattern LISTENING = Pattern.compile("listening on (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String javaCommand;
    private final ReplicaLaunch launch = ReplicaLaunch.here();
    private final String parentMark;
    private final Map<String, Child> children = new ConcurrentHashMap<>();
    private final HttpReplicaClient requests = HttpReplicaClient.forRequests();
    private final HttpReplicaClient heartbeats;
    private volatile boolean closed;
    private volatile Consumer<Replica> deaths;

    public ProcessBackend(Duration heartbeatInterval) {
        ProcessHandle self = ProcessHandle.current();
        this.javaCommand = javaCommand(self);
        this.parentMark = self.pid() + "@" + startMillis(self).orElse(0L);
        this.heartbeats = HttpReplicaClient.forHeartbeats(heartbeatInterval);
    }

    /** Ends the replica processes of RingLabs that are gone; the lab's reaper calls it when a lab opens. */
    @Override
    public int reapDeadRuns() {
        int reaped = reapLeftovers();
        if (reaped > 0) {
            LOG.info("ended {} replica process(es) left behind by a RingLab that is gone", reaped);
        }
        return reaped;
    }

    /** What the children of this backend carry as {@value #RUN_PROPERTY}. */
    public String runId() {
        return runId;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.PROCESS;
    }

    @Override
    public Replica start(Server server) {
        if (closed) {
            throw new BackendException("the process backend is closed");
        }
        List<String> command = launch.command(javaCommand, List.of(
                "-D" + RUN_PROPERTY + "=" + runId,
                "-D" + PARENT_PROPERTY + "=" + parentMark,
                "-D" + EXIT_WITH_PROPERTY + "=" + ProcessHandle.current().pid()), server.name(), 0);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BIND", "127.0.0.1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException failure) {
            throw new BackendException("cannot start a Java process for " + server + ": " + failure.getMessage(), failure);
        }
        int port = awaitPort(server, process);
        Replica replica = new Replica(server, Long.toString(process.pid()), address(port), Instant.now());
        children.put(replica.backendId(), new Child(replica, process));
        // An exit nobody asked for (kill -9, a crash) is news at once, not after missed heartbeats.
        process.onExit().thenRun(() -> {
            Consumer<Replica> listener = deaths;
            if (listener != null && children.containsKey(replica.backendId())) {
                listener.accept(replica);
            }
        });
        if (closed) { // closed while this one was starting: do not leave it behind
            stop(replica);
            throw new BackendException("the process backend closed while " + server + " was starting");
        }
        return replica;
    }

    @Override
    public void stop(Replica replica) {
        Child child = children.remove(replica.backendId());
        if (child != null) {
            stopGracefully(child.process);
        }
    }

    @Override
    public void kill(Replica replica) {
        Child child = children.get(replica.backendId());
        if (child == null) {
            throw new BackendException("no process of " + replica.server() + " is running");
        }
        child.process.destroyForcibly();
    }

    @Override
    public void freeze(Replica replica) {
        ProcessSignal.STOP.send(childOf(replica).process);
    }

    @Override
    public void thaw(Replica replica) {
        ProcessSignal.CONT.send(childOf(replica).process);
    }

    private Child childOf(Replica replica) {
        Child child = children.get(replica.backendId());
        if (child == null || !child.process.isAlive()) {
            throw new BackendException("no process of " + replica.server() + " is running");
        }
        return child;
    }

    @Override
    public List<Replica> list() {
        return children.values().stream().filter(child -> child.process.isAlive()).map(Child::replica).toList();
    }

    @Override
    public ReplicaClient client() {
        return requests;
    }

    /** A replica whose process has exited misses at once; otherwise it must answer {@code /heartbeat}. */
    @Override
    public boolean heartbeat(Replica replica) {
        Child child = children.get(replica.backendId());
        if (child != null && !child.process.isAlive()) {
            return false;
        }
        return heartbeats.heartbeat(replica);
    }

    /** Tells of a child that exits while this backend still counts it as running, as soon as the JVM sees it. */
    @Override
    public AutoCloseable watchDeaths(Consumer<Replica> onDeath) {
        deaths = onDeath;
        return () -> deaths = null;
    }

    /** A child that has exited says with which code; the cluster stops waiting for its first heartbeat. */
    @Override
    public Optional<String> ended(Replica replica) {
        Child child = children.get(replica.backendId());
        if (child == null || child.process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of("exited with code " + child.process.exitValue());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        endAll();
        requests.close();
        heartbeats.close();
    }

    /**
     * Ends every replica process whose RingLab is gone: its recorded parent pid no longer runs, or
     * now belongs to a process that started at another time. Processes of live runs are left alone.
     */
    public static int reapLeftovers() {
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(process -> parentMarkOf(process).map(mark -> !isAlive(mark)).orElse(false))
                .toList();
        orphans.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle orphan : orphans) {
            try {
                orphan.onExit().get(2, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException stillThere) {
                LOG.warn("replica process {} did not end", orphan.pid());
            }
        }
        return orphans.size();
    }

    /** The live processes that carry {@code -Ddev.ringlab.run=runId}. */
    public static List<ProcessHandle> processesOfRun(String runId) {
        String mark = "-D" + RUN_PROPERTY + "=" + runId;
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(args -> List.of(args).contains(mark)).orElse(false))
                .toList();
    }

    private synchronized void endAll() {
        closed = true;
        List<Child> all = new ArrayList<>(children.values());
        children.clear();
        all.forEach(child -> child.process.destroy());
        all.forEach(child -> stopGracefully(child.process));
    }

    /**
     * SIGTERM, then SIGKILL after the grace, and sees the process gone. Cleanup must finish even on an
     * interrupted thread (a scenario or an experiment stopped mid-step closes its lab from there), so
     * the interrupt is set aside while waiting and restored after.
     */
    private static void stopGracefully(Process process) {
        boolean interrupted = Thread.interrupted();
        // A frozen (SIGSTOPped) child would hold SIGTERM until the grace ran out; let it run to take it.
        ProcessSignal.CONT.sendQuietly(process);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException again) {
            process.destroyForcibly();
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The replica prints {@code listening on <port>} once bound; anything else before an exit is its error. */
    private static int awaitPort(Server server, Process process) {
        StringBuilder output = new StringBuilder();
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        return Integer.parseInt(listening.group(1));
                    }
                    synchronized (output) {
                        output.append(line).append(' ');
                    }
                }
                return -1;
            } catch (IOException failure) {
                return -1;
            }
        }, runnable -> {
            Thread reader = new Thread(runnable, "ringlab-replica-start");
            reader.setDaemon(true);
            reader.start();
        });
        try {
            int bound = port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (bound > 0) {
                return bound;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException notBound) {
            // reported below
        }
        // Say what happened: an output that ended means the process exited (killed, or it failed).
        String what = port.isDone() && !port.isCompletedExceptionally() ? exitOf(process)
                : "did not start listening within " + START_TIMEOUT.toSeconds() + " s";
        process.destroyForcibly();
        String said;
        synchronized (output) {
            said = output.toString().trim();
        }
        throw new BackendException("replica process for " + server + " " + what + (said.isEmpty() ? "" : ": " + said));
    }

    /** "exited with code 137 while starting", once the process has ended (its output closed first). */
    private static String exitOf(Process process) {
        try {
            if (process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return "exited with code " + process.exitValue() + " while starting";
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return "closed its output without listening while starting";
    }

    private static Optional<String> parentMarkOf(ProcessHandle process) {
        if (process.pid() == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        String prefix = "-D" + PARENT_PROPERTY + "=";
        return process.info().arguments().flatMap(args -> {
            for (String arg : args) {
                if (arg.startsWith(prefix)) {
                    return Optional.of(arg.substring(prefix.length()));
                }
            }
            return Optional.empty();
        });
    }

    private static boolean isAlive(String parentMark) {
        int at = parentMark.indexOf('@');
        try {
            long pid = Long.parseLong(at < 0 ? parentMark : parentMark.substring(0, at));
            long started = at < 0 ? 0 : Long.parseLong(parentMark.substring(at + 1));
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(parent -> started == 0 || startMillis(parent).map(s -> Math.abs(s - started) < 1000).orElse(true))
                    .orElse(false);
        } catch (NumberFormatException garbled) {
            return true; // not ours to judge
        }
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    private static URI address(int port) {
        try {
            return new URI("http", null, "127.0.0.1", port, null, null, null);
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The {@code java} launcher of this runtime ({@code java.exe} on Windows). Not this process's own
     * command: in an installed package that is the application's launcher, which takes no JVM options.
     */
    private static String javaCommand(ProcessHandle self) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        return Files.isExecutable(java) ? java.toString() : self.info().command().orElse(java.toString());
    }

    private record Child(Replica replica, Process process) {
    }
}
