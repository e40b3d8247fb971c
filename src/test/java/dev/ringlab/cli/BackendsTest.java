package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.docker.DockerEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void autoPicksDockerExactlyWhenAnEngineAnswersAndSaysSo() {
        List<String> notes = new ArrayList<>();
        BackendKind picked = Backends.Choice.AUTO.resolve(notes::add);
        boolean engine = DockerEngine.fromEnvironment().answers();
        assertThat(picked).isEqualTo(engine ? BackendKind.DOCKER : BackendKind.PROCESS);
        assertThat(notes).singleElement().asString()
                .startsWith(engine ? "backend: Docker (auto: an engine answers at" : "backend: processes (auto: no Docker engine");
    }

    @Test
    void namedChoicesNeedNoEngineAndSayNothing() {
        List<String> notes = new ArrayList<>();
        assertThat(Backends.Choice.DOCKER.resolve(notes::add)).isEqualTo(BackendKind.DOCKER);
        assertThat(Backends.Choice.PROCESS.resolve(notes::add)).isEqualTo(BackendKind.PROCESS);
        assertThat(Backends.Choice.SIM.resolve(notes::add)).isEqualTo(BackendKind.SIM);
        assertThat(notes).isEmpty();
    }

    @Test
    void anUnknownBackendIsOneLineAndExitTwo() {
        for (String command : List.of("serve", "experiment", "gui")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> args = new ArrayList<>(List.of(command));
            if (command.equals("experiment")) {
                args.add("a1");
            }
            args.addAll(List.of("--backend", "kubernetes"));
            int exit = RingLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(args.toArray(String[]::new));
            assertThat(exit).as(command).isEqualTo(2);
            assertThat(err.toString().strip()).as(command).doesNotContain("\n").contains("unknown backend 'kubernetes'")
                    .contains("docker");
        }
    }

    /**
     * The window's and serve's simulation: a heartbeat waits for a frozen replica as a process's would, so a
     * freeze shorter than the heartbeat timeout is no miss (the window's flap and gray-failure lessons then
     * behave as on processes; with misses at once, hysteresis never kept a flapping server on the ring).
     */
    @Test
    void theSimulationsHeartbeatsWaitForAFrozenReplicaAsAProcesssDo() throws Exception {
        try (dev.ringlab.cluster.Backend sim = Backends.create(BackendKind.SIM,
                dev.ringlab.cluster.HealthMonitor.DEFAULT_INTERVAL, note -> { })) {
            dev.ringlab.cluster.Replica replica = sim.start(new dev.ringlab.ring.Server(1, "Server 1", 1));
            sim.freeze(replica);
            java.util.concurrent.CompletableFuture.delayedExecutor(100, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .execute(() -> sim.thaw(replica));

            assertThat(sim.heartbeat(replica)).as("thawed within the heartbeat's timeout: no miss").isTrue();

            sim.freeze(replica);
            assertThat(sim.heartbeat(replica)).as("frozen past the timeout: a miss").isFalse();
        }
    }
}
