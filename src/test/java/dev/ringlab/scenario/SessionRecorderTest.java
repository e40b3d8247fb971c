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
                cluster.add(1, List.of("S5")); // a hostname of the user's: S5 in the file too, id 4 as played
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
                        new Action.Add(1, List.of("S5"), List.of()),
                        new Action.Kill("Server 2"),
                        new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 2", SessionRecorder.REPLACEMENT_TIMEOUT),
                        new Action.Freeze("Server 3"),
                        new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 3", SessionRecorder.REPLACEMENT_TIMEOUT),
                        new Action.Slow("Server 1", 120, 0.25),
                        new Action.Clear("Server 1"),
                        new Action.Remove(List.of("S5"), 1),
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
            SessionRecorder recorder = recorderOf(cluster, 1);
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

    @Test
    void aKillUnderHoldPlaysBackHeldUntilTheReleaseThenReplaced(@TempDir Path out) throws Exception {
        String yaml;
        List<String> left;
        try (Lab lab = Lab.open(new SimBackend(), RING)) {
            Cluster cluster = lab.cluster();
            lab.startServers(3).watchHealth();
            SessionRecorder recorder = recorderOf(cluster, 7);
            try (AutoCloseable events = cluster.subscribe(recorder::record)) {
                hold(recorder, cluster, true);
                recorder.replacement(true); // the box following the cluster says it again: nothing new
                recorder.suspend(); // an experiment lifts the hold for its run and puts it back: not the teacher's
                hold(recorder, cluster, false);
                hold(recorder, cluster, true);
                recorder.resume();
                cluster.kill("Server 2");
                awaitSteps(recorder, 3);
                assertThat(names(cluster)).containsExactly("Server 1", "Server 3");
                // a newcomer while held takes the next number before the replacement, which gets one at the release
                cluster.add(1, List.of());
                hold(recorder, cluster, false);
                awaitSteps(recorder, 6);
                cluster.remove(1, List.of("Server 4")); // the newcomer, not the replacement
                awaitSteps(recorder, 7);
                left = names(cluster);
                yaml = recorder.yaml("held");
            }
        }
        Scenario read = new ScenarioReader().read("recorded", yaml);
        assertThat(read.steps()).extracting(Step::action).containsExactly(
                new Action.Replacement(true),
                new Action.Kill("Server 2"),
                new Action.Wait(null, Action.Wait.Until.DETECTED, "Server 2", SessionRecorder.REPLACEMENT_TIMEOUT),
                new Action.Add(1),
                new Action.Replacement(false),
                new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 2", SessionRecorder.REPLACEMENT_TIMEOUT),
                new Action.Remove(List.of("Server 4"), 1));
        assertThat(left).containsExactly("Server 1", "Server 3", "Server 5");

        // Played on the simulation: declared dead, Server 2 stays off the ring with nobody in its place for
        // as long as the hold lasts (a replacement takes well under a second there), then Server 5 joins in
        // its place, and the same servers are left as in the session.
        java.util.concurrent.atomic.AtomicReference<dev.ringlab.experiment.Testbed> opened =
                new java.util.concurrent.atomic.AtomicReference<>();
        dev.ringlab.experiment.TestbedFactory simulation = Labs.simulation();
        java.util.Map<Integer, List<String>> serversAfter = new java.util.concurrent.ConcurrentHashMap<>();
        ScenarioPlayer.Listener watch = new ScenarioPlayer.Listener() {
            @Override
            public void stepEnded(StepOutcome outcome) {
                dev.ringlab.experiment.Membership membership = opened.get().membership();
                if (outcome.step().action() instanceof Action.Wait wait && wait.until() == Action.Wait.Until.DETECTED) {
                    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                            .until(() -> membership.servers().equals(List.of("Server 1", "Server 3")));
                }
                serversAfter.put(outcome.step().number(), membership.servers());
            }
        };
        ScenarioRun played = new ScenarioPlayer(read, (ring, servers) -> {
            dev.ringlab.experiment.Testbed testbed = simulation.open(ring, servers);
            opened.set(testbed);
            return testbed;
        }, "sim", out, 7, watch).play();

        assertThat(played.error()).isNull();
        assertThat(played.outcomes()).allSatisfy(outcome -> assertThat(outcome.error()).isNull());
        assertThat(serversAfter.get(3)).containsExactly("Server 1", "Server 3");
        assertThat(serversAfter.get(4)).containsExactly("Server 1", "Server 3", "Server 4");
        assertThat(serversAfter.get(6)).containsExactly("Server 1", "Server 3", "Server 4", "Server 5");
        assertThat(serversAfter.get(7)).isEqualTo(left);
    }

    @Test
    void aHoldThatCameWhileTheReplacementWasStartingWaitsForItBeforeHolding(@TempDir Path out) throws Exception {
        Scenario read = recordedWithGatedReplacements((cluster, recorder, gate) -> {
            cluster.kill("Server 2");
            await().atMost(Duration.ofSeconds(20)).until(() -> cluster.member("Server 4").isPresent());
            hold(recorder, cluster, true); // too late for Server 4, which is starting: it joins all the same
            gate.countDown();
            awaitSteps(recorder, 3);
            cluster.kill("Server 1"); // this one is held
            awaitSteps(recorder, 5);
            hold(recorder, cluster, false);
            awaitSteps(recorder, 7);
        });
        // A played file holds at once: Server 2's replacement is waited for before the hold, as it joined.
        assertThat(read.steps()).extracting(Step::action).containsExactly(
                new Action.Kill("Server 2"),
                new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 2", SessionRecorder.REPLACEMENT_TIMEOUT),
                new Action.Replacement(true),
                new Action.Kill("Server 1"),
                new Action.Wait(null, Action.Wait.Until.DETECTED, "Server 1", SessionRecorder.REPLACEMENT_TIMEOUT),
                new Action.Replacement(false),
                new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 1", SessionRecorder.REPLACEMENT_TIMEOUT));
        assertPlays(read, out); // and every wait of it is met
    }

    @Test
    void aReplacementAnExperimentLetInUnderTheHoldIsReleasedForInTheFile(@TempDir Path out) throws Exception {
        Scenario read = recordedWithGatedReplacements((cluster, recorder, gate) -> {
            hold(recorder, cluster, true);
            cluster.kill("Server 2");
            awaitSteps(recorder, 3);
            recorder.suspend(); // an experiment's run lifts the hold: the held replacement starts
            hold(recorder, cluster, false);
            await().atMost(Duration.ofSeconds(20)).until(() -> cluster.member("Server 4").isPresent());
            hold(recorder, cluster, true);
            recorder.resume();
            gate.countDown();
            awaitSteps(recorder, 6);
        });
        assertThat(read.steps()).extracting(Step::action).containsExactly(
                new Action.Replacement(true),
                new Action.Kill("Server 2"),
                new Action.Wait(null, Action.Wait.Until.DETECTED, "Server 2", SessionRecorder.REPLACEMENT_TIMEOUT),
                new Action.Replacement(false),
                new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 2", SessionRecorder.REPLACEMENT_TIMEOUT),
                new Action.Replacement(true));
        assertPlays(read, out);
    }

    /** What a session does on three servers whose replacements start only once {@code gate} opens. */
    private interface GatedSession {
        void run(Cluster cluster, SessionRecorder recorder, java.util.concurrent.CountDownLatch gate) throws Exception;
    }

    /** The session's file, read back as {@code scenario run} reads it. */
    private static Scenario recordedWithGatedReplacements(GatedSession session) throws Exception {
        StartGate backend = new StartGate(3);
        try (Lab lab = Lab.open(backend, RING)) {
            Cluster cluster = lab.cluster();
            lab.startServers(3).watchHealth();
            SessionRecorder recorder = recorderOf(cluster, 3);
            try (AutoCloseable events = cluster.subscribe(recorder::record)) {
                session.run(cluster, recorder, backend.open);
            }
            return new ScenarioReader().read("recorded", recorder.yaml("gated"));
        }
    }

    /** The cluster's ring changes a moment before its event reaches the recorder: wait for the steps. */
    private static void awaitSteps(SessionRecorder recorder, int steps) {
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.steps() == steps);
    }

    private static void assertPlays(Scenario scenario, Path out) throws IOException {
        ScenarioRun played = Labs.play(scenario, Labs.simulation(), "sim", out);
        assertThat(played.error()).isNull();
        assertThat(played.outcomes()).allSatisfy(outcome -> assertThat(outcome.error()).isNull());
    }

    /** The simulation, whose replacements (servers past the first {@code first}) start only once {@link #open}. */
    private static final class StartGate implements dev.ringlab.cluster.Backend {
        final SimBackend sim = new SimBackend();
        final java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
        private final int first;

        StartGate(int first) {
            this.first = first;
        }

        public dev.ringlab.cluster.BackendKind kind() {
            return sim.kind();
        }

        public dev.ringlab.cluster.Replica start(Server server) {
            try {
                if (server.id() > first && !open.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new dev.ringlab.cluster.BackendException("the gate never opened for " + server.name());
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                throw new dev.ringlab.cluster.BackendException("stopped before " + server.name() + " started");
            }
            return sim.start(server);
        }

        public void stop(dev.ringlab.cluster.Replica replica) {
            sim.stop(replica);
        }

        public void kill(dev.ringlab.cluster.Replica replica) {
            sim.kill(replica);
        }

        public List<dev.ringlab.cluster.Replica> list() {
            return sim.list();
        }

        public dev.ringlab.cluster.ReplicaClient client() {
            return sim.client();
        }

        public void close() {
            open.countDown();
            sim.close();
        }
    }

    /** A recorder of a session on {@code cluster}'s servers, as the window's starts. */
    private static SessionRecorder recorderOf(Cluster cluster, long seed) {
        return new SessionRecorder("sim", RING, Algorithm.RING, names(cluster), seed, cluster::faultOf);
    }

    /** As {@code LabSession.holdReplacements}: the recorder is told first, then the cluster's switch turns. */
    private static void hold(SessionRecorder recorder, Cluster cluster, boolean hold) {
        recorder.replacement(hold);
        cluster.setReplaceDead(!hold);
    }

    private static List<String> names(Cluster cluster) {
        return cluster.ring().servers().stream().map(Server::name).toList();
    }
}
