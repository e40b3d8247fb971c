package dev.ringlab.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/**
 * One analysis (A-1, A-2, …): what it is called, which inputs it reads and how it checks them, how it
 * runs, and everything a person gets back from it — live and final charts, CSV, a table, a summary
 * line and the stem of its file names. The command line, the window and the exports only talk to
 * this type through the {@link Analyses} registry, so a new analysis is one subclass and one line
 * there. {@code P} is its parameters (validated when built), {@code R} its result.
 *
 * <p>The typed methods are protected; callers hold a {@link Prepared} (parameters checked, not run)
 * and then a {@link Finished} (a result), which keep the types together without casts.
 */
public abstract class Analysis<P, R> {

    /** The inputs a form or a command line offers; each analysis reads the ones it names. */
    public enum Input {
        /**
         * How many requests a run sends. A-6 and flapping pace theirs instead (rate x duration) and do
         * not read it, so a form greys it out and the command line refuses {@code --requests} for them.
         */
        REQUESTS,
        /** How many requests are in flight at once: the analyses that send a counted batch (A-1..A-4). */
        CONCURRENCY,
        /** A single N. */
        SERVERS,
        /** N from … to. */
        SERVER_RANGE,
        /** The server to crash, its pace and the moment. */
        FAILURE,
        /** Zipf-distributed keys: exponent and key space. */
        HOT_KEYS,
        /** Bounded loads' factor c. */
        LOAD_FACTOR,
        /** A-6's pace, slow-down, per-try timeout and passive health. */
        GRAY_FAILURE,
        /** Flapping's down time, period and fall/rise. */
        FLAPPING
    }

    private final String code;
    private final String label;
    private final String title;
    private final String description;
    private final Set<Input> inputs;

    /**
     * @param code        what the command line calls it, e.g. {@code a1}
     * @param label       what titles and logs call it, e.g. {@code A-1}
     * @param title       one line for a menu
     * @param description a few sentences for the person about to run it
     */
    protected Analysis(String code, String label, String title, String description, Set<Input> inputs) {
        this.code = code;
        this.label = label;
        this.title = title;
        this.description = description;
        this.inputs = Set.copyOf(inputs);
    }

    public final String code() {
        return code;
    }

    public final String label() {
        return label;
    }

    public final String title() {
        return title;
    }

    public final String description() {
        return description;
    }

    public final Set<Input> inputs() {
        return inputs;
    }

    public final boolean uses(Input input) {
        return inputs.contains(input);
    }

    /** Why it cannot run against a balancer reached only through its API, or empty when it can. */
    public Optional<String> refusalOverApi() {
        return Optional.empty();
    }

    /** Checks the inputs it reads and builds its parameters. */
    protected abstract P parameters(AnalysisInput input);

    /** A runner for one run; cancelling it stops that run. */
    protected abstract Runner<P, R> runner(TestbedFactory testbeds);

    /** The chart of a run so far, drawn from what the window counted. */
    protected abstract JFreeChart liveChart(P parameters, LiveView live);

    protected abstract List<JFreeChart> charts(R result);

    /** The files the command line writes: CSV and PNG named after the analysis. */
    protected abstract List<Path> write(R result, Path folder) throws IOException;

    /** The figures as CSV into the file a person chose; companions go next to it. */
    protected abstract List<Path> exportCsv(R result, Path file) throws IOException;

    /** The table the command line prints. */
    protected abstract void printTable(R result, PrintWriter out);

    /** One line for a status bar and a log. */
    protected abstract String summary(R result);

    /** The stem of an exported file's name, e.g. {@code a1-assignment-n3}. */
    protected abstract String fileStem(R result);

    /**
     * Its headline figures by name ({@code failed}, {@code busiest_over_mean}, ...), which a lesson's
     * {@code expect} checks and its handout lists; none by default.
     */
    protected Map<String, Double> figures(R result) {
        return Map.of();
    }

    /** The names {@link #figures} will have for these parameters, so a lesson is checked before it runs. */
    protected Set<String> figureNames(P parameters) {
        return Set.of();
    }

    /**
     * The keys that carry most of the traffic under these parameters, hottest first, at most {@code count},
     * for the window to mark on the ring while the run fills its chart; none for a uniform workload.
     * May take a moment for a large key space: ask off the FX thread.
     */
    protected List<HotKey> hotKeys(P parameters, int count) {
        return List.of();
    }

    /** Checks {@code input} and binds the parameters to a runner over {@code testbeds}; nothing runs yet. */
    public final Prepared prepare(AnalysisInput input, TestbedFactory testbeds) {
        return prepare(parameters(input), testbeds);
    }

    /** Binds parameters already built to a runner over {@code testbeds}. */
    public final Prepared prepare(P parameters, TestbedFactory testbeds) {
        return new Prepared(parameters, runner(testbeds));
    }

    /** Wraps a result computed elsewhere, for its charts and files. */
    public final Finished finished(R result) {
        return new Finished(result);
    }

    @Override
    public String toString() {
        return title;
    }

    /** How an analysis runs; the experiments' {@code run} and {@code cancel} fit it as they are. */
    public interface Runner<P, R> {
        R run(P parameters, ProgressListener progress);

        void cancel();

        static <P, R> Runner<P, R> of(java.util.function.BiFunction<P, ProgressListener, R> run, Runnable cancel) {
            return new Runner<>() {
                @Override
                public R run(P parameters, ProgressListener progress) {
                    return run.apply(parameters, progress);
                }

                @Override
                public void cancel() {
                    cancel.run();
                }
            };
        }
    }

    /** An analysis with checked parameters, ready to run once. */
    public final class Prepared {

        private final P parameters;
        private final Runner<P, R> runner;

        private Prepared(P parameters, Runner<P, R> runner) {
            this.parameters = parameters;
            this.runner = runner;
        }

        public Analysis<P, R> analysis() {
            return Analysis.this;
        }

        public P parameters() {
            return parameters;
        }

        /** Blocking; run it off any UI thread. Cancelled, it throws {@link java.util.concurrent.CancellationException}. */
        public Finished run(ProgressListener progress) {
            return new Finished(runner.run(parameters, progress));
        }

        /** Stops the run from any thread. */
        public void cancel() {
            runner.cancel();
        }

        public JFreeChart liveChart(LiveView live) {
            return Analysis.this.liveChart(parameters, live);
        }

        public Set<String> figureNames() {
            return Analysis.this.figureNames(parameters);
        }

        /** The hottest keys of this run's workload, at most {@code count}; empty for uniform keys. */
        public List<HotKey> hotKeys(int count) {
            return Analysis.this.hotKeys(parameters, count);
        }
    }

    /** A finished run and all that can be made of it. */
    public final class Finished {

        private final R result;

        private Finished(R result) {
            this.result = result;
        }

        public Analysis<P, R> analysis() {
            return Analysis.this;
        }

        public R result() {
            return result;
        }

        public List<JFreeChart> charts() {
            return Analysis.this.charts(result);
        }

        public List<Path> write(Path folder) throws IOException {
            return Analysis.this.write(result, folder);
        }

        public List<Path> exportCsv(Path file) throws IOException {
            return Analysis.this.exportCsv(result, file);
        }

        public void printTable(PrintWriter out) {
            Analysis.this.printTable(result, out);
        }

        public String summary() {
            return Analysis.this.summary(result);
        }

        public String fileStem() {
            return Analysis.this.fileStem(result);
        }

        public Map<String, Double> figures() {
            return Analysis.this.figures(result);
        }
    }
}
