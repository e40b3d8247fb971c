package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.experiment.Analysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentCommandTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RingLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void a1WritesTheTableTheCsvAndTheChart(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("figures");
        Run run = run("experiment", "a1", "--backend", "sim", "--seed", "42", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("A-1: 10,000 requests over 3 servers, assignment hash, seed 42")
                .contains("Server 1").contains("a1.csv");
        List<String> lines = Files.readAllLines(out.resolve("a1.csv"));
        assertThat(lines.get(0)).isEqualTo("server,requests");
        assertThat(lines.subList(1, lines.size()).stream().mapToLong(l -> Long.parseLong(l.split(",")[1])).sum())
                .isEqualTo(10_000);
        assertThat(out.resolve("a1.png")).isNotEmptyFile();
    }

    @Test
    void a2A3AndA4WriteTheirFiles(@TempDir Path dir) throws IOException {
        Run a2 = run("experiment", "a2", "--seed", "7", "--requests", "2000", "--max-servers", "4",
                "--out", dir.resolve("a2").toString());
        Run a3 = run("experiment", "a3", "--seed", "7", "--requests", "3000", "--rate", "3000", "--kill-after-ms", "300",
                "--hash", "murmur3", "--concurrency", "2", "--out", dir.resolve("a3").toString());
        Run a4 = run("experiment", "a4", "--seed", "7", "--requests", "2000", "--out", dir.resolve("a4").toString());

        assertThat(a2.exitCode()).as(a2.err()).isZero();
        assertThat(a2.out()).contains("A-2: 2,000 requests at each N").contains("moved keys");
        assertThat(Files.readAllLines(dir.resolve("a2/a2.csv"))).hasSize(4);
        assertThat(a3.exitCode()).as(a3.err()).isZero();
        assertThat(a3.out()).contains("Server 2 killed").contains("detected after").contains("0 failed");
        assertThat(dir.resolve("a3/a3-events.csv")).isNotEmptyFile();
        assertThat(dir.resolve("a3/a3.png")).isNotEmptyFile();
        assertThat(a4.exitCode()).as(a4.err()).isZero();
        assertThat(a4.out()).contains("assignment: A-1").contains("murmur3: A-2");
        try (Stream<Path> files = Files.list(dir.resolve("a4"))) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("a4-distribution.csv", "a4-scaling.csv", "a4.png");
        }
    }

    @Test
    void withoutASeedOneIsDrawnAndPrinted(@TempDir Path dir) {
        Run run = run("experiment", "a1", "--requests", "100", "--out", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("repeat with --seed \\d+");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--servers 0                      | servers must be at least 1, got 0",
        "--requests -5                    | requests must be between 1 and",
        "--hash sha1                      | unknown hash function 'sha1' (known: assignment, assignment-v2, murmur3)",
        "--vnodes 600                     | virtual nodes per server (600) cannot exceed the number of slots (512)",
        "--probing cubic                  | unknown probing 'cubic'",
        "--backend cloud                  | unknown backend 'cloud' (known: sim, process, docker, swarm, auto)",
        "--concurrency 0                  | concurrency must be between 1 and 256, got 0",
        "--servers 60                     | servers (60) do not fit on a ring of 512 slots",
        "--requests lots                  | '--requests'",
    })
    void badInputIsOneLineExitTwoAndWritesNothing(String flags, String message, @TempDir Path dir) throws IOException {
        assertRefusedWritingNothing(dir, message, "experiment", "a1", flags);
    }

    /** {@code experiment <fixed> <flags> --out dir/figures} is one line on stderr, exit 2, and writes nothing. */
    private static void assertRefusedWritingNothing(Path dir, String message, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command).subList(0, command.length - 1));
        args.addAll(List.of(command[command.length - 1].trim().split(" ")));
        args.addAll(List.of("--out", dir.resolve("figures").toString()));

        Run run = run(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message).startsWith("ringlab: ");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a6 --servers 2                   | a6 needs 3 to 56 servers (one frozen, one slow, one that answers), got 2",
        "a6 --rate 0                      | rate must be between 1 and 5000 requests/s for a6, got 0",
        "a6 --rate 9000                   | rate must be between 1 and 5000 requests/s for a6, got 9000",
        "a6 --duration 1s                 | duration must be between 2 s and 10 min, got 1000 ms",
        "a6 --duration soon               | --duration: 'soon' is not a duration: write it like 500ms, 10s or 2m",
        "a6 --slow-ms 0                   | slow-ms must be within 1..60000 ms, got 0",
        "a6 --slow-ms 60001               | slow-ms must be within 1..60000 ms, got 60001",
        "a6 --try-timeout 5ms             | try-timeout must be between 10 ms and 60 s, got 5 ms",
        "a6 --try-timeout 5               | --try-timeout: '5' is not a duration",
        "a6 --eject-after 0               | eject-after must be between 1 and 1000 failures",
        "a6 --eject-time 6m               | eject-time must be between 10 ms and 5 min, got 360000 ms",
        "flap --servers 1                 | flap needs 2 to 56 servers (one flapping, one that answers), got 1",
        "flap --flap-down 5ms             | flap-down must be between 10 ms and 60 s, got 5 ms",
        "flap --flap-every 1s             | flap-every must be longer than flap-down (1000 ms) and at most the duration (8000 ms), got 1000 ms",
        "flap --flap-every 9s             | flap-every must be longer than flap-down (1000 ms) and at most the duration (8000 ms), got 9000 ms",
        "flap --fall 0                    | fall and rise must be between 1 and 100, got fall 0, rise 2",
        "flap --rise 101                  | fall and rise must be between 1 and 100, got fall 3, rise 101",
        "flap --fall 1 --rise 1           | fall 1 and rise 1 is no hysteresis, what flap's first run has already",
    })
    void badFaultLessonInputIsOneLineExitTwoAndWritesNothing(String flags, String message, @TempDir Path dir)
            throws IOException {
        assertRefusedWritingNothing(dir, message, "experiment", flags);
    }

    @Test
    void a6AndFlapOverATargetSayWhyNot(@TempDir Path dir) {
        for (String analysis : List.of("a6", "flap")) {
            Run run = run("experiment", analysis, "--target", "http://127.0.0.1:9", "--out", dir.resolve("x").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip()).contains(analysis + " sets").contains("run " + analysis + " with --backend")
                    .doesNotContain("\n");
        }
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void a6AndFlapRunOnTheSimulationAndWriteTheirFiles(@TempDir Path dir) throws IOException {
        Run a6 = run("experiment", "a6", "--seed", "3", "--hash", "murmur3", "--duration", "3s", "--rate", "100",
                "--out", dir.toString());
        Run flap = run("experiment", "flap", "--seed", "3", "--hash", "murmur3", "--duration", "4s", "--rate", "100",
                "--out", dir.toString());

        assertThat(a6.exitCode()).as(a6.err()).isZero();
        assertThat(a6.out()).contains("passive health off").contains("passive health on (eject after 3)");
        assertThat(Files.readAllLines(dir.resolve("a6.csv")).get(0))
                .isEqualTo("passive_health,start_ms,end_ms,sent,failed,retried,p50_ms,p99_ms,max_ms");
        assertThat(dir.resolve("a6-events.csv")).isNotEmptyFile();
        assertThat(dir.resolve("a6-summary.csv")).isNotEmptyFile();
        assertThat(dir.resolve("a6.png")).isNotEmptyFile();
        assertThat(flap.exitCode()).as(flap.err()).isZero();
        assertThat(flap.out()).contains("no hysteresis (fall 1, rise 1)").contains("fall 3, rise 2");
        assertThat(Files.readAllLines(dir.resolve("flap.csv"))).hasSize(3);
        assertThat(dir.resolve("flap.png")).isNotEmptyFile();
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsRefusedBeforeRunning(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "a file");

        Run under = run("experiment", "a2", "--out", file.resolve("figures").toString());
        Run onto = run("experiment", "a2", "--out", file.toString());

        assertThat(under.exitCode()).isEqualTo(2);
        assertThat(under.err().strip()).startsWith("ringlab: --out").contains("is not a folder").doesNotContain("\n");
        assertThat(onto.exitCode()).isEqualTo(2);
        assertThat(onto.err().strip()).contains("is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("a file");
    }

    /** Root is told "writable" for /proc; only writing a file there tells the truth, before any run. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void anOutputFolderNoFileCanBeWrittenInIsRefusedBeforeRunning() {
        Run run = run("experiment", "a2", "--out", "/proc/ringlab-figures");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("ringlab: --out '/proc/ringlab-figures' is not writable: cannot write in /proc")
                .doesNotContain("\n");
    }

    /** A path under a plain file, which nobody (root included) can make a folder in; the file is left as it is. */
    @Test
    void anOutputFolderThatCannotBeMadeIsRefusedAndChangesNothing(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        Run run = run("experiment", "a1", "--out", file.resolve("figures").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("ringlab: --out '" + file.resolve("figures") + "' cannot be created: " + file + " is not a folder")
                .doesNotContain("\n");
        assertThat(Files.readString(file)).isEqualTo("mine");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** The probe file is removed: a writable folder is left with only the run's own files. */
    @Test
    void theWritabilityProbeLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Run run = run("experiment", "a1", "--requests", "100", "--seed", "1", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("a1.csv", "a1.png");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a1 --victim busiest             | --victim does not apply to a1; it is for a3, a6, flap",
        "a1 --rate 100                   | --rate does not apply to a1; it is for a3, a6, flap",
        "a1 --slow-ms 100                | --slow-ms does not apply to a1; it is for a6",
        "a6 --fall 2                     | --fall does not apply to a6; it is for flap",
        "a1 --kill-after-ms 10           | --kill-after-ms does not apply to a1; it is for a3",
        "a1 --min-servers 3              | --min-servers does not apply to a1; it is for a2, a4",
        "a2 --servers 4                  | --servers does not apply to a2; it is for a1, a3, a4, a5",
        "a3 --zipf-exponent 1.5          | --zipf-exponent does not apply to a3; it is for a5",
        "a4 --balance-factor 1.5         | --balance-factor does not apply to a4; it is for a5",
        "a7 --servers 3                  | --servers does not apply to a7; it is for a1, a3, a4, a5",
        "a6 --requests 500               | --requests does not apply to a6; it is for a1, a2, a3, a4, a5, a7",
        "flap --requests 500             | --requests does not apply to flap; it is for a1, a2, a3, a4, a5, a7",
        "a6 --concurrency 8              | --concurrency does not apply to a6; it is for a1, a2, a3, a4",
        "a5 --concurrency 8              | --concurrency does not apply to a5; it is for a1, a2, a3, a4",
    })
    void anOptionTheAnalysisDoesNotReadIsRefused(String command, String message, @TempDir Path dir) {
        List<String> args = new ArrayList<>(List.of("experiment"));
        args.addAll(List.of(command.trim().split(" ")));
        args.addAll(List.of("--out", dir.resolve("x").toString()));

        Run run = run(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("ringlab: " + message).doesNotContain("\n");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    /** Every input of every analysis is carried by options the command has: the refusal above cannot miss one. */
    @Test
    void everyInputNamesOptionsTheCommandHas() {
        var command = RingLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().get("experiment").getCommandSpec();
        for (Analysis.Input input : Analysis.Input.values()) {
            assertThat(ExperimentCommand.options(input)).isNotEmpty()
                    .allSatisfy(option -> assertThat(command.findOption(option)).as(option).isNotNull());
        }
    }

    /** The launcher's own process: the docs promise exit 2 for a bad value, and the line names the servers. */
    @Test
    void aVictimThatIsNoServerIsRefusedWithTheServersNamed(@TempDir Path dir) throws Exception {
        Run run = launch("experiment", "a3", "--victim", "nobody", "--servers", "4", "--out", dir.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("ringlab: --victim 'nobody' is none of the 4 servers: give one of "
                + "Server 1, Server 2, Server 3, Server 4, or busiest (see 'ringlab experiment --help')");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aVictimNamedByTheUserIsKilled(@TempDir Path dir) {
        Run run = run("experiment", "a3", "--victim", "Server 3", "--seed", "7", "--requests", "3000", "--rate", "3000",
                "--kill-after-ms", "300", "--hash", "murmur3", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Server 3 killed");
    }

    @Test
    void anUnknownAnalysisIsRefused(@TempDir Path dir) {
        Run run = run("experiment", "a9", "--out", dir.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown analysis 'a9' (known: a1, a2, a3, a4, a5, a6, a7, flap)");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void a5PlacesHotKeysAndWritesItsFiles(@TempDir Path dir) throws Exception {
        Run run = run("experiment", "a5", "--seed", "7", "--requests", "5000", "--servers", "5", "--hash", "murmur3",
                "--zipf-exponent", "1.2", "--key-space", "2000", "--balance-factor", "1.3", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("A-5: 5,000 requests over 5 servers, 2,000 keys, Zipf s 1.20, seed 7")
                .contains("bounded loads' cap: c = 1.30 x mean");
        assertThat(Files.readAllLines(dir.resolve("a5-summary.csv")).get(0))
                .isEqualTo("algorithm,busiest_over_mean,worst_stretch_over_mean,past_first_choice,busiest_server,"
                        + "busiest_requests");
        assertThat(dir.resolve("a5.csv")).isNotEmptyFile();
        assertThat(dir.resolve("a5.png")).isNotEmptyFile();
    }

    @Test
    void a5RefusesASkewOfZeroAndWritesNothing(@TempDir Path dir) {
        Run run = run("experiment", "a5", "--zipf-exponent", "0", "--out", dir.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("ringlab: the Zipf exponent s must be above 0").doesNotContain("\n");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void minMoreThanMaxIsRefused(@TempDir Path dir) {
        Run run = run("experiment", "a2", "--min-servers", "5", "--max-servers", "3", "--out", dir.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("min servers (5) must not exceed max servers (3)");
    }

    /** The jar's real entry point in its own JVM: the exit code reaches the shell. */
    @Test
    void theLauncherExitsWithTwoOnBadInput(@TempDir Path dir) throws Exception {
        Run run = launch("experiment", "a1", "--servers", "0", "--out", dir.resolve("figures").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(
                "ringlab: servers must be at least 1, got 0 (see 'ringlab experiment --help')");
        assertThat(dir.resolve("figures")).doesNotExist();
    }

    /** The jar's entry point in a JVM of its own, as a shell starts it; stdout is dropped. */
    static Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), "", err);
    }
}
