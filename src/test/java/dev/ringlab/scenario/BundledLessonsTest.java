package dev.ringlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled lesson plays headless and its expectations hold, on the simulation and on real processes. */
class BundledLessonsTest {

    /** On processes every send and analysis is capped, so CI stays short; A-3 still kills after 1 s of 1.2 s. */
    private static final int PROCESS_REQUESTS = 3_000;

    static Stream<String> lessons() {
        return Lessons.names().stream();
    }

    @Test
    void theIndexListsEveryLessonFileAndEveryLessonReads() throws IOException, URISyntaxException {
        Path folder = Path.of(BundledLessonsTest.class.getClassLoader().getResource("lessons").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> bundled = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.substring(0, name.length() - ".yaml".length())).sorted().toList();
            assertThat(Lessons.names()).containsExactlyInAnyOrderElementsOf(bundled)
                    .contains("original-a1-a4", "why-virtual-nodes", "failure-replaced");
        }
        assertThat(Lessons.all()).allSatisfy(lesson -> assertThat(lesson.scenario().steps()).isNotEmpty());
        assertThat(Lessons.find("no-such-lesson")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void playsOnTheSimulation(String name, @TempDir Path out) throws IOException {
        Scenario scenario = Lessons.find(name).orElseThrow().scenario();

        ScenarioRun run = Labs.play(scenario, Labs.simulation(), "sim", out);

        assertThat(run.error()).isNull();
        assertThat(run.outcomes()).hasSameSizeAs(scenario.steps());
        assertThat(run.checks()).isPositive();
        assertThat(run.outcomes()).allSatisfy(outcome -> assertThat(outcome.checks())
                .as("step %d", outcome.step().number()).allMatch(Check::passed));
        assertThat(run.passed()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void playsOnReplicaProcesses(String name, @TempDir Path out) throws IOException {
        Scenario scenario = Lessons.find(name, new ScenarioReader().withRequestsAtMost(PROCESS_REQUESTS)).orElseThrow()
                .scenario();

        ScenarioRun run = Labs.play(scenario, Labs.processes(), "process", out);

        assertThat(run.error()).isNull();
        assertThat(run.outcomes()).allSatisfy(outcome -> assertThat(outcome.checks())
                .as("step %d: %s", outcome.step().number(), outcome.checks()).allMatch(Check::passed));
        // Requests really went over HTTP through the embedded balancer to replica processes.
        assertThat(run.outcomes()).anySatisfy(outcome -> assertThat(outcome.testbed() != null ? outcome.testbed()
                : outcome.text()).contains("processes behind the embedded balancer"));
        assertThat(Labs.replicasStillRunning()).isEmpty();
    }

    /** Same file and seed: the same figures on the simulation, the same routing on real replicas. */
    @Test
    void theSameSeedGivesTheSameFiguresAndTheSameRoutingOnRealReplicas(@TempDir Path out) throws IOException {
        Scenario scenario = Lessons.find("failure-replaced", new ScenarioReader().withRequestsAtMost(PROCESS_REQUESTS))
                .orElseThrow().scenario();

        ScenarioRun first = Labs.play(scenario, Labs.simulation(), "sim", out.resolve("first"));
        ScenarioRun second = Labs.play(scenario, Labs.simulation(), "sim", out.resolve("second"));
        ScenarioRun processes = Labs.play(scenario, Labs.processes(), "process", out.resolve("processes"));

        assertThat(untimed(second)).isEqualTo(untimed(first));
        assertThat(fingerprints(processes)).hasSize(2).isEqualTo(fingerprints(first));
        // Server 2's keys moved, others stayed: the same count on both.
        assertThat(sendFigure(processes, "moved")).isEqualTo(sendFigure(first, "moved")).isPositive();
    }

    /** Every figure of every step, but those the handout says depend on timing. */
    private static List<Map<String, Double>> untimed(ScenarioRun run) {
        return run.outcomes().stream().map(outcome -> {
            Map<String, Double> figures = new java.util.TreeMap<>(outcome.metrics());
            figures.keySet().removeIf(name -> name.endsWith("_ms")); // waits and latencies: the machine's

            if (outcome.step().action() instanceof Action.Wait wait && wait.until() != Action.Wait.Until.REPLACED) {
                figures.remove("servers"); // the handout says: a replacement may or may not have joined yet
            }
            if (outcome.step().action() instanceof Action.Replacement replacement && !replacement.hold()) {
                figures.remove("servers"); // released: the replacement starts at once, and may be up already
            }
            return (Map<String, Double>) figures;
        }).toList();
    }

    private static List<String> fingerprints(ScenarioRun run) {
        return run.outcomes().stream().map(StepOutcome::fingerprint).filter(java.util.Objects::nonNull).toList();
    }

    private static double sendFigure(ScenarioRun run, String figure) {
        return run.outcomes().stream().filter(outcome -> outcome.metrics().containsKey(figure)).findFirst().orElseThrow()
                .metrics().get(figure);
    }
}
