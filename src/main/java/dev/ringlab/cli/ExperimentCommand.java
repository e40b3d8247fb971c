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
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
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
        sortOptions = false,
        description = {
            "Runs one of the classic analyses and writes PNG charts and CSV figures:",
            "  a1  load distribution: requests per server for N servers",
            "  a2  scalability: mean, min, max and std dev of the load per server, N from min to max",
            "  a3  failure and recovery: kill a server mid-stream, watch it detected and replaced",
            "  a4  the modified hash: a1 and a2 under assignment and murmur3, side by side"})
final class ExperimentCommand implements Callable<Integer> {

    enum Analysis { A1, A2, A3, A4 }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "a1|a2|a3|a4", description = "which analysis")
    Analysis analysis;

    @Option(names = "--backend", defaultValue = "sim", converter = TestbedChoice.Converter.class,
            description = "where the replicas run (default: ${DEFAULT-VALUE})")
    TestbedChoice backend;

    @Option(names = "--target", paramLabel = "URL",
            description = "run against a balancer that already runs (e.g. http://127.0.0.1:5000), over HTTP; a1 and a2 only")
    String target;

    @Option(names = "--admin-token", description = "with --target: the balancer's admin token for /add and /rm")
    String adminToken;

    @Option(names = "--requests", defaultValue = "10000", description = "requests per run (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--hash", defaultValue = "assignment", description = "assignment or murmur3 (default: ${DEFAULT-VALUE})")
    String hash;

    @Option(names = "--servers", defaultValue = "3", description = "N for a1, a3 and a4's a1 (default: ${DEFAULT-VALUE})")
    int servers;

    @Option(names = "--min-servers", defaultValue = "2", description = "smallest N for a2 (default: ${DEFAULT-VALUE})")
    int minServers;

    @Option(names = "--max-servers", defaultValue = "6", description = "largest N for a2 (default: ${DEFAULT-VALUE})")
    int maxServers;

    @Option(names = "--slots", defaultValue = "512", description = "slots on the ring (default: ${DEFAULT-VALUE})")
    int slots;

    @Option(names = "--vnodes", defaultValue = "9", description = "virtual nodes per server (default: ${DEFAULT-VALUE})")
    int vnodes;

    @Option(names = "--probing", defaultValue = "linear", description = "linear or quadratic (default: ${DEFAULT-VALUE})")
    String probing;

    @Option(names = "--seed", description = "seed of the random request keys (default: a new one, printed)")
    Long seed;

    @Option(names = "--concurrency", defaultValue = "1", description = "threads sending (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--rate", defaultValue = "2500", description = "a3: requests per second (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--kill-after-ms", defaultValue = "1000",
            description = "a3: when to kill, from the first request (default: ${DEFAULT-VALUE})")
    long killAfterMillis;

    @Option(names = "--victim", description = "a3: the server to kill (default: the second one)")
    String victim;

    @Option(names = "--out", defaultValue = "out", description = "folder for the PNG and CSV files (default: ${DEFAULT-VALUE})")
    String out;

    @Override
    public Integer call() throws IOException {
        // Everything is checked before anything runs, so bad input writes nothing.
        Workload workload = checked(() -> new Workload(requests, seed != null ? seed : newSeed(), concurrency));
        RingConfig ring = checked(() -> new RingConfig(slots, vnodes, RingHash.byName(hash), Probing.byName(probing)));
        Path folder = outputFolder();
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
        for (String ringOption : List.of("--backend", "--hash", "--slots", "--vnodes", "--probing")) {
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

    /** The output folder, if it is one or can become one; nothing is created yet. */
    private Path outputFolder() {
        Path folder;
        try {
            folder = Path.of(out);
        } catch (InvalidPathException invalid) {
            throw usage("--out '" + out + "' is not a valid path");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw usage("--out '" + out + "' is a file, not a folder");
        }
        Path existing = folder.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw usage("--out '" + out + "' cannot be created: " + existing + " is not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw usage("--out '" + out + "' is not writable: cannot write in " + existing);
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
