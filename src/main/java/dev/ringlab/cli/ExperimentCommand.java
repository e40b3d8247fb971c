package dev.ringlab.cli;

import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.AnalysisInput;
import dev.ringlab.experiment.FailoverParameters;
import dev.ringlab.experiment.FaultSettings;
import dev.ringlab.experiment.BackgroundClose;
import dev.ringlab.experiment.HttpTestbed;
import dev.ringlab.experiment.ProgressListener;
import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ringlab experiment a1|a2|…}: runs one of the {@linkplain Analyses analyses} headless, prints a short
 * table, and writes its charts and figures into {@code --out}. Every value is checked before anything
 * runs or is written.
 */
@Command(name = "experiment",
        mixinStandardHelpOptions = true,
        subcommands = {CompareCommand.class, AgreementCommand.class},
        sortOptions = false,
        description = "Runs one of the analyses, prints a table, writes PNG and CSV.")
final class ExperimentCommand implements Callable<Integer> {

    /** Names the analyses in lower case, as the usage line does. */
    static final class AnalysisConverter implements CommandLine.ITypeConverter<Analysis<?, ?>> {
        @Override
        public Analysis<?, ?> convert(String value) {
            return Analyses.byCode(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "unknown analysis '" + value + "' (known: " + Analyses.codes() + ")"));
        }
    }

    CommandLine.Model.CommandSpec spec;

    /** The usage lists the analyses of the registry, so a new one shows up without touching this class. */
    @CommandLine.Spec
    void spec(CommandLine.Model.CommandSpec commandSpec) {
        this.spec = commandSpec;
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("Runs one of the analyses, prints a table, writes PNG and CSV.");
        Analyses.all().forEach(each -> lines.add("  " + each.code() + "  " + each.title()));
        lines.add("'experiment compare' sets placement algorithms side by side.");
        commandSpec.usageMessage().description(lines.toArray(String[]::new));
    }

    // Optional to picocli so that 'experiment compare' parses; call() still insists on one.
    @Parameters(index = "0", arity = "0..1", paramLabel = "ANALYSIS", converter = AnalysisConverter.class,
            description = "which analysis")
    Analysis<?, ?> analysis;

    @Option(names = "--backend", paramLabel = "KIND", defaultValue = "sim", converter = TestbedChoice.Converter.class,
            description = "where the replicas run: sim, process, docker or auto (default: ${DEFAULT-VALUE})")
    TestbedChoice backend;

    @Option(names = "--target", paramLabel = "URL",
            description = "run against a balancer that already runs (e.g. http://127.0.0.1:5000), over HTTP; a1 and a2 only")
    String target;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "with --target: the balancer's admin token for /add and /rm")
    String adminToken;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "10000", description = "requests per run, all but a6 and flap, which pace theirs by --rate and --duration (default: ${DEFAULT-VALUE})")
    int requests;


    @Option(names = "--servers", paramLabel = "N", defaultValue = "3", description = "N for a1, a3, a4 (its a1 part) and a5 (default: ${DEFAULT-VALUE})")
    int servers;

    @Option(names = "--min-servers", paramLabel = "N", defaultValue = "2", description = "smallest N for a2 and a4 (default: ${DEFAULT-VALUE})")
    int minServers;

    @Option(names = "--max-servers", paramLabel = "N", defaultValue = "6", description = "largest N for a2 and a4 (default: ${DEFAULT-VALUE})")
    int maxServers;




    @CommandLine.Mixin
    RingOptions ringOptions;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the random request keys (default: a new one, printed)")
    Long seed;

    // 64 in flight: as many as the balancer's own benchmark keeps (bench/wrk.sh); measured in docs/performance.md.
    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "64",
            description = "a1..a4: requests in flight at once (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--rate", paramLabel = "RPS",
            description = "a3, a6, flap: requests per second (default: 2500 for a3, 200 for a6 and flap)")
    Integer rate;

    @Option(names = "--kill-after-ms", paramLabel = "MS", defaultValue = "1000",
            description = "a3: when to kill, from the first request (default: ${DEFAULT-VALUE})")
    long killAfterMillis;

    @Option(names = "--victim", paramLabel = "SERVER", description = "a3: the server to kill, or 'busiest' for the one most keys go to (default: the second one)")
    String victim;

    @Option(names = "--zipf-exponent", paramLabel = "S", defaultValue = "1.1",
            description = "a5: skew of the hot keys, above 0; 1.1 is typical of web traffic (default: ${DEFAULT-VALUE})")
    double zipfExponent;

    @Option(names = "--key-space", paramLabel = "K", defaultValue = "10000",
            description = "a5: how many distinct keys the requests are drawn from (default: ${DEFAULT-VALUE})")
    int keySpace;

    @Option(names = "--balance-factor", paramLabel = "C", defaultValue = "1.25",
            description = "a5: bounded loads' c, above 1: no server above c times the mean (default: ${DEFAULT-VALUE})")
    double balanceFactor;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "8s",
            description = "a6, flap: how long each run's paced stream lasts, 2 s .. 10 min (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--slow-ms", paramLabel = "MS", defaultValue = "1000",
            description = "a6: latency added to the slow server's /home, 1..60000 ms (default: ${DEFAULT-VALUE})")
    long slowMs;

    @Option(names = "--try-timeout", paramLabel = "TIME", defaultValue = "500ms",
            description = "a6: the balancer's per-try timeout before the next server clockwise, 10 ms .. 60 s (default: ${DEFAULT-VALUE})")
    String tryTimeout;

    @Option(names = "--eject-after", paramLabel = "N", defaultValue = "3",
            description = "a6: passive health's failures in a row before an ejection, 1..1000, in the run with it on (default: ${DEFAULT-VALUE})")
    int ejectAfter;

    @Option(names = "--eject-time", paramLabel = "TIME", defaultValue = "2s",
            description = "a6: how long a first ejection lasts, 10 ms .. 5 min (default: ${DEFAULT-VALUE})")
    String ejectTime;

    @Option(names = "--flap-down", paramLabel = "TIME", defaultValue = "1s",
            description = "flap: how long the flapping server stays frozen each time (default: ${DEFAULT-VALUE})")
    String flapDown;

    @Option(names = "--flap-every", paramLabel = "TIME", defaultValue = "2s",
            description = "flap: how often it goes down, longer than --flap-down (default: ${DEFAULT-VALUE})")
    String flapEvery;

    @Option(names = "--fall", paramLabel = "N", defaultValue = "3",
            description = "flap: heartbeats missed in a row before a server is declared dead, in the run with hysteresis, 1..100 (default: ${DEFAULT-VALUE})")
    int fall;

    @Option(names = "--rise", paramLabel = "N", defaultValue = "2",
            description = "flap: heartbeats answered in a row before its misses are forgotten, 1..100 (default: ${DEFAULT-VALUE})")
    int rise;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "folder for the PNG and CSV files (default: ${DEFAULT-VALUE})")
    String out;

    @Override
    public Integer call() throws IOException {
        if (analysis == null) {
            throw usage("Missing required parameter: one of " + Analyses.codes() + " (or the sub-command 'compare')");
        }
        // Everything is checked before anything runs, so bad input writes nothing.
        refuseOptionsItDoesNotRead();
        Workload workload = checked(() -> new Workload(requests, seed != null ? seed : newSeed(), concurrency));
        RingConfig ring = ringOptions.config();
        Path folder = outputFolder(out, spec.commandLine());
        PrintWriter stdout = spec.commandLine().getOut();
        FaultSettings faults = new FaultSettings(rate != null ? rate : FaultSettings.DEFAULT.rate(),
                duration("--duration", duration), slowMs, duration("--try-timeout", tryTimeout), ejectAfter,
                duration("--eject-time", ejectTime), duration("--flap-down", flapDown), duration("--flap-every", flapEvery),
                fall, rise);
        AnalysisInput input = new AnalysisInput(ring, workload, servers, minServers, maxServers,
                rate != null ? rate : FailoverParameters.DEFAULT_RATE, Duration.ofMillis(killAfterMillis), victim,
                zipfExponent, keySpace, balanceFactor, faults);
        if (target == null) {
            checkVictim();
        }
        ProgressListener progress = new ProgressLine(spec.commandLine().getErr());
        // The last testbed stops while the table, CSV and PNG are written; the command ends after both.
        try (BackgroundClose testbeds = new BackgroundClose(target == null ? backend.factory() : remoteTestbeds())) {
            Analysis<?, ?>.Prepared prepared = checked(() -> analysis.prepare(input, testbeds));
            Analysis<?, ?>.Finished finished = prepared.run(progress);
            finished.printTable(stdout);
            List<Path> written = finished.write(folder);
            stdout.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
            if (seed == null) {
                stdout.println("repeat with --seed " + workload.seed());
            }
        }
        return 0;
    }

    /**
     * The options an analysis input is given by. The switch has no default, so a new input cannot
     * be added without saying which options carry it, and the refusal below stays true.
     */
    static List<String> options(Analysis.Input input) {
        return switch (input) {
            case REQUESTS -> List.of("--requests");
            case CONCURRENCY -> List.of("--concurrency");
            case SERVERS -> List.of("--servers");
            case SERVER_RANGE -> List.of("--min-servers", "--max-servers");
            case FAILURE -> List.of("--rate", "--kill-after-ms", "--victim");
            case HOT_KEYS -> List.of("--zipf-exponent", "--key-space");
            case LOAD_FACTOR -> List.of("--balance-factor");
            case GRAY_FAILURE -> List.of("--rate", "--victim", "--duration", "--slow-ms", "--try-timeout", "--eject-after",
                    "--eject-time");
            case FLAPPING -> List.of("--rate", "--victim", "--duration", "--try-timeout", "--flap-down", "--flap-every",
                    "--fall", "--rise");
        };
    }

    /** An option the analysis would ignore is refused, so nobody believes a run used a value it did not. */
    private void refuseOptionsItDoesNotRead() {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        // An option several inputs share (--rate: A-3's failure and A-6's pace) applies when any of them is used.
        java.util.Set<String> read = new java.util.HashSet<>();
        analysis.inputs().forEach(input -> read.addAll(options(input)));
        for (Analysis.Input input : Analysis.Input.values()) {
            if (analysis.uses(input)) {
                continue;
            }
            for (String option : options(input)) {
                if (given.hasMatchedOption(option) && !read.contains(option)) {
                    String readers = Analyses.all().stream()
                            .filter(each -> each.inputs().stream().anyMatch(used -> options(used).contains(option)))
                            .map(Analysis::code).collect(java.util.stream.Collectors.joining(", "));
                    throw usage(option + " does not apply to " + analysis.code() + "; it is for " + readers);
                }
            }
        }
    }

    /**
     * A fresh testbed names its servers as a cluster does when given no names, so a victim that is
     * none of them is refused here, in a second, rather than after the replicas have started.
     */
    private void checkVictim() {
        if (!analysis.uses(Analysis.Input.FAILURE) || victim == null || victim.isBlank()
                || victim.trim().equals(FailoverParameters.BUSIEST)) {
            return;
        }
        List<String> names = java.util.stream.IntStream.rangeClosed(1, servers).mapToObj(Server::defaultName).toList();
        if (!names.contains(victim.trim())) {
            throw usage("--victim '" + victim + "' is none of the " + servers + " servers: give one of "
                    + String.join(", ", names) + ", or " + FailoverParameters.BUSIEST);
        }
    }

    /**
     * A balancer reached by URL keeps its own ring and offers no way to crash a replica, so only the
     * analyses that send requests and resize through /add and /rm run against it.
     */
    private TestbedFactory remoteTestbeds() {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        for (String ringOption : java.util.stream.Stream.concat(java.util.stream.Stream.of("--backend"),
                RingOptions.NAMES.stream()).toList()) {
            if (given.hasMatchedOption(ringOption)) {
                throw usage(ringOption + " cannot be combined with --target: the balancer at " + target
                        + " keeps the replicas and ring it was started with");
            }
        }
        analysis.refusalOverApi().ifPresent(refusal -> {
            throw usage(refusal);
        });
        URI url;
        try {
            url = new URI(target);
        } catch (URISyntaxException invalid) {
            throw usage("--target '" + target + "' is not a URL: " + invalid.getReason());
        }
        if (!"http".equals(url.getScheme()) || url.getHost() == null
                || (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/"))
                || url.getRawQuery() != null) {
            throw usage("--target '" + target + "' must be a balancer's base URL like http://127.0.0.1:5000");
        }
        String base = "http://" + url.getRawAuthority();
        return HttpTestbed.remote(URI.create(base), adminToken);
    }

    /** The output folder, if it is one or can become one; nothing is created yet. Shared with 'compare'. */
    static Path outputFolder(String out, CommandLine commandLine) {
        Path folder;
        try {
            folder = Path.of(out);
        } catch (InvalidPathException invalid) {
            throw new CommandLine.ParameterException(commandLine, "--out '" + out + "' is not a valid path");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(commandLine, "--out '" + out + "' is a file, not a folder");
        }
        Path existing = folder.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new CommandLine.ParameterException(commandLine, "--out '" + out + "' cannot be created: " + existing + " is not a folder");
        }
        // Asking isWritable is not enough: root is told yes for /proc and for a read-only mount, and the
        // run would then end with a bare path after all its work. Writing a file is the only honest test.
        try {
            Files.delete(Files.createTempFile(existing, ".ringlab-probe-", ".tmp"));
        } catch (IOException | UnsupportedOperationException | SecurityException refused) {
            throw new CommandLine.ParameterException(commandLine, "--out '" + out + "' is not writable: cannot write in "
                    + existing + " (" + why(refused) + ")");
        }
        return folder;
    }

    /** A time like 500ms, 8s or 2m, or a one-line error naming the option. */
    private Duration duration(String option, String text) {
        try {
            return dev.ringlab.balancer.ClientTimeouts.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw usage(option + ": " + invalid.getMessage());
        }
    }

    /** The operating system's words for a refusal ("Read-only file system"), without the path again. */
    private static String why(Exception refused) {
        if (refused instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (refused instanceof java.nio.file.FileSystemException failed && failed.getReason() != null) {
            return failed.getReason();
        }
        return "no file can be created there";
    }

    private <T> T checked(java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException invalid) {
            throw usage(invalid.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static long newSeed() {
        return ThreadLocalRandom.current().nextLong(1, 1_000_000);
    }
}
