package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.scenario.Action;
import dev.ringlab.scenario.Scenario;
import dev.ringlab.scenario.ScenarioReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Switching the window's backend carries its servers over as they are: the same names (a name of one's
 * own, S5, too), weights and ids, every virtual node on the slot it had, between the simulation and real
 * replica processes and back; a session saved afterwards still names them.
 */
class BackendLineupTest {

    private final LabSession session = new LabSession(new SimBackend(), RingConfig.DEFAULT, 0).start();

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void namesWeightsAndTheRingSurviveASwitchToProcessesAndBack() throws Exception {
        session.add(3).get(10, TimeUnit.SECONDS); // as the window opens
        session.add("S5", 3).get(10, TimeUnit.SECONDS);
        session.remove("Server 2").get(10, TimeUnit.SECONDS);
        RingSnapshot before = session.ring();
        assertThat(before.servers()).extracting(Server::name, Server::weight)
                .containsExactly(tuple("Server 1", 1), tuple("Server 3", 1), tuple("S5", 3));

        session.switchTo(() -> new ProcessBackend(Duration.ofMillis(200))).get(60, TimeUnit.SECONDS);

        assertThat(session.cluster().backend().kind()).isEqualTo(BackendKind.PROCESS);
        assertThat(session.ring().servers()).extracting(Server::id, Server::name, Server::weight)
                .containsExactlyElementsOf(before.servers().stream()
                        .map(server -> tuple(server.id(), server.name(), server.weight())).toList());
        assertThat(session.ring().samePlacementAs(before)).as("every virtual node on its slot").isTrue();
        assertThat(session.send(42).reply().status()).as("a real replica process answers").isEqualTo(200);

        session.switchTo(SimBackend::new).get(60, TimeUnit.SECONDS);

        assertThat(session.cluster().backend().kind()).isEqualTo(BackendKind.SIM);
        assertThat(session.ring().servers()).extracting(Server::name, Server::weight)
                .containsExactly(tuple("Server 1", 1), tuple("Server 3", 1), tuple("S5", 3));
        assertThat(session.ring().samePlacementAs(before)).isTrue();
        session.add(1).get(10, TimeUnit.SECONDS);
        assertThat(session.ring().servers()).extracting(Server::name).as("the id counter came along: Server 5")
                .containsExactly("Server 1", "Server 3", "S5", "Server 5");

        Scenario saved = new ScenarioReader().read("saved.yaml", session.recorder().yaml("after switching"));
        assertThat(saved.backend()).isEqualTo("sim");
        assertThat(saved.servers()).isEqualTo(3);
        assertThat(saved.steps()).extracting(step -> step.action()).containsExactly(
                new Action.Add(1, List.of("S5"), List.of(3)),
                new Action.Remove(List.of("Server 2"), 1),
                new Action.Add(1));
    }
}
