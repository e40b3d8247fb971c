package dev.ringlab.cli;

import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.compare.CompareAnalysis;
import dev.ringlab.experiment.compare.CompareSettings;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.algorithm.Algorithm;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code experiment compare}: every placement algorithm on the same keys and the same membership changes. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares placement algorithms on one seeded key stream: load spread, keys moved when a "
                + "server joins or leaves (against the ideal 1/N), lookup time and memory.",
                "Writes compare.csv, compare.md, compare-load-spread.png and compare-keys-moved.png."})
public final class CompareCommand implements Callable<Integer> {

    private static final CompareAnalysis COMPARISON = new CompareAnalysis();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--algorithms", split = ",", paramLabel = "NAME",
            description = "Which algorithms (default: all): ring, jump, rendezvous, maglev, bounded.")
    List<String> algorithms = List.of("ring", "jump", "rendezvous", "maglev", "bounded");

    @Option(names = "--servers", paramLabel = "N", defaultValue = "10", description = "Servers before the change (default: ${DEFAULT-VALUE}).")
    int servers;

    @Option(names = "--keys", paramLabel = "N", defaultValue = "100000", description = "Keys in the stream (default: ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--vnodes", split = ",", paramLabel = "V",
            description = "Virtual nodes per server; one ring per value, bounded loads uses the smallest (default: 9,100).")
    List<Integer> virtualNodes = List.of(9, 100);

    @Option(names = "--slots", paramLabel = "N", defaultValue = "65536", description = "Ring slots (default: ${DEFAULT-VALUE}).")
    int slots;

    @Option(names = "--ring-hash", paramLabel = "NAME", defaultValue = "murmur3",
            description = "The ring's hash: murmur3, assignment or assignment-v2 (default: ${DEFAULT-VALUE}).")
    String ringHash;

    @Option(names = "--maglev-size", paramLabel = "PRIME", defaultValue = "65537", description = "Maglev table size, a prime (default: ${DEFAULT-VALUE}).")
    int maglevSize;

    @Option(names = "--load-factor", paramLabel = "C", defaultValue = "1.25", description = "Bounded loads' c (default: ${DEFAULT-VALUE}).")
    double loadFactor;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the key stream (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Folder for the PNG and CSV files, as for the analyses (default: ${DEFAULT-VALUE}).")
    String out;

    @Override
    public Integer call() throws Exception {
        CompareSettings settings = settings();
        Path folder = ExperimentCommand.outputFolder(out, spec.commandLine());
        PrintWriter stdout = spec.commandLine().getOut();
        // One line per algorithm as soon as it is measured, then the files.
        Analysis<?, ?>.Finished finished = COMPARISON.prepare(settings, (ring, servers) -> {
            throw new IllegalStateException("the comparison needs no testbed");
        }).run(progress -> {
            stdout.println(progress.stage());
            stdout.flush();
        });
        for (Path written : finished.write(folder)) {
            stdout.println("wrote " + written);
        }
        stdout.flush();
        return 0;
    }

    private CompareSettings settings() {
        try {
            List<Algorithm> chosen = new ArrayList<>();
            for (String name : algorithms) {
                chosen.add(Algorithm.byName(name));
            }
            return new CompareSettings(chosen, servers, keys, virtualNodes, slots, RingHash.byName(ringHash),
                    maglevSize, loadFactor, seed);
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.ParameterException(spec.commandLine(), invalid.getMessage());
        }
    }

}
