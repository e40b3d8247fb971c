package dev.ringlab.cluster.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.lab.Lab;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.cluster.docker.ChildRun;
import dev.ringlab.cluster.docker.DockerBackend;
import dev.ringlab.cluster.docker.DockerEngine;
import dev.ringlab.cluster.docker.Engine;
import dev.ringlab.ring.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing leaks on Swarm either: SIGTERM removes a run's services; SIGKILL leaves them and the next
 * RingLab reaps them, but never a live run's. And the image tar for other nodes loads.
 */
@ExtendWith(TestSwarm.class)
class SwarmCleanupIT {

    @Test
    void sigtermRemovesTheRunsServicesAndTheirContainers() throws Exception {
        ChildRun child = child();
        assertThat(TestSwarm.servicesLabelled(DockerBackend.RUN_LABEL + "=" + child.run())).containsExactly(child.started());
        child.process().destroy(); // SIGTERM, as Ctrl-C would send
        assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(TestSwarm.servicesLabelled(DockerBackend.RUN_LABEL + "=" + child.run())).isEmpty();
        assertThat(Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + child.run())).isEmpty();
    }

    @Test
    void aRunKilledWithSigkillIsReapedByTheNextRingLabButALiveRunIsNot() throws Exception {
        SwarmBackend live = new SwarmBackend(Engine.VERSION, null, HealthMonitor.DEFAULT_INTERVAL, line -> { });
        try {
            String liveService = live.start(new Server(7, "alive")).backendId();
            ChildRun child = child();
            child.process().destroyForcibly(); // kill -9: no shutdown hook runs
            assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(TestSwarm.servicesLabelled(DockerBackend.RUN_LABEL + "=" + child.run()))
                    .as("left behind by the killed run").containsExactly(child.started());

            List<String> notes = new CopyOnWriteArrayList<>();
            // As serve and the window do: opening a lab reaps what dead runs of its kind left.
            Lab.open(new SwarmBackend(Engine.VERSION, null, HealthMonitor.DEFAULT_INTERVAL, notes::add),
                    RingConfig.DEFAULT).close();
            assertThat(TestSwarm.servicesLabelled(DockerBackend.RUN_LABEL + "=" + child.run())).as("reaped").isEmpty();
            assertThat(notes).anyMatch(note -> note.contains("removed 1 Swarm service(s) left behind"));
            assertThat(TestSwarm.servicesLabelled(DockerBackend.RUN_LABEL + "=" + live.runId()))
                    .as("a live run's service").containsExactly(liveService);
        } finally {
            live.close();
        }
        assertThat(TestSwarm.servicesLabelled(DockerBackend.RUN_LABEL + "=" + live.runId())).isEmpty();
    }

    @Test
    void theImageTarForOtherNodesLoads(@TempDir Path folder) {
        ImageArchive.Saved saved = ImageArchive.save(DockerEngine.fromEnvironment(), Engine.VERSION,
                folder.resolve("replica.tar"), line -> { });
        assertThat(saved.image()).startsWith("ringlab-replica:" + Engine.VERSION + "-");
        assertThat(saved.bytes()).isPositive();
        assertThat(Files.exists(folder.resolve("replica.tar.partial"))).isFalse();
        // Loading it again on this node is harmless and proves the tar carries the name services ask for.
        assertThat(Engine.docker("load", "-i", saved.file().toString())).contains("Loaded image: " + saved.image());
    }

    private static ChildRun child() throws IOException {
        return ChildRun.start(LeftoverSwarmRun.class, Engine.VERSION);
    }
}
