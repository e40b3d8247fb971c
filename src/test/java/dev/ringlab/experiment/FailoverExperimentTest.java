package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailoverExperimentTest {

    /** 4,000 requests at 2,000/s: the kill at 0.5 s, the health monitor (200 ms, 2 misses) well inside the run. */
    static FailoverParameters parameters(String victim) {
        return new FailoverParameters(RingConfig.DEFAULT.withHash(RingHash.MURMUR3), 3, new Workload(4_000, 42, 2),
                2_000, Duration.ofMillis(500), victim, Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    @Test
    void aKilledServerIsDetectedAndReplacedWhileEveryRequestIsAnswered(@TempDir Path out) throws IOException {
        FailoverResult result = new FailoverExperiment(DistributionExperimentTest.SIM)
                .run(parameters(null), ProgressListener.NONE);

        assertThat(result.victim()).isEqualTo("Server 2");
        assertThat(result.killedAtMillis()).isNotNull().isGreaterThanOrEqualTo(500.0);
        assertThat(result.detectedAtMillis()).isNotNull().isGreaterThan(result.killedAtMillis());
        assertThat(result.replacedAtMillis()).isNotNull().isGreaterThanOrEqualTo(result.detectedAtMillis());
        assertThat(result.replacement()).isEqualTo("Server 4");
        // The dispatcher retries clockwise until the monitor takes the dead server off the ring.
        assertThat(result.sent()).isEqualTo(4_000);
        assertThat(result.failed()).isZero();
        assertThat(result.ok()).isEqualTo(4_000);
        assertThat(result.retried()).isPositive();
        long retriedBeforeKill = result.buckets().stream()
                .filter(bucket -> bucket.endMillis() <= result.killedAtMillis()).mapToLong(TimeBucket::retried).sum();
        assertThat(retriedBeforeKill).isZero();
        assertThat(result.events()).extracting(TimelineEvent::kind).containsSubsequence("killed", "detected", "up");

        List<Path> written = Analyses.A3.finished(result).write(out);
        assertThat(written).extracting(path -> path.getFileName().toString())
                .containsExactly("a3.csv", "a3-events.csv", "a3.png");
        List<CSVRecord> buckets = DistributionExperimentTest.csv(out.resolve("a3.csv"));
        assertThat(buckets.stream().mapToLong(row -> Long.parseLong(row.get("sent"))).sum()).isEqualTo(4_000);
        List<CSVRecord> events = DistributionExperimentTest.csv(out.resolve("a3-events.csv"));
        assertThat(events).extracting(row -> row.get("event")).contains("killed", "detected", "up");
    }

    @Test
    void anUnknownVictimIsRefusedBeforeTheStream() {
        assertThatThrownBy(() -> new FailoverExperiment(DistributionExperimentTest.SIM)
                .run(parameters("Server 9"), ProgressListener.NONE))
                .isInstanceOf(TestbedException.class)
                .hasMessage("no server named 'Server 9' to kill (servers: Server 1, Server 2, Server 3)");
    }

    @Test
    void aKillAfterTheLastRequestIsRefused() {
        assertThatThrownBy(() -> new FailoverParameters(RingConfig.DEFAULT, 3, new Workload(1_000, 1, 1), 1_000,
                Duration.ofSeconds(2), null, Duration.ofMillis(100), Duration.ZERO))
                .hasMessageContaining("would come after the last request");
    }

    @Test
    void cancelStopsARunningStream() throws Exception {
        FailoverExperiment experiment = new FailoverExperiment(DistributionExperimentTest.SIM);
        FailoverParameters slow = new FailoverParameters(RingConfig.DEFAULT, 3, new Workload(100_000, 1, 2), 1_000,
                Duration.ofSeconds(50), null, Duration.ofMillis(100), Duration.ZERO);
        AtomicLong sent = new AtomicLong();
        CompletableFuture<FailoverResult> running = CompletableFuture.supplyAsync(
                () -> experiment.run(slow, progress -> sent.set(progress.done())));
        // Cancel a run that is sending, not one that has not begun.
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.get() > 0);
        assertThat(running).isNotDone();

        experiment.cancel();

        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
    }

    @Test
    void interruptingTheRunningThreadStopsIt() throws Exception {
        DistributionExperiment experiment = new DistributionExperiment(DistributionExperimentTest.SIM);
        Throwable[] thrown = new Throwable[1];
        AtomicLong sent = new AtomicLong();
        Thread runner = new Thread(() -> {
            try {
                experiment.run(new DistributionParameters(RingConfig.DEFAULT, 3,
                        new Workload(Workload.MAX_REQUESTS, 1, 1)), progress -> sent.set(progress.done()));
            } catch (Throwable failure) {
                thrown[0] = failure;
            }
        }, "interrupted-experiment");
        runner.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.get() > 0);
        assertThat(runner.isAlive()).isTrue();

        runner.interrupt();
        runner.join(10_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(thrown[0]).isInstanceOf(CancellationException.class);
    }
}
