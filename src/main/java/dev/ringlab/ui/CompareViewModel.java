package dev.ringlab.ui;

import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.ProgressListener;
import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.experiment.compare.CompareReport;
import dev.ringlab.experiment.compare.CompareSettings;
import dev.ringlab.experiment.compare.CompareAnalysis;
import dev.ringlab.experiment.compare.ComparisonResult;
import dev.ringlab.experiment.compare.ContenderResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jfree.chart.JFreeChart;

/**
 * The Compare tab's state, without a control: the form (servers, keys, the virtual-node counts to
 * try), whether a comparison runs, the status line, and the last comparison with the settings it was
 * made from (the caption of its charts and exports). It runs {@link CompareAnalysis}, the analysis
 * {@code experiment compare} runs. Comparisons and exports run on {@code work},
 * never on the FX thread; what they give back reaches the properties through {@code fx}.
 */
public final class CompareViewModel {

    static final String INTRO = "Every algorithm on the same seeded keys: load per server, and the keys that move when a "
            + "server joins or leaves (the ideal is 1/N).";

    /** The comparison as the command line runs it: the same analysis, the same charts. */
    private static final CompareAnalysis COMPARISON = new CompareAnalysis();

    /** A finished comparison: its results, the settings they were made from, and its charts. */
    public record Outcome(Analysis<CompareSettings, ComparisonResult>.Finished finished) {

        public List<ContenderResult> results() {
            return finished.result().contenders();
        }

        public CompareSettings settings() {
            return finished.result().settings();
        }

        /** The load spread and the keys moved, as {@code experiment compare} draws them. */
        public List<JFreeChart> charts() {
            return finished.charts();
        }
    }

    /** A comparison computes placements in this process: it opens no testbed. */
    private static final TestbedFactory NO_TESTBEDS = (ring, servers) -> {
        throw new IllegalStateException("the comparison needs no servers");
    };

    private final Executor work;
    private final Executor fx;
    private final StringProperty servers = new SimpleStringProperty(this, "servers", "10");
    private final StringProperty keys = new SimpleStringProperty(this, "keys", "100000");
    private final StringProperty virtualNodes = new SimpleStringProperty(this, "virtualNodes", "9,100");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", INTRO);
    private final ReadOnlyObjectWrapper<Outcome> last = new ReadOnlyObjectWrapper<>(this, "last");
    /** The status says only what the last comparison's charts show (not a run under way, an error, a file written). */
    private final BooleanBinding statusRepeatsCharts = Bindings.createBooleanBinding(
            () -> last.get() != null && status.get().equals(summary(last.get().results())), status, last);

    public CompareViewModel(Executor work, Executor fx) {
        this.work = work;
        this.fx = fx;
    }

    public StringProperty serversProperty() {
        return servers;
    }

    public StringProperty keysProperty() {
        return keys;
    }

    /** Comma-separated: the ring is compared once per count, e.g. {@code 9,100}. */
    public StringProperty virtualNodesProperty() {
        return virtualNodes;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Whether the status line repeats the figures the charts on show already draw, so that presentation
     * mode can give its lines to the charts; false while a comparison runs, after an error or an export.
     */
    public BooleanBinding statusRepeatsChartsProperty() {
        return statusRepeatsCharts;
    }

    /** The last comparison that finished, or null before the first. */
    public ReadOnlyObjectProperty<Outcome> lastProperty() {
        return last.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The last comparison's results; empty before the first. */
    public List<ContenderResult> results() {
        Outcome outcome = last.get();
        return outcome == null ? List.of() : outcome.results();
    }

    /**
     * Checks the form and compares every algorithm on {@code work}; on the FX thread. Bad input says why
     * in the status line and changes nothing else (the future fails with it).
     */
    public CompletableFuture<Outcome> compare() {
        CompareSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException invalid) {
            status.set(invalid.getMessage());
            return CompletableFuture.failedFuture(invalid);
        }
        running.set(true);
        status.set(String.format(Locale.ROOT, "Comparing on %d servers, %,d keys…", settings.servers(), settings.keys()));
        CompletableFuture<Outcome> finished = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> COMPARISON.prepare(settings, NO_TESTBEDS).run(ProgressListener.NONE), work)
                .whenComplete((done, failure) -> fx.execute(() -> {
                    if (failure != null) {
                        status.set("The comparison failed: " + Failures.reason(failure));
                        running.set(false);
                        finished.completeExceptionally(failure);
                        return;
                    }
                    Outcome outcome = new Outcome(done);
                    last.set(outcome);
                    status.set(summary(outcome.results()));
                    running.set(false);
                    finished.complete(outcome);
                }));
        return finished;
    }

    /** Writes both charts of the last comparison into {@code folder} at 2x, on {@code work}. */
    public CompletableFuture<List<Path>> exportChartsTo(Path folder) {
        Outcome outcome = last.get();
        CompletableFuture<List<Path>> written = CompletableFuture.supplyAsync(() -> {
            if (outcome == null) {
                throw new IllegalStateException("compare the algorithms first");
            }
            try {
                return new CompareReport(outcome.results(), outcome.settings()).writeChartsTo(folder);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }, work);
        written.whenComplete((files, failure) -> fx.execute(() -> status.set(failure != null
                ? "Could not write the charts: " + Failures.reason(failure)
                : "Wrote " + CompareReport.LOAD_SPREAD_PNG + " and " + CompareReport.KEYS_MOVED_PNG + " (2x) in "
                        + folder + ".")));
        return written;
    }

    /** The form as settings; the algorithms, slots, hash and seed are the command line's defaults. */
    CompareSettings settings() {
        CompareSettings defaults = CompareSettings.defaults();
        List<Integer> counts = new ArrayList<>();
        for (String part : virtualNodes.get().split(",")) {
            counts.add(number("virtual nodes", part));
        }
        return new CompareSettings(defaults.algorithms(), number("servers", servers.get()),
                number("keys", keys.get()), counts, defaults.slots(), defaults.ringHash(),
                defaults.maglevTableSize(), defaults.loadFactor(), defaults.seed());
    }

    private static int number(String what, String text) {
        return WholeNumber.parse(text, what);
    }

    static String summary(List<ContenderResult> results) {
        StringBuilder text = new StringBuilder("Busiest server / mean: ");
        for (ContenderResult result : results) {
            text.append(String.format(Locale.ROOT, "%s %.3f · ", result.label(), result.peakToMean()));
        }
        text.setLength(text.length() - 3);
        ContenderResult first = results.get(0);
        text.append(String.format(Locale.ROOT, ". Keys moved on removal (ideal %.1f %%): ", 100 * first.idealOnRemove()));
        for (ContenderResult result : results) {
            text.append(String.format(Locale.ROOT, "%s %.1f %% · ", result.label(), 100 * result.movedOnRemoveMean()));
        }
        text.setLength(text.length() - 3);
        return text.append('.').toString();
    }
}
