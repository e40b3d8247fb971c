package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.ring.RingConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A headless run's last testbed stops behind it, and is gone, replicas and all, when the command ends. */
class BackgroundCloseTest {

    @Test
    void theReplicasOfAClosedTestbedAreGoneOnceTheFactoryCloses() {
        List<ProcessHandle> replicas;
        try (BackgroundClose testbeds = new BackgroundClose(
                HttpTestbed.embedded(() -> new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL)))) {
            List<ProcessHandle> before = ProcessHandle.current().descendants().toList();
            Testbed testbed = testbeds.open(RingConfig.DEFAULT, 2);
            replicas = ProcessHandle.current().descendants().filter(child -> !before.contains(child)).toList();
            assertThat(testbed.send(42).answered()).isTrue();
            assertThat(replicas).hasSizeGreaterThanOrEqualTo(2);

            testbed.close();
        }

        assertThat(replicas).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void theNextTestbedOpensOnlyOnceThePreviousOneHasStopped() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch stopping = new CountDownLatch(1);
        try (BackgroundClose testbeds = new BackgroundClose((ring, servers) -> new Recorded(events, "testbed " + events.size(), stopping))) {
            Testbed first = testbeds.open(RingConfig.DEFAULT, 1);
            first.close();
            assertThat(events).as("close returns before the testbed has stopped").doesNotContain("stopped testbed 0");

            CompletableFuture<Testbed> second = CompletableFuture.supplyAsync(() -> testbeds.open(RingConfig.DEFAULT, 1));
            Awaitility.await("the second open waits").atMost(Duration.ofSeconds(10)).until(() -> events.contains("stopping testbed 0"));
            assertThat(second).isNotDone();

            stopping.countDown();
            second.get(10, TimeUnit.SECONDS).close();
        }

        assertThat(events).containsExactly("stopping testbed 0", "stopped testbed 0", "stopping testbed 2", "stopped testbed 2");
    }

    @Test
    void aFailedStopIsSaidWhenTheCommandEnds() {
        BackgroundClose testbeds = new BackgroundClose((ring, servers) -> new Recorded(List.of(), "x", null) {
            @Override
            public void close() {
                throw new TestbedException("could not stop the testbed: replica 2 did not exit");
            }
        });
        testbeds.open(RingConfig.DEFAULT, 1).close();

        assertThatThrownBy(testbeds::close).isInstanceOf(TestbedException.class).hasMessageContaining("replica 2 did not exit");
    }

    /** A testbed that only says when it stops, and stops when {@code stopping} lets it. */
    private static class Recorded implements Testbed {

        private final List<String> events;
        private final String name;
        private final CountDownLatch stopping;

        Recorded(List<String> events, String name, CountDownLatch stopping) {
            this.events = events;
            this.name = name;
            this.stopping = stopping;
        }

        @Override
        public String description() {
            return name;
        }

        @Override
        public Delivery send(long key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Membership membership() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            events.add("stopping " + name);
            try {
                stopping.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            events.add("stopped " + name);
        }
    }
}
