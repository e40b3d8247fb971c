package dev.ringlab.cluster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.ChaosRun;
import dev.ringlab.cluster.HealthMonitor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster heals back to its size on real containers killed with the docker CLI, as issue 11's
 * tester did: a server and then its replacement while it starts, five kills 0.3 s apart, all three
 * at once, and a seeded chaos run under a request stream through the balancer. Nothing is left:
 * no container of the run in any state (no {@code Exited (137)}), and no network.
 * {@code -Dringlab.chaos.faults=N} and {@code -Dringlab.recovery.rounds=N} make it longer.
 */
class DockerHealingIT {

    private static final Duration BOUND = Duration.ofSeconds(90);

    @BeforeAll
    static void engine() {
        Engine.require();
    }

    @Test
    void aReplacementKilledWhileItStartsIsRetriedAndNoExitedContainerStays() throws Exception {
        DockerBackend backend = new DockerBackend(Engine.VERSION, HealthMonitor.DEFAULT_INTERVAL, line -> { });
        String run = backend.runId();
        try (ChaosRun chaos = new ChaosRun(backend, outside(run), 3)) {
            // A replacement may be up (on the ring) within a second, quicker than `docker ps` can see it
            // starting: kill again until one is caught while it starts.
            boolean caughtStarting = false;
            for (int attempt = 0; attempt < 5 && !caughtStarting; attempt++) {
                assertThat(chaos.awaitFullSize(BOUND)).as("back to 3: %s", chaos.log()).isTrue();
                chaos.kill(chaos.cluster().ring().servers().get(0));
                caughtStarting = chaos.awaitStarting(Duration.ofSeconds(10)) && chaos.killStarting(new Random(attempt));
            }
            assertThat(caughtStarting).as("a replacement killed while it starts: %s", chaos.log()).isTrue();

            assertThat(chaos.awaitFullSize(BOUND)).as("back to 3: %s", chaos.log()).isTrue();

            assertThat(ChaosRun.await(() -> Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + run).size() == 3,
                    Duration.ofSeconds(20))).as("no exited container stays").isTrue();
            assertThat(chaos.failedWhileAServerLived()).isEmpty();
            assertThat(Engine.docker("network", "ls", "-q", "--filter", "label=" + DockerBackend.RUN_LABEL + "=" + run))
                    .as("the run's own network").hasSize(1);
            String inspect = String.join(" ", Engine.docker("inspect", "--format",
                    "{{.HostConfig.NanoCpus}} {{.HostConfig.NetworkMode}}",
                    Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + run).get(0)));
            assertThat(inspect).isEqualTo(DockerBackend.NANO_CPUS + " ringlab-" + run);
        }
        assertNothingLeft(run);
    }

    @Test
    void oneTwoAllThreeAndFiveQuickKillsAllHealBackToThree() throws Exception {
        int rounds = Integer.getInteger("ringlab.recovery.rounds", 1);
        DockerBackend backend = new DockerBackend(Engine.VERSION, HealthMonitor.DEFAULT_INTERVAL, line -> { });
        String run = backend.runId();
        try (ChaosRun chaos = new ChaosRun(backend, outside(run), 3)) {
            List<String> figures = chaos.recoveryFigures(rounds);
            figures.forEach(line -> System.out.println("recovery (Docker): " + line));
            assertThat(chaos.failedWhileAServerLived()).as("failed requests while a server lived").isEmpty();
        }
        assertNothingLeft(run);
    }

    @Test
    void aSeededChaosRunEndsAtTheDesiredSizeWithoutAFailedRequestOrALeftover() throws Exception {
        long seed = Long.getLong("ringlab.chaos.seed", 11L);
        int faults = Integer.getInteger("ringlab.chaos.faults", 10);
        DockerBackend backend = new DockerBackend(Engine.VERSION, HealthMonitor.DEFAULT_INTERVAL, line -> { });
        String run = backend.runId();
        ChaosRun.Outcome outcome;
        try (ChaosRun chaos = new ChaosRun(backend, outside(run), 3)) {
            outcome = chaos.chaos(seed, faults, Duration.ofMillis(500), 5, BOUND);
            System.out.printf("chaos (Docker): seed %d, %d faults, %d requests, %d failed while a server lived,"
                            + " %d failed with no live server, back to %d servers %s after the last fault%n",
                    seed, faults, outcome.requests(), outcome.failedWhileAServerLived().size(),
                    outcome.failedWithNoServer(), outcome.desired(), outcome.lastFaultToFullSize());
            assertThat(outcome.lastFaultToFullSize()).as("back to full size within %s: %s", BOUND, outcome.log()).isNotNull();
            assertThat(ChaosRun.await(() -> Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + run).size()
                    == outcome.desired(), Duration.ofSeconds(20))).as("no exited container stays").isTrue();
        }
        assertThat(outcome.failedWhileAServerLived()).as("failed requests while a server lived").isEmpty();
        assertThat(outcome.requests()).isPositive();
        assertNothingLeft(run);
    }

    private static void assertNothingLeft(String run) {
        assertThat(Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + run)).as("containers left").isEmpty();
        assertThat(Engine.docker("network", "ls", "-q", "--filter", "label=" + DockerBackend.RUN_LABEL + "=" + run))
                .as("networks left").isEmpty();
    }

    /** The docker CLI, as a person at a terminal: {@code docker ps} and {@code docker kill}. */
    private static ChaosRun.Outside outside(String run) {
        return new ChaosRun.Outside() {
            @Override
            public List<String> running() {
                return Engine.docker("ps", "-q", "--no-trunc", "--filter", "label=" + DockerBackend.RUN_LABEL + "=" + run);
            }

            @Override
            public void kill(String id) {
                try {
                    // Not Engine.docker: a container that died a moment ago makes docker kill fail, which is fine here.
                    Process kill = new ProcessBuilder("docker", "kill", id).redirectErrorStream(true).start();
                    String said = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0 && running().contains(id)) {
                        throw new AssertionError("docker kill " + id + " failed: " + said.strip());
                    }
                } catch (IOException failure) {
                    throw new AssertionError("cannot run docker kill", failure);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
