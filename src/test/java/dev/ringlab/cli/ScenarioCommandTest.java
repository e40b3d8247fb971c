package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ringlab scenario}: the exit codes CI relies on, and nothing written for a bad file. */
class ScenarioCommandTest {

    private static ExperimentCommandTest.Run run(String... args) {
        return ExperimentCommandTest.run(args);
    }

    @Test
    void listNamesEveryBundledLesson() {
        ExperimentCommandTest.Run run = run("scenario", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("original-a1-a4", "The original project's analyses", "why-virtual-nodes",
                "failure-replaced");
    }

    @Test
    void showPrintsALessonsFile() {
        ExperimentCommandTest.Run run = run("scenario", "show", "why-virtual-nodes");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("title: Why virtual nodes", "ring: {vnodes: 100}");
        assertThat(run("scenario", "show", "nope").exitCode()).isEqualTo(2);
    }

    @Test
    void aBundledLessonPlaysByNameAndWritesItsHandout(@TempDir Path dir) {
        Path out = dir.resolve("handout");
        ExperimentCommandTest.Run run = run("scenario", "run", "why-virtual-nodes", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Why virtual nodes — 5 steps on sim, seed 42", "step 5/5: send 10,000 requests",
                "held:   busiest_over_mean < 1.2", "all 4 expectations held");
        assertThat(out.resolve("handout.html")).isNotEmptyFile();
        assertThat(out.resolve("sends-side-by-side.png")).isNotEmptyFile();
    }

    @Test
    void aFailedExpectationIsExitCode1WithTheHandoutWritten(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("strict.yaml"), """
                title: Too strict
                seed: 42
                servers: 3
                steps:
                  - send: 1000
                    expect: {busiest_over_mean: "< 1.01"}
                """);
        Path out = dir.resolve("out");

        ExperimentCommandTest.Run run = run("scenario", "run", file.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED: busiest_over_mean < 1.01 (measured ", "1 of 1 expectations failed");
        assertThat(Files.readString(out.resolve("handout.html"))).contains("1 of 1 expectations failed");
    }

    @Test
    void aBadFileIsExitCode2NamingFileLineAndStepAndWritesNothing(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                title: Bad
                servers: 3
                steps:
                  - send: 100
                  - kill: Server 7
                """);
        Path out = dir.resolve("out");

        ExperimentCommandTest.Run run = run("scenario", "run", file.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ringlab: " + file + ":5: step 2 (kill): unknown server 'Server 7'");
        assertThat(out).doesNotExist();
    }

    @Test
    void neitherAFileNorALessonIsExitCode2() {
        ExperimentCommandTest.Run run = run("scenario", "run", "no-such-lesson");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no-such-lesson: no such file, and no bundled lesson of that name (bundled: "
                + "original-a1-a4, why-virtual-nodes, failure-replaced, hot-keys, gray-failure)");
        assertThat(run("scenario", "run", "why-virtual-nodes", "--max-requests", "0").exitCode()).isEqualTo(2);
        assertThat(run("scenario", "run", "why-virtual-nodes", "--backend", "cloud").exitCode()).isEqualTo(2);
    }

    @Test
    void theBackendAndSeedOfTheCommandLineWin(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        ExperimentCommandTest.Run run = run("scenario", "run", "failure-replaced", "--backend", "process", "--seed", "3",
                "--max-requests", "500", "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("7 steps on process, seed 3");
        assertThat(Files.readString(out.resolve("handout.html"))).contains("<th>Seed</th><td>3</td>",
                "at most 500 requests per send and analysis", "behind the embedded balancer");
    }
}
