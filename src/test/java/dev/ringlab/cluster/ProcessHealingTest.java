package dev.ringlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.ring.Server;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cluster heals back to its size on real replica processes, killed from outside with SIGKILL
 * as issue 11's tester did: a server and then its replacement while it starts, five kills 0.3 s
 * apart, all three at once, and a seeded chaos run under a request stream through the balancer.
 * {@code -Dringlab.chaos.faults=N} makes the chaos run longer, {@code -Dringlab.recovery.rounds=N}
 * repeats each recovery case N times and prints min/median/max.
 */
class ProcessHealingTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    void aReplacementKilledWhileItStartsIsRetriedAndTheDeathIsToldAsItHappened() throws Exception {
        ProcessBackend backend = new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL);
        try (ChaosRun run = new ChaosRun(backend, outside(backend), 3)) {
            Server victim = run.cluster().ring().servers().get(0);
            run.kill(victim);
            assertThat(run.awaitStarting(BOUND)).as("a replacement starts").isTrue();
            assertThat(run.killOne(new Random(1), true)).isTrue();

            assertThat(run.awaitFullSize(BOUND)).as("back to 3: %s", run.log()).isTrue();

            assertThat(run.cluster().ring().size()).isEqualTo(3);
            assertThat(run.log()).anySatisfy(line -> assertThat(line).contains("failed to start")
                    .containsPattern("exited with code \\d+ while starting"));
            assertThat(run.log()).noneMatch(line -> line.contains("within 20 s"));
            assertThat(ChaosRun.await(() -> ProcessBackend.processesOfRun(backend.runId()).size() == 3,
                    Duration.ofSeconds(10))).as("no stray process").isTrue();
            assertThat(run.failedWhileAServerLived()).isEmpty();
        }
        assertThat(ProcessBackend.processesOfRun(backend.runId())).as("left behind").isEmpty();
    }

    @Test
    void oneTwoAllThreeAndFiveQuickKillsAllHealBackToThree() throws Exception {
        int rounds = Integer.getInteger("ringlab.recovery.rounds", 1);
        ProcessBackend backend = new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL);
        try (ChaosRun run = new ChaosRun(backend, outside(backend), 3)) {
            List<String> figures = run.recoveryFigures(rounds);
            figures.forEach(line -> System.out.println("recovery (processes): " + line));
            assertThat(run.failedWhileAServerLived()).as("failed requests while a server lived").isEmpty();
        }
        assertThat(ProcessBackend.processesOfRun(backend.runId())).as("left behind").isEmpty();
    }

    @Test
    void aSeededChaosRunEndsAtTheDesiredSizeWithoutAFailedRequestOrALeftover() throws Exception {
        long seed = Long.getLong("ringlab.chaos.seed", 11L);
        int faults = Integer.getInteger("ringlab.chaos.faults", 12);
        ProcessBackend backend = new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL);
        ChaosRun.Outcome outcome;
        try (ChaosRun run = new ChaosRun(backend, outside(backend), 3)) {
            outcome = run.chaos(seed, faults, Duration.ofMillis(400), 5, BOUND);
            System.out.printf("chaos (processes): seed %d, %d faults, %d requests, %d failed while a server lived,"
                            + " %d failed with no live server, back to %d servers %s after the last fault%n",
                    seed, faults, outcome.requests(), outcome.failedWhileAServerLived().size(),
                    outcome.failedWithNoServer(), outcome.desired(), outcome.lastFaultToFullSize());
            assertThat(outcome.lastFaultToFullSize()).as("back to full size within %s: %s", BOUND, outcome.log()).isNotNull();
            assertThat(ProcessBackend.processesOfRun(backend.runId())).as("no stray process").hasSize(outcome.desired());
        }
        assertThat(outcome.failedWhileAServerLived()).as("failed requests while a server lived").isEmpty();
        assertThat(outcome.requests()).isPositive();
        assertThat(ProcessBackend.processesOfRun(backend.runId())).as("left behind").isEmpty();
    }

    static ChaosRun.Outside outside(ProcessBackend backend) {
        return new ChaosRun.Outside() {
            @Override
            public List<String> running() {
                return ProcessBackend.processesOfRun(backend.runId()).stream()
                        .map(process -> Long.toString(process.pid())).toList();
            }

            @Override
            public void kill(String id) {
                ProcessHandle.of(Long.parseLong(id)).ifPresent(ProcessHandle::destroyForcibly);
            }
        };
    }
}
