package dev.ringlab.cli;

import dev.ringlab.experiment.compare.CompareReport;
import dev.ringlab.experiment.compare.CompareSettings;
import dev.ringlab.experiment.compare.Comparison;
import dev.ringlab.experiment.compare.ContenderResult;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.algorithm.Algorithm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        PrintWriterLine line = new PrintWriterLine(spec.commandLine().getOut());
        List<ContenderResult> results = new Comparison(settings).run(result -> line.print(String.format(Locale.ROOT,
                "%-24s peak/mean %.3f  std dev %5.1f %%  moved on add %5.2f %%  on remove %5.2f %%",
                result.label(), result.peakToMean(), 100 * result.stdDevShare(), 100 * result.movedOnAdd(),
                100 * result.movedOnRemoveMean())));
        for (Path written : new CompareReport(results, settings).writeTo(folder)) {
            line.print("wrote " + written);
        }
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

    private record PrintWriterLine(java.io.PrintWriter writer) {
        void print(String text) {
            writer.println(text);
            writer.flush();
        }
    }
}
