package dev.ringlab.ui;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the window smooth while it saturates the machine with its own traffic. An experiment drives
 * the CPU to 100 %: senders, the balancer, the replicas and the JIT compiling them all want a core,
 * and the FX renderer, one thread among a dozen busy ones, got a fifth of a core and took 100 ms to
 * paint a chart. So, on Linux, the window runs that traffic at background priority ({@value #NICE})
 * while its own threads (FX, renderer, chart drawing) and the garbage collector stay at normal
 * priority: under contention the scheduler serves the window first, and when the window is idle the
 * traffic still has every core, so experiments take as long as headless ones.
 *
 * <p>Threads come and go (a run starts its senders, the health monitor replaces a replica), so a
 * sweep every {@value #SWEEP_MILLIS} ms lowers what is new: threads of this JVM named as traffic, and
 * every thread of the replica processes this JVM started. Containers are left to Docker. Nothing
 * here can fail the window: where {@code setpriority} is missing the sweep stops and says so once.
 */
final class TrafficPriority implements AutoCloseable {

    /** A nice value the scheduler weighs at about a tenth of a normal thread. */
    static final int NICE = 10;
    static final long SWEEP_MILLIS = 200;

    /**
     * Thread names (as the kernel keeps them, cut to 15 characters) of this JVM's traffic: experiment
     * senders and killers, the balancer's event loops, HTTP clients, cluster and health work, and the
     * JIT compilers, which compile mostly that traffic's code during a run.
     */
    private static final List<String> TRAFFIC = List.of("ringlab-experim", "balancer", "OkHttp", "Okio",
            "ringlab-heartbe", "ringlab-starter", "ringlab-replica", "ringlab-window-", "C1 CompilerThre",
            "C2 CompilerThre", "process reaper");

    private static final Logger LOG = LoggerFactory.getLogger(TrafficPriority.class);
    private static final int PRIO_PROCESS = 0;

    private interface LibC extends Library {
        int setpriority(int which, int who, int prio);
    }

    private final LibC libc;
    /** Threads already looked at, traffic or not: each is named and lowered once. */
    private final Set<Integer> seen = new HashSet<>();
    private final ScheduledExecutorService sweeper;

    private TrafficPriority(LibC libc) {
        this.libc = libc;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ringlab-priority");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweepSafely, 0, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts sweeping, or does nothing where threads have no priority of their own to set (not Linux). */
    static AutoCloseable start() {
        if (!Files.isDirectory(Path.of("/proc/self/task"))) {
            return () -> { };
        }
        try {
            return new TrafficPriority(Native.load("c", LibC.class));
        } catch (LinkageError | RuntimeException missing) { // no libc or no JNA native part (a noexec temp dir)
            LOG.info("the window's traffic runs at normal priority: {}", missing.toString());
            return () -> { };
        }
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException failure) {
            LOG.info("the window's traffic stays at its priority: {}", failure.toString());
            sweeper.shutdown();
        }
    }

    private void sweep() { // on the sweeper thread only
        long self = ProcessHandle.current().pid();
        Set<Integer> alive = new HashSet<>();
        for (Integer tid : threadsOf(self)) {
            alive.add(tid);
            if (seen.add(tid) && isTraffic(name(self, tid))) {
                lower(tid);
            }
        }
        ProcessHandle.current().descendants().forEach(replica -> {
            for (Integer tid : threadsOf(replica.pid())) {
                alive.add(tid);
                if (seen.add(tid)) {
                    lower(tid);
                }
            }
        });
        // thread ids are reused: a new thread with an old id is looked at again
        seen.retainAll(alive);
    }

    static boolean isTraffic(String threadName) {
        return TRAFFIC.stream().anyMatch(threadName::startsWith);
    }

    private void lower(int tid) {
        // setpriority(PRIO_PROCESS, tid) on Linux sets the one thread: the rest of its process keeps its own.
        // A thread that ended meanwhile fails with ESRCH, which is fine.
        libc.setpriority(PRIO_PROCESS, tid, NICE);
    }

    private static List<Integer> threadsOf(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(task -> Integer.valueOf(task.getFileName().toString())).toList();
        } catch (IOException | RuntimeException gone) {
            return List.of(); // the process ended between listing and reading
        }
    }

    private static String name(long pid, int tid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "task", Integer.toString(tid), "comm"))
                    .strip();
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
