package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** Real threads and a real child process, their priorities read back from the kernel. */
class TrafficPriorityTest {

    @Test
    void trafficThreadsAndReplicaProcessesRunAtBackgroundPriorityTheRestDoesNot() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "thread priorities are per thread on Linux only");
        int normal = niceOf(ProcessHandle.current().pid(), threadId());
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Integer> sender = parked("ringlab-experiment-9-sender-1", done);
        CompletableFuture<Integer> bystander = parked("ringlab-test-bystander", done);
        Process replica = new ProcessBuilder("sleep", "60").start();
        try (AutoCloseable priority = TrafficPriority.start()) {
            int senderTid = sender.get(5, TimeUnit.SECONDS);
            long self = ProcessHandle.current().pid();

            awaitNice(() -> niceOf(self, senderTid), TrafficPriority.NICE);
            awaitNice(() -> niceOf(replica.pid(), (int) replica.pid()), TrafficPriority.NICE);
            assertThat(niceOf(self, bystander.get(5, TimeUnit.SECONDS))).isEqualTo(normal);
            assertThat(niceOf(self, threadId())).isEqualTo(normal);
        } finally {
            done.countDown();
            replica.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void trafficIsToldApartByThreadName() {
        assertThat(TrafficPriority.isTraffic("ringlab-experim")).isTrue();
        assertThat(TrafficPriority.isTraffic("balancer-1-1")).isTrue();
        assertThat(TrafficPriority.isTraffic("C2 CompilerThre")).isTrue();
        assertThat(TrafficPriority.isTraffic("JavaFX Applicat")).isFalse();
        assertThat(TrafficPriority.isTraffic("QuantumRenderer")).isFalse();
        assertThat(TrafficPriority.isTraffic("ringlab-chart-r")).isFalse();
        assertThat(TrafficPriority.isTraffic("GC Thread#0")).isFalse();
    }

    /** A thread with this name that says its kernel thread id and waits for {@code done}. */
    private static CompletableFuture<Integer> parked(String name, CountDownLatch done) {
        CompletableFuture<Integer> tid = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            tid.complete(threadId());
            try {
                done.await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return tid;
    }

    private static int threadId() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString(); // "pid/task/tid"
            return Integer.parseInt(link.substring(link.lastIndexOf('/') + 1));
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static int niceOf(long pid, int tid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", Integer.toString(tid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]); // field 19 of proc(5), counted from the state
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static void awaitNice(IntSupplier nice, int expected) {
        await("nice " + expected).atMost(Duration.ofSeconds(5)).until(nice::getAsInt, value -> value == expected);
    }
}
