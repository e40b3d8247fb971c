package dev.ringlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed file is refused before anything starts, naming the file, the line, the step and what was expected. */
class ScenarioReaderTest {

    private static final String HEADER = """
            title: A lesson
            seed: 42
            servers: 3
            steps:
            """;

    private static Scenario read(String text) {
        return new ScenarioReader().read("lesson.yaml", text);
    }

    private static ScenarioFileException refused(String text) {
        try {
            read(text);
        } catch (ScenarioFileException refused) {
            return refused;
        }
        throw new AssertionError("the file was accepted:\n" + text);
    }

    @Test
    void readsEveryKindOfStepWithItsCaptionAndExpectations() {
        Scenario scenario = read("""
                title: Everything
                description: All the steps.
                seed: 7
                backend: process
                ring: {hash: murmur3, slots: 256, vnodes: 4, probing: quadratic, algorithm: maglev}
                servers: 3
                steps:
                  - send: {requests: 500, seed: 3, concurrency: 2, rate: 1000}
                    caption: Three servers.
                    expect: {failed: 0, busiest_over_mean: "< 1.5"}
                  - add: 2
                  - remove: Server 5
                  - remove: 1
                  - kill: Server 2
                  - wait: {until: replaced, server: Server 2, timeout: 5s}
                  - wait: 250ms
                  - ring: {vnodes: 9}
                  - analysis: a1
                    parameters: {servers: 2, requests: 100}
                    expect: {failed: 0}
                """);

        assertThat(scenario.title()).isEqualTo("Everything");
        assertThat(scenario.seed()).isEqualTo(7L);
        assertThat(scenario.backend()).isEqualTo("process");
        assertThat(scenario.ring().slots()).isEqualTo(256);
        assertThat(scenario.ring().hash().name()).isEqualTo("murmur3");
        assertThat(scenario.algorithm().label()).isEqualTo("maglev");
        assertThat(scenario.steps()).extracting(step -> step.action().name())
                .containsExactly("send", "add", "remove", "remove", "kill", "wait", "wait", "ring", "analysis");
        Step send = scenario.steps().get(0);
        assertThat(send.action()).isEqualTo(new Action.Send(500, 3L, 2, 1000));
        assertThat(send.caption()).isEqualTo("Three servers.");
        assertThat(send.line()).isEqualTo(8);
        assertThat(send.expectations()).extracting(Expectation::text)
                .containsExactly("failed == 0", "busiest_over_mean < 1.5");
        assertThat(scenario.steps().get(2).action()).isEqualTo(new Action.Remove(java.util.List.of("Server 5"), 1));
        assertThat(scenario.steps().get(5).action())
                .isEqualTo(new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 2", Duration.ofSeconds(5)));
        assertThat(scenario.steps().get(6).action()).isEqualTo(new Action.Wait(Duration.ofMillis(250), null, null, null));
    }

    @Test
    void anUnknownStepIsNamedWithItsLineAndTheKnownOnes() {
        ScenarioFileException refused = refused(HEADER + """
                  - send: 100
                  - explode: Server 1
                """);

        assertThat(refused.getMessage()).startsWith("lesson.yaml:6: step 2: unknown step 'explode' (known: add, remove, "
                + "kill, freeze, thaw, slow, clear, replacement, wait, send, ring, analysis");
        assertThat(refused.line()).isEqualTo(6);
        assertThat(refused.step()).isEqualTo(2);
    }

    @Test
    void aLessonHoldsTheReplacementOfADeadServerUntilItReleasesIt() {
        Scenario scenario = read(HEADER + """
                  - replacement: hold
                  - kill: Server 2
                  - wait: {until: detected, server: Server 2}
                  - replacement: release
                  - wait: {until: replaced, server: Server 2}
                """);
        assertThat(scenario.steps()).extracting(Step::action).containsExactly(new Action.Replacement(true),
                new Action.Kill("Server 2"), new Action.Wait(null, Action.Wait.Until.DETECTED, "Server 2", Duration.ofSeconds(30)),
                new Action.Replacement(false), new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 2", Duration.ofSeconds(30)));
        assertThat(new Action.Replacement(true).summary()).isEqualTo("hold replacements: a dead server stays dead");

        // waiting for a replacement that is held would only time out: refused before anything starts
        assertThat(refused(HEADER + """
                  - replacement: hold
                  - kill: Server 2
                  - wait: {until: replaced, server: Server 2}
                """).getMessage()).isEqualTo("lesson.yaml:7: step 3 (wait): replacements are held: Server 2 cannot be "
                + "replaced until a step before this one releases them (replacement: release)");
        assertThat(refused(HEADER + "  - replacement: later\n").getMessage())
                .isEqualTo("lesson.yaml:5: step 1 (replacement): 'replacement' must be hold or release, got 'later'");
        assertThat(refused(HEADER + "  - replacement: release\n").getMessage()).isEqualTo(
                "lesson.yaml:5: step 1 (replacement): replacements are not held: no step before this one holds them");
        assertThat(refused(HEADER + "  - replacement: hold\n  - replacement: hold\n").getMessage()).isEqualTo(
                "lesson.yaml:6: step 2 (replacement): replacements are already held by an earlier step");

        // The cluster numbers a held replacement when the release starts it: a server added meanwhile is Server 4,
        // and the replacement, Server 5, cannot be named before the release.
        String held = HEADER + "  - replacement: hold\n  - kill: Server 2\n  - add: 1\n";
        read(held + "  - remove: Server 4\n");
        assertThat(refused(held + "  - remove: Server 5\n").getMessage()).startsWith("lesson.yaml:8: step 4 (remove): "
                + "unknown server 'Server 5' (servers then: Server 1, Server 3, Server 4;");
        read(held + "  - replacement: release\n  - wait: {until: replaced, server: Server 2}\n  - remove: Server 5\n");
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        assertThat(refused(HEADER + "  - send: lots\n").getMessage())
                .isEqualTo("lesson.yaml:5: step 1 (send): 'send' must be a whole number, got the text 'lots'");
        assertThat(refused(HEADER + "  - wait: 5\n").getMessage())
                .isEqualTo("lesson.yaml:5: step 1 (wait): 'wait' must be a duration like 500ms, 2s or 1m, got the number 5");
        assertThat(refused(HEADER + "  - ring: murmur3\n").getMessage())
                .isEqualTo("lesson.yaml:5: step 1 (ring): expected the ring as a map (key: value lines), got the text 'murmur3'");
        assertThat(refused(HEADER + "  - send: 10\n    expect: {failed: none}\n").getMessage())
                .startsWith("lesson.yaml:6: step 1 (send): expectation 'failed' must be a number or a comparison like");
        assertThat(refused(HEADER + "  - kill\n").getMessage())
                .startsWith("lesson.yaml:5: step 1: expected a step: a map with one action");
    }

    @Test
    void aValueOutOfRangeSaysTheRange() {
        assertThat(refused(HEADER + "  - send: 0\n").getMessage())
                .isEqualTo("lesson.yaml:5: step 1 (send): 'send' must be between 1 and 10000000, got 0");
        assertThat(refused(HEADER + "  - remove: 3\n").getMessage())
                .isEqualTo("lesson.yaml:5: step 1 (remove): 'remove' must be between 1 and 2, got 3");
        assertThat(refused(HEADER + "  - wait: 2h\n").getMessage())
                .startsWith("lesson.yaml:5: step 1 (wait): 'wait' must be a duration like");
        assertThat(refused(HEADER + "  - wait: 11m\n").getMessage())
                .isEqualTo("lesson.yaml:5: step 1 (wait): 'wait' must be between 0ms and 600s, got 11m");
        assertThat(refused("title: t\nservers: 0\nsteps:\n  - send: 1\n").getMessage())
                .isEqualTo("lesson.yaml:2: 'servers' must be between 1 and 56, got 0");
        assertThat(refused(HEADER + "  - ring: {vnodes: 200}\n").getMessage())
                .isEqualTo("lesson.yaml:5: step 1 (ring): 3 servers do not fit on a ring of 512 slots with 200 virtual "
                        + "nodes each (at most 2)");
    }

    @Test
    void anUnknownServerIsCheckedAgainstTheServersTheStepsBeforeLeave() {
        assertThat(refused(HEADER + "  - kill: Server 9\n").getMessage())
                .isEqualTo("lesson.yaml:5: step 1 (kill): unknown server 'Server 9' (servers then: Server 1, Server 2, "
                        + "Server 3; the ring has room for 56)");
        // Server 2 was removed by step 1, so step 2 cannot kill it; its replacement names come next.
        assertThat(refused(HEADER + "  - remove: Server 2\n  - kill: Server 2\n").getMessage())
                .startsWith("lesson.yaml:6: step 2 (kill): unknown server 'Server 2' (servers then: Server 1, Server 3;");
        // A killed server's replacement takes the next name: Server 4, which a later step may name.
        read(HEADER + "  - kill: Server 2\n  - wait: {until: replaced, server: Server 2}\n  - remove: Server 4\n");
        assertThat(refused(HEADER + "  - wait: {until: detected, server: Server 1}\n").getMessage())
                .startsWith("lesson.yaml:5: step 1 (wait): unknown server 'Server 1' to wait for: no step before this one kills or freezes it");
    }

    @Test
    void freezeThawSlowAndClearAreReadAndCheckedLikeTheOtherSteps() {
        Scenario scenario = read(HEADER + """
                  - freeze: Server 1
                    caption: Server 1 hangs.
                  - slow: {server: Server 2, latency_ms: 200, error_rate: 0.1}
                  - slow: {server: Server 3, latency_ms: 50}
                  - thaw: Server 1
                  - clear: Server 2
                  - freeze: Server 3
                  - wait: {until: replaced, server: Server 3}
                  - kill: Server 4
                """);

        assertThat(scenario.steps()).extracting(Step::action).containsExactly(
                new Action.Freeze("Server 1"), new Action.Slow("Server 2", 200, 0.1), new Action.Slow("Server 3", 50, 0),
                new Action.Thaw("Server 1"), new Action.Clear("Server 2"), new Action.Freeze("Server 3"),
                new Action.Wait(null, Action.Wait.Until.REPLACED, "Server 3", Duration.ofSeconds(30)),
                new Action.Kill("Server 4"));
        assertThat(scenario.steps().get(0).caption()).isEqualTo("Server 1 hangs.");
        assertThat(scenario.steps().get(1).action().summary()).isEqualTo("slow Server 2: +200 ms, 10% errors");
        assertThat(scenario.steps().get(2).action().summary()).isEqualTo("slow Server 3: +50 ms");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "  - send: 10\\n    expect: {faild: 0}|lesson.yaml:6: step 1 (send): unknown figure 'faild' to expect of send (known: answering, busiest_over_mean",
        "  - send: 10\\n    kill: Server 1|lesson.yaml:6: step 1: one action per step, found both 'send' and 'kill'",
        "  - send: 10\\n    parameters: {a: 1}|lesson.yaml:6: step 1 (send): 'parameters' belongs to an analysis step",
        "  - analysis: a9|lesson.yaml:5: step 1 (analysis): unknown analysis 'a9' (known: a1, a2, a3, a4, a5, a6, a7, flap)",
        "  - analysis: a1\\n    parameters: {servers: 2, speed: 3}|lesson.yaml:6: step 1 (analysis): unknown key 'speed' in the parameters of a1",
        "  - analysis: a3\\n    parameters: {requests: 100, rate: 100, kill_after: 2s}|lesson.yaml:6: step 1 (analysis): the kill after 2000 ms would come after the last request",
        "  - analysis: a1\\n    parameters: {hash: sha1}|lesson.yaml:6: step 1 (analysis): unknown hash function 'sha1' (known: assignment, assignment-v2, murmur3)",
        "  - send: {requests: 10, sede: 3}|lesson.yaml:5: step 1 (send): unknown key 'sede' in the send (known: concurrency, rate, requests, seed)",
        "  - wait: {until: dead, server: Server 1}|lesson.yaml:5: step 1 (wait): 'until' must be detected or replaced, got 'dead'",
        "  - add: 60|lesson.yaml:5: step 1 (add): 'add' must be between 1 and 53, got 60",
        "  - freeze: Server 9|lesson.yaml:5: step 1 (freeze): unknown server 'Server 9' (servers then: Server 1, Server 2, Server 3;",
        "  - freeze: Server 1\\n  - freeze: Server 1|lesson.yaml:6: step 2 (freeze): Server 1 is already frozen by an earlier step",
        "  - thaw: Server 1|lesson.yaml:5: step 1 (thaw): Server 1 is not frozen: no step before this one freezes it",
        "  - freeze: Server 1\\n  - slow: {server: Server 1, latency_ms: 10}|lesson.yaml:6: step 2 (slow): Server 1 is frozen by an earlier step: thaw or clear it first",
        "  - slow: {server: Server 1}|lesson.yaml:5: step 1 (slow): 'slow' needs latency_ms, error_rate or both",
        "  - slow: {server: Server 1, latency_ms: 60001}|lesson.yaml:5: step 1 (slow): 'latency_ms' must be between 0 and 60000, got 60001",
        "  - slow: {server: Server 1, error_rate: 1.5}|lesson.yaml:5: step 1 (slow): 'error_rate' must be between 0 and 1 (a share of the requests), got 1.5",
        "  - slow: {server: Server 1, latency: 10}|lesson.yaml:5: step 1 (slow): unknown key 'latency' in the slow-down (known: error_rate, latency_ms, server)",
        "  - slow: Server 1|lesson.yaml:5: step 1 (slow): expected the slow-down as a map",
        "  - clear: Server 7|lesson.yaml:5: step 1 (clear): unknown server 'Server 7'",
        "  - freeze: Server 1\\n  - wait: {until: detected, server: Server 1}\\n  - thaw: Server 1|lesson.yaml:7: step 3 (thaw): unknown server 'Server 1'",
    })
    void everyOtherMistakeIsRefusedWithItsLine(String steps, String expected) {
        assertThat(refused(HEADER + "  " + steps.replace("\\n", "\n") + "\n").getMessage()).startsWith(expected);
    }

    @Test
    void theHeaderIsCheckedToo() {
        assertThat(refused("servers: 3\nsteps:\n  - send: 1\n").getMessage())
                .isEqualTo("lesson.yaml:1: 'title' is missing from a scenario");
        assertThat(refused("title: t\nservers: 3\nsteps: []\n").getMessage())
                .isEqualTo("lesson.yaml:3: 'steps' must be a list of steps (lines starting with '- '), got a list");
        assertThat(refused("title: t\nbackend: cloud\nservers: 3\nsteps:\n  - send: 1\n").getMessage())
                .isEqualTo("lesson.yaml:2: unknown backend 'cloud' (known: sim, process, docker, auto)");
        assertThat(refused("title: t\nservers: 3\nring: {vnode: 3}\nsteps:\n  - send: 1\n").getMessage())
                .startsWith("lesson.yaml:3: unknown key 'vnode' in the ring (known: algorithm, hash, probing, slots, vnodes)");
        assertThat(refused("title: t\nservers: 3\nring: {algorithm: chord}\nsteps:\n  - send: 1\n").getMessage())
                .startsWith("lesson.yaml:3: unknown algorithm 'chord'");
        assertThat(refused("title: t\nserver: 3\nsteps:\n  - send: 1\n").getMessage())
                .startsWith("lesson.yaml:2: unknown key 'server' in a scenario");
        assertThat(refused("").getMessage()).startsWith("lesson.yaml:1: the file is empty");
    }

    @Test
    void badYamlAndRepeatedKeysAreRefusedWithTheirLine() {
        assertThat(refused(HEADER + "  - send: [1, 2\n  - kill: Server 1\n").getMessage())
                .startsWith("lesson.yaml:").contains("not valid YAML");
        assertThat(refused("title: t\nservers: 3\ntitle: u\nsteps:\n  - send: 1\n").getMessage())
                .isEqualTo("lesson.yaml:3: 'title' is given twice in the map of line 1 (first on line 1)");
    }

    @Test
    void aRehearsalCapsEveryRequestCount() {
        Scenario scenario = new ScenarioReader().withRequestsAtMost(50).read("lesson.yaml", HEADER
                + "  - send: 10000\n  - analysis: a1\n");
        assertThat(scenario.requestCap()).isEqualTo(50);
        assertThat(((Action.Send) scenario.steps().get(0).action()).requests()).isEqualTo(50);
        assertThat(scenario.steps().get(1).action().summary()).startsWith("A-1: load over N servers (50 requests, 3 servers");
    }
}
