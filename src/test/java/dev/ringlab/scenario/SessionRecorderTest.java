package dev.ringlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.Fault;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.AnalysisInput;
import dev.ringlab.experiment.Workload;
import dev.ringlab.lab.Lab;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's actions, recorded from a real cluster's events and the window's calls, write a file that
 * reads back into the same steps and plays on the simulation: record, write, parse, play.
 */
class SessionRecorderTest {

    private static final RingConfig RING = new RingConfig(512, 9, RingHash.byName("murmur3"),
            dev.ringlab.ring.Probing.LINEAR);

    @Test
    void aRecordedSessionReadsBackIntoTheSameStepsAndPlays(@TempDir Path out) throws IOException {
        List<Action> expected;
        String yaml;
        try (Lab lab = Lab.open(new SimBackend(), RING)) {
            Cluster cluster = lab.cluster();
            lab.startServers(3).watchHealth();
            SessionRecorder recorder = new SessionRecorder("sim", RING, Algorithm.RING, names(cluster), 42,
                    name -> cluster.faultOf(name));
            try (AutoCloseable events = cluster.subscribe(recorder::record)) {
                recorder.sent(1);
                recorder.sent(1); // two clicks of "send one": one step
                cluster.add(1, List.of("S5")); // a hostname of the user's: Server 4 in the file
                cluster.kill("Server 2");
                await().atMost(Duration.ofSeconds(20)).until(() -> names(cluster).size() == 4
                        && !names(cluster).contains("Server 2"));
                cluster.freeze("Server 3");
                await().atMost(Duration.ofSeconds(20)).until(() -> !names(cluster).contains("Server 3")
                        && names(cluster).size() == 4);
                cluster.fault("Server 1", new Fault(120, 0.25));
                cluster.fault("Server 1", Fault.NONE);
                cluster.remove(1, List.of("S5"));
                cluster.reconfigure(new RingConfig(512, 4, RING.hash(), RING.probing()));
                recorder.placement(Algorithm.MAGLEV);
                AnalysisInput a1 = AnalysisInput.defaults(RING, new Workload(500, 9, 1)).withServers(2);
                recorder.suspend(); // the window's analysis borrows the cluster: its reshaping is not the user's
                cluster.reconfigure(RING);
                cluster.reconfigure(new RingConfig(512, 4, RING.hash(), RING.probing()));
                recorder.resume();
                recorder.analysis("a1", a1);
                recorder.sent(5);
                expected = List.of(
                        new Action.Send(2, null, 1, 0),
                        new Action.Add(1),
                        new Action.Kill("Server 2"),
                        new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 2", SessionRecorder.REPLACEMENT_TIMEOUT),
                        new Action.Freeze("Server 3"),
                        new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 3", SessionRecorder.REPLACEMENT_TIMEOUT),
                        new Action.Slow("Server 1", 120, 0.25),
                        new Action.Clear("Server 1"),
                        new Action.Remove(List.of("Server 4"), 1),
                        new Action.Reshape(new RingConfig(512, 4, RING.hash(), RING.probing()), null),
                        new Action.Reshape(new RingConfig(512, 4, RING.hash(), RING.probing()), Algorithm.MAGLEV),
                        new Action.Analysis(RegisteredAnalyses.planOf("a1", a1)),
                        new Action.Send(5, null, 1, 0));
                yaml = recorder.yaml("Tuesday's class");
            } catch (Exception closing) {
                throw new IllegalStateException(closing);
            }
        }
        Path file = out.resolve("session.yaml");
        Files.writeString(file, yaml);

        Scenario read = new ScenarioReader().read(file);

        assertThat(read.title()).isEqualTo("Tuesday's class");
        assertThat(read.seed()).isEqualTo(42L);
        assertThat(read.backend()).isEqualTo("sim");
        assertThat(read.servers()).isEqualTo(3);
        assertThat(read.ring()).isEqualTo(RING);
        assertThat(read.steps()).extracting(Step::action).containsExactlyElementsOf(expected);
        Action.Analysis analysis = (Action.Analysis) read.steps().get(11).action();
        assertThat(analysis.plan().code()).isEqualTo(Analyses.A1.code());
        assertThat(analysis.plan().parameters()).containsEntry("servers", 2).containsEntry("requests", 500)
                .containsEntry("seed", 9L);
        // Written again, it is the same file: nothing is lost or added on the way.
        assertThat(ScenarioWriter.write(read, null)).isEqualTo(ScenarioWriter.write(
                new ScenarioReader().read("again", ScenarioWriter.write(read, null)), null));

        ScenarioRun played = Labs.play(read, Labs.simulation(), "sim", out.resolve("played"));

        assertThat(played.error()).isNull();
        assertThat(played.outcomes()).hasSize(expected.size());
    }

    @Test
    void aServerKilledOutsideTheLabIsPlayedBackAsAKill() throws Exception {
        try (Lab lab = Lab.open(new SimBackend(), RING)) {
            Cluster cluster = lab.cluster();
            lab.startServers(2).watchHealth();
            SessionRecorder recorder = new SessionRecorder("sim", RING, Algorithm.RING, names(cluster), 1,
                    cluster::faultOf);
            try (AutoCloseable events = cluster.subscribe(recorder::record)) {
                Server victim = cluster.ring().servers().get(0);
                cluster.declareDead(victim, "its process exited");
                await().atMost(Duration.ofSeconds(20)).until(() -> names(cluster).size() == 2
                        && !names(cluster).contains(victim.name()));
            }
            Scenario read = new ScenarioReader().read("recorded", recorder.yaml("outside"));
            assertThat(read.steps()).extracting(Step::action).containsExactly(new Action.Kill("Server 1"),
                    new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 1", SessionRecorder.REPLACEMENT_TIMEOUT));
        }
    }

    private static List<String> names(Cluster cluster) {
        return cluster.ring().servers().stream().map(Server::name).toList();
    }
}
