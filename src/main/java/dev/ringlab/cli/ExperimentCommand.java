package dev.ringlab.cli;

import dev.ringlab.experiment.DistributionExperiment;
import dev.ringlab.experiment.DistributionParameters;
import dev.ringlab.experiment.DistributionResult;
import dev.ringlab.experiment.ExperimentFiles;
import dev.ringlab.experiment.FailoverExperiment;
import dev.ringlab.experiment.FailoverParameters;
import dev.ringlab.experiment.FailoverResult;
import dev.ringlab.experiment.HashComparisonExperiment;
import dev.ringlab.experiment.HashComparisonParameters;
import dev.ringlab.experiment.HashComparisonResult;
import dev.ringlab.experiment.HttpTestbed;
import dev.ringlab.experiment.ProgressListener;
import dev.ringlab.experiment.ScalingExperiment;
import dev.ringlab.experiment.ScalingParameters;
import dev.ringlab.experiment.ScalingResult;
import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.RingConfig;
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
 * {@code ringlab experiment a1|a2|a3|a4}: runs one of the classic analyses headless, prints a short
 * table, and writes its charts and figures into {@code --out}. Every value is checked before anything
 * runs or is written.
 */
@Command(name = "experiment",
        mixinStandardHelpOptions = true,
        subcommands = {CompareCommand.class},
        sortOptions = false,
        description = {
            "Runs one of the classic analyses, prints a table, writes PNG and CSV.",
            "  a1  load distribution: requests per server, N servers",
            "  a2  scalability: load per server (mean, min, max, std dev) for each N",
            "  a3  failure: kill a server mid-stream, see it detected and replaced",
            "  a4  modified hash: a1 and a2 under both hash functions, side by side",
            "'experiment compare' sets placement algorithms side by side."})
final class ExperimentCommand implements Callable<Integer> {

    enum Analysis {
        A1, A2, A3, A4;

        /** Names the analyses in lower case, as the usage line does. */
        static final class Converter implements CommandLine.ITypeConverter<Analysis> {
            @Override
            public Analysis convert(String value) {
                for (Analysis analysis : values()) {
                    if (analysis.name().equalsIgnoreCase(value.trim())) {
                        return analysis;
                    }
                }
                throw new CommandLine.TypeConversionException("unknown analysis '" + value + "' (known: a1, a2, a3, a4)");
            }
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Optional to picocli so that 'experiment compare' parses; call() still insists on one.
    @Parameters(index = "0", arity = "0..1", paramLabel = "a1|a2|a3|a4", converter = Analysis.Converter.class,
            description = "which analysis")
    Analysis analysis;

    @Option(names = "--backend", paramLabel = "KIND", defaultValue = "sim", converter = TestbedChoice.Converter.class,
            description = "where the replicas run (default: ${DEFAULT-VALUE})")
    TestbedChoice backend;

    @Option(names = "--target", paramLabel = "URL",
            description = "run against a balancer that already runs (e.g. http://127.0.0.1:5000), over HTTP; a1 and a2 only")
    String target;

    @Option(names = "--admin-token", description = "with --target: the balancer's admin token for /add and /rm")
    String adminToken;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "10000", description = "requests per run (default: ${DEFAULT-VALUE})")
    int requests;


    @Option(names = "--servers", paramLabel = "N", defaultValue = "3", description = "N for a1, a3 and a4's a1 (default: ${DEFAULT-VALUE})")
    int servers;

    @Option(names = "--min-servers", paramLabel = "N", defaultValue = "2", description = "smallest N for a2 (default: ${DEFAULT-VALUE})")
    int minServers;

    @Option(names = "--max-servers", paramLabel = "N", defaultValue = "6", description = "largest N for a2 (default: ${DEFAULT-VALUE})")
    int maxServers;




    @CommandLine.Mixin
    RingOptions ringOptions;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the random request keys (default: a new one, printed)")
    Long seed;

    // 64 in flight: as many as the balancer's own benchmark keeps (bench/wrk.sh); measured in docs/performance.md.
    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "64",
            description = "requests in flight at once (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--rate", paramLabel = "RPS", defaultValue = "2500", description = "a3: requests per second (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--kill-after-ms", paramLabel = "MS", defaultValue = "1000",
            description = "a3: when to kill, from the first request (default: ${DEFAULT-VALUE})")
    long killAfterMillis;

    @Option(names = "--victim", paramLabel = "SERVER", description = "a3: the server to kill (default: the second one)")
    String victim;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "folder for the PNG and CSV files (default: ${DEFAULT-VALUE})")
    String out;

    @Override
    public Integer call() throws IOException {
        if (analysis == null) {
            throw usage("Missing required parameter: 'a1|a2|a3|a4' (or the sub-command 'compare')");
        }
        // Everything is checked before anything runs, so bad input writes nothing.
        Workload workload = checked(() -> new Workload(requests, seed != null ? seed : newSeed(), concurrency));
        RingConfig ring = ringOptions.config();
        Path folder = outputFolder(out, spec.commandLine());
        PrintWriter stdout = spec.commandLine().getOut();
        TestbedFactory testbeds = target == null ? backend.factory() : remoteTestbeds();
        ProgressListener progress = new ProgressLine(spec.commandLine().getErr());
        List<Path> written;
        switch (analysis) {
            case A1 -> {
                DistributionParameters parameters = checked(() -> new DistributionParameters(ring, servers, workload));
                DistributionResult result = new DistributionExperiment(testbeds).run(parameters, progress);
                ResultTable.print(result, stdout);
                written = ExperimentFiles.write(result, folder);
            }
            case A2 -> {
                ScalingParameters parameters = checked(() -> new ScalingParameters(ring, minServers, maxServers, workload));
                ScalingResult result = new ScalingExperiment(testbeds).run(parameters, progress);
                ResultTable.print(result, stdout);
                written = ExperimentFiles.write(result, folder);
            }
            case A3 -> {
                FailoverParameters parameters = checked(() -> new FailoverParameters(ring, servers, workload, rate,
                        Duration.ofMillis(killAfterMillis), victim, FailoverParameters.DEFAULT_BUCKET,
                        FailoverParameters.DEFAULT_SETTLE));
                FailoverResult result = new FailoverExperiment(testbeds).run(parameters, progress);
                ResultTable.print(result, stdout);
                written = ExperimentFiles.write(result, folder);
            }
            case A4 -> {
                HashComparisonParameters parameters = checked(() -> new HashComparisonParameters(ring, servers,
                        minServers, maxServers, workload));
                HashComparisonResult result = new HashComparisonExperiment(testbeds).run(parameters, progress);
                ResultTable.print(result, stdout);
                written = ExperimentFiles.write(result, folder);
            }
            default -> throw new IllegalStateException("unknown analysis " + analysis);
        }
        stdout.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        if (seed == null) {
            stdout.println("repeat with --seed " + workload.seed());
        }
        return 0;
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
        if (analysis == Analysis.A3) {
            throw usage("a3 kills a replica, which a balancer reached with --target cannot do through its API;"
                    + " run a3 with --backend process (or sim)");
        }
        if (analysis == Analysis.A4) {
            throw usage("a4 compares hash functions on rings it builds itself; run it with --backend process (or sim)");
        }
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
        if (!Files.isWritable(existing)) {
            throw new CommandLine.ParameterException(commandLine, "--out '" + out + "' is not writable: cannot write in " + existing);
        }
        return folder;
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
