package dev.ringlab.experiment.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two in-memory rings stand in for two balancers; the second learns of each change late, or never. */
class AgreementRunTest {

    private static final List<Server> THREE = List.of(new Server(1, "Server 1"), new Server(2, "Server 2"),
            new Server(3, "Server 3"));

    @Test
    void aChangeTheSecondRingLearnsLateIsMeasuredUntilBothAgree(@TempDir Path folder) throws Exception {
        AtomicReference<RingSnapshot> first = new AtomicReference<>(RingSnapshot.of(RingConfig.DEFAULT, THREE));
        AtomicReference<RingSnapshot> second = new AtomicReference<>(first.get());
        AtomicInteger looks = new AtomicInteger();
        AgreementRun run = new AgreementRun(first::get, () -> {
            looks.incrementAndGet();
            return second.get();
        }, 2_000, 7, Duration.ofMillis(1), Duration.ofMillis(100), Duration.ofSeconds(30));
        CountDownLatch seenApart = new CountDownLatch(1);
        AgreementReport report = run.run(List.of(
                () -> {
                    // The first balancer adds a server; the second follows once the sampler looked at them
                    // apart a few times and at least 40 ms passed, however slowly this machine runs.
                    first.set(first.get().withServer(new Server(4, "Server 4")));
                    int before = looks.get();
                    long since = System.nanoTime();
                    Thread follower = new Thread(() -> {
                        org.awaitility.Awaitility.await("the sampler saw the rings apart").atMost(java.time.Duration.ofSeconds(60))
                                .pollInterval(java.time.Duration.ofMillis(1))
                                .until(() -> looks.get() >= before + 5 && System.nanoTime() - since >= 40_000_000L);
                        second.set(RingSnapshot.of(RingConfig.DEFAULT, first.get().servers()));
                        seenApart.countDown();
                    });
                    follower.start();
                    return "add Server 4";
                },
                () -> {
                    // Both change at once: no key is ever routed differently.
                    RingSnapshot next = RingSnapshot.of(RingConfig.DEFAULT, THREE);
                    first.set(next);
                    second.set(next);
                    return "remove Server 4";
                }));

        assertThat(seenApart.getCount()).isZero();
        ChangeAgreement late = report.changes().get(0);
        assertThat(late.label()).isEqualTo("add Server 4");
        // Server 4 takes some keys on the first ring only: those are routed differently until the second follows.
        long moved = report.samples().stream().filter(s -> s.change() == 0).mapToInt(AgreementSample::differing).max()
                .orElse(0);
        assertThat(late.maxDiffering()).isEqualTo((int) moved).isPositive().isLessThan(2_000);
        // At least the five looks at the rings apart, each a period after the last (no wall-clock bound).
        assertThat(late.disagreeMillis()).isPositive();
        // the longest stretch is one term of the sum of stretches; both are sums of doubles, so allow rounding
        assertThat(late.longestMillis()).isPositive().isLessThanOrEqualTo(late.disagreeMillis() + 1e-6);
        assertThat(late.stretches()).isEqualTo(1);
        ChangeAgreement together = report.changes().get(1);
        assertThat(together.maxDiffering()).isZero();
        assertThat(together.disagreeMillis()).isZero();
        assertThat(report.disagreeingShare()).isBetween(0.0, 1.0).isPositive();

        List<Path> written = AgreementFiles.write(report, "test", folder);
        assertThat(Files.readString(written.get(0))).startsWith("ms,change,keys_routed_differently")
                .contains(",add Server 4,");
        assertThat(Files.readString(written.get(1))).contains("| add Server 4 | ", "| remove Server 4 | 0 (0.0 %) | 0 | 0 | 0 |");
    }

    @Test
    void ringsThatNeverAgreeEndTheRunWithTheirServers() {
        AtomicReference<RingSnapshot> first = new AtomicReference<>(RingSnapshot.of(RingConfig.DEFAULT, THREE));
        RingSnapshot second = RingSnapshot.of(RingConfig.DEFAULT, THREE.subList(0, 2));
        AgreementRun run = new AgreementRun(first::get, () -> second, 100, 1, Duration.ofMillis(1),
                Duration.ofMillis(10), Duration.ofMillis(300));
        assertThatThrownBy(() -> run.run(List.of(() -> "nothing")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not agree")
                .hasMessageContaining("Server 3");
    }
}
