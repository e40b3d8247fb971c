package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.scenario.Action;
import dev.ringlab.scenario.Scenario;
import dev.ringlab.scenario.ScenarioReader;
import dev.ringlab.scenario.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File → Save session as scenario after the window's Add with a name and a weight, a plain Add and a
 * Remove: the file starts with the window's first servers and then adds S5 (its weight too) and the next
 * server as steps, so played back in a window it repeats the session, server for server.
 */
class SavedSessionTest {

    @Test
    void aNamedAddAndARemovalAreStepsThatPlayBackIntoTheSameServers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-session.yaml");
        RingSnapshot recorded;
        try (SimulatedWindow teacher = new SimulatedWindow()) {
            LabSession session = teacher.session;
            session.add("S5", 2).get(10, TimeUnit.SECONDS); // the Add dialog: name S5, weight 2
            session.add("", 1).get(10, TimeUnit.SECONDS); // and a plain Add: Server 5
            session.remove("Server 2").get(10, TimeUnit.SECONDS);
            recorded = session.ring();
            ScenarioFiles files = new ScenarioFiles(teacher.lessons(dir), session::recorder, teacher.window.status(),
                    Runnable::run);
            files.save(file).get(10, TimeUnit.SECONDS);
        }
        assertThat(recorded.servers()).extracting(Server::id, Server::name, Server::weight).containsExactly(
                tuple(1, "Server 1", 1), tuple(3, "Server 3", 1), tuple(4, "S5", 2), tuple(5, "Server 5", 1));

        Scenario saved = new ScenarioReader().read(file);

        assertThat(saved.servers()).as(Files.readString(file)).isEqualTo(3);
        assertThat(saved.steps()).extracting(Step::action).containsExactly(
                new Action.Add(2, List.of("S5"), List.of(2, 1)),
                new Action.Remove(List.of("Server 2"), 1));

        try (SimulatedWindow student = new SimulatedWindow()) {
            ScenarioPanelViewModel lesson = student.lessons(dir);
            assertThat(lesson.open(file)).as(lesson.messageProperty().get()).isTrue();
            lesson.play();
            await().atMost(Duration.ofSeconds(30)).until(() -> lesson.headingProperty().get()
                    .startsWith("Last step played"));
            RingSnapshot replayed = student.session.ring();
            assertThat(replayed.servers()).extracting(Server::id, Server::name, Server::weight)
                    .containsExactlyElementsOf(recorded.servers().stream()
                            .map(server -> tuple(server.id(), server.name(), server.weight())).toList());
            assertThat(replayed.samePlacementAs(recorded)).as("every virtual node on the slot it had").isTrue();
            lesson.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> !lesson.runningProperty().get());
        }
    }

    /**
     * A window opened with no servers whose first Add has a name: a scenario's start cannot declare named
     * servers, so the save is refused with why and what to do, not "nothing to save", and nothing is written.
     */
    @Test
    void aSessionWhoseFirstServersHaveNamesIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("named-start.yaml");
        try (SimulatedWindow teacher = new SimulatedWindow(0)) {
            LabSession session = teacher.session;
            session.add("S5", 2).get(10, TimeUnit.SECONDS);
            session.add("", 1).get(10, TimeUnit.SECONDS);
            ScenarioFiles files = new ScenarioFiles(teacher.lessons(dir), session::recorder, teacher.window.status(),
                    Runnable::run);

            assertThat(files.save(file)).failsWithin(Duration.ofSeconds(10));
            assertThat(teacher.window.status().messageProperty().get())
                    .startsWith("Cannot save this session: a scenario starts from plain servers");
        }
        assertThat(file).doesNotExist();
    }
}
