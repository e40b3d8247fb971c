package dev.ringlab.cluster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.lab.Lab;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing leaks: a run ended by SIGTERM removes its containers itself; a run ended by SIGKILL leaves
 * them, and the next RingLab reaps them, but never a foreign container or one of a live run.
 */
class DockerCleanupIT {

    @BeforeAll
    static void engine() {
        Engine.require();
    }

    @Test
    void sigtermRemovesTheRunsContainers() throws Exception {
        ChildRun child = child();
        assertThat(Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + child.run())).containsExactly(child.started());
        child.process().destroy(); // SIGTERM, as Ctrl-C or `docker stop` would send
        assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + child.run())).isEmpty();
    }

    @Test
    void aRunKilledWithSigkillIsReapedByTheNextRingLabAndNothingElseIs() throws Exception {
        // A live run and a container that is not RingLab's, both there before the killed run.
        DockerBackend live = new DockerBackend(Engine.VERSION, HealthMonitor.DEFAULT_INTERVAL, line -> { });
        String foreign = Engine.docker("run", "-d", "--label", "dev.ringlab.test=foreign", "--read-only",
                "--cap-drop", "ALL", live.image(), "foreign").get(0);
        try {
            String liveContainer = live.start(new Server(7, "alive")).backendId();
            ChildRun child = child();
            child.process().destroyForcibly(); // kill -9: no shutdown hook runs
            assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + child.run()))
                    .as("left behind by the killed run").containsExactly(child.started());

            List<String> notes = new CopyOnWriteArrayList<>();
            DockerBackend next = new DockerBackend(Engine.VERSION, HealthMonitor.DEFAULT_INTERVAL, notes::add);
            try (Lab lab = Lab.open(next, RingConfig.DEFAULT)) {
                assertThat(next.runId()).isNotEqualTo(child.run());
                assertThat(Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + child.run())).as("reaped").isEmpty();
                assertThat(Engine.docker("network", "ls", "-q", "--filter", "label=" + DockerBackend.RUN_LABEL + "="
                        + child.run())).as("the killed run's network, reaped").isEmpty();
                assertThat(notes).anyMatch(note -> note.contains("left behind by a RingLab that is gone"));
                assertThat(Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + live.runId()))
                        .as("a live run's container").containsExactly(liveContainer);
                assertThat(Engine.docker("ps", "-q", "--no-trunc", "--filter", "id=" + foreign))
                        .as("a foreign container").containsExactly(foreign);
            }
        } finally {
            live.close();
            Engine.docker("rm", "-f", foreign);
        }
        assertThat(Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + live.runId())).isEmpty();
    }

    private static ChildRun child() throws IOException {
        return ChildRun.start(LeftoverRun.class, Engine.VERSION);
    }
}
