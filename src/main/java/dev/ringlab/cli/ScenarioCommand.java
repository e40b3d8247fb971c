package dev.ringlab.cli;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.scenario.Check;
import dev.ringlab.scenario.Handout;
import dev.ringlab.scenario.Lessons;
import dev.ringlab.scenario.Scenario;
import dev.ringlab.scenario.ScenarioFileException;
import dev.ringlab.scenario.ScenarioPlayer;
import dev.ringlab.scenario.ScenarioReader;
import dev.ringlab.scenario.ScenarioRun;
import dev.ringlab.scenario.Step;
import dev.ringlab.scenario.StepOutcome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ringlab scenario run FILE|LESSON} and {@code ringlab scenario list}: lessons a class can
 * replay. Exit codes: 0 every expectation held, 1 one failed, 2 a bad file or option (nothing ran),
 * 3 the run could not finish (a backend failed, Ctrl-C); the handout is written in every case but 2.
 */
@Command(name = "scenario",
        mixinStandardHelpOptions = true,
        subcommands = {ScenarioCommand.Run.class, ScenarioCommand.ListLessons.class, ScenarioCommand.Show.class},
        description = {"Plays lesson files (YAML) headless and writes a handout (HTML, PNG, CSV).",
            "  run FILE|LESSON   play a file, or a bundled lesson by name",
            "  list              the bundled lessons",
            "  show LESSON       print a bundled lesson's file, to copy and change",
            "The format: docs/scenarios.md."})
final class ScenarioCommand implements Callable<Integer> {

    static final int EXPECTATION_FAILED = 1;
    static final int BAD_FILE = 2;
    static final int RUN_BROKE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Plays a scenario file or bundled lesson and writes its handout into --out.")
    static final class Run implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE|LESSON", description = "a scenario file, or a bundled lesson's name")
        String what;

        @Option(names = "--backend", paramLabel = "KIND", converter = TestbedChoice.Converter.class,
                description = "sim, process, docker or auto (default: the file's backend, else sim)")
        TestbedChoice backend;

        @Option(names = "--out", paramLabel = "DIR", description = "folder for the handout (default: out/<scenario name>)")
        String out;

        @Option(names = "--seed", paramLabel = "S", description = "play with this seed instead of the file's")
        Long seed;

        @Option(names = "--max-requests", paramLabel = "N",
                description = "a quick rehearsal: at most N requests per send and analysis (the handout says so)")
        Integer maxRequests;

        @Override
        public Integer call() throws Exception {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            if (maxRequests != null && maxRequests < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--max-requests must be at least 1, got "
                        + maxRequests);
            }
            ScenarioReader reader = maxRequests == null ? new ScenarioReader()
                    : new ScenarioReader().withRequestsAtMost(maxRequests);
            Scenario scenario;
            try {
                scenario = read(what, reader);
            } catch (ScenarioFileException bad) {
                stderr.println("ringlab: " + bad.getMessage());
                return BAD_FILE;
            }
            Path folder = ExperimentCommand.outputFolder(out != null ? out : "out/" + stem(what), spec.commandLine());
            TestbedChoice chosen = backend != null ? backend : TestbedChoice.byName(scenario.backend());
            if (chosen == TestbedChoice.AUTO) {
                BackendKind kind = Backends.Choice.AUTO.resolve(stderr::println);
                chosen = TestbedChoice.byName(kind.name());
            }
            long playedSeed = seed != null ? seed : scenario.seed() != null ? scenario.seed()
                    : ThreadLocalRandom.current().nextLong(1, 1_000_000);
            TestbedFactory testbeds = chosen.factory();
            ScenarioPlayer player = new ScenarioPlayer(scenario, testbeds, chosen.option(), folder, playedSeed,
                    new Progress(stdout, scenario.steps().size()));
            stdout.println(scenario.title() + " — " + scenario.steps().size() + " steps on " + chosen.option()
                    + ", seed " + playedSeed);
            // Ctrl-C: stop the steps, let the player close every server it started, then let the JVM go.
            CountDownLatch finished = new CountDownLatch(1);
            Thread stopper = new Thread(() -> {
                player.stop();
                try {
                    finished.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }, "ringlab-scenario-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            ScenarioRun run;
            try {
                run = player.play();
                Path handout = new Handout(Version.current()).write(run, folder);
                stdout.println("handout: " + handout);
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it only waited for us
                }
            }
            if (run.error() != null) {
                stderr.println("ringlab: " + run.error());
                return RUN_BROKE;
            }
            if (run.failedChecks() > 0) {
                stdout.println(run.failedChecks() + " of " + run.checks() + " expectations failed");
                return EXPECTATION_FAILED;
            }
            stdout.println(run.checks() == 0 ? "played; no expectations to check" : "all " + run.checks() + " expectations held");
            return 0;
        }

        /** A file if there is one by that name, else a bundled lesson. */
        private static Scenario read(String what, ScenarioReader reader) {
            Path file = null;
            try {
                file = Path.of(what);
            } catch (InvalidPathException notAPath) {
                // not a file: perhaps a lesson
            }
            if (file != null && Files.isRegularFile(file)) {
                return reader.read(file);
            }
            Optional<Lessons.Lesson> lesson = Lessons.find(what, reader);
            if (lesson.isPresent()) {
                return lesson.get().scenario();
            }
            throw new ScenarioFileException(what, 0, 0, null, "no such file, and no bundled lesson of that name (bundled: "
                    + String.join(", ", Lessons.names()) + ")");
        }

        private static String stem(String what) {
            String name = Path.of(what).getFileName().toString();
            return name.replaceFirst("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9_.-]", "-");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the bundled lessons.")
    static final class ListLessons implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Lessons.Lesson lesson : Lessons.all()) {
                out.printf(Locale.ROOT, "%-22s %s (%d steps)%n", lesson.name(), lesson.scenario().title(),
                        lesson.scenario().steps().size());
            }
            out.println("play one: ringlab scenario run NAME [--backend sim|process|docker|auto] [--out DIR]");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints a bundled lesson's file.")
    static final class Show implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LESSON")
        String name;

        @Override
        public Integer call() {
            Optional<String> text = Lessons.source(name);
            if (text.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no bundled lesson '" + name + "' (bundled: "
                        + String.join(", ", Lessons.names()) + ")");
            }
            spec.commandLine().getOut().print(text.get());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** One line per step as it starts, and its checks as it ends. */
    private static final class Progress implements ScenarioPlayer.Listener {
        private final PrintWriter out;
        private final int steps;

        Progress(PrintWriter out, int steps) {
            this.out = out;
            this.steps = steps;
        }

        @Override
        public void stepStarted(Step step) {
            out.println("step " + step.number() + "/" + steps + ": " + step.action().summary());
            out.flush();
        }

        @Override
        public void stepEnded(StepOutcome outcome) {
            if (outcome.error() != null) {
                out.println("  could not be played: " + outcome.error());
            }
            for (Check check : outcome.checks()) {
                out.println("  " + (check.passed() ? "held:   " : "FAILED: ") + check.expectation().text() + " (measured "
                        + (check.actual() == null ? "nothing" : format(check.actual())) + ")");
            }
            out.flush();
        }

        private static String format(double value) {
            return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                    : String.format(Locale.ROOT, "%.3f", value);
        }
    }
}
