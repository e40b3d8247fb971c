package dev.ringlab.ui;

import dev.ringlab.experiment.CsvExport;
import dev.ringlab.experiment.DistributionExperiment;
import dev.ringlab.experiment.DistributionParameters;
import dev.ringlab.experiment.DistributionResult;
import dev.ringlab.experiment.ExperimentCharts;
import dev.ringlab.experiment.ExperimentFiles;
import dev.ringlab.experiment.FailoverExperiment;
import dev.ringlab.experiment.FailoverParameters;
import dev.ringlab.experiment.FailoverResult;
import dev.ringlab.experiment.HashComparisonExperiment;
import dev.ringlab.experiment.HashComparisonParameters;
import dev.ringlab.experiment.HashComparisonResult;
import dev.ringlab.experiment.Progress;
import dev.ringlab.experiment.ScalingExperiment;
import dev.ringlab.experiment.ScalingParameters;
import dev.ringlab.experiment.ScalingResult;
import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;

/**
 * The experiments panel of {@code experiments.fxml}. A run goes on the session's worker threads
 * through the window's own cluster ({@link WindowTestbed}); its progress and the live chart are
 * redrawn by the frame pump a few times per second, and the runner's final result replaces the live
 * chart when it ends.
 */
public final class ExperimentsController {

    static final long REDRAW_EVERY_NANOS = 250_000_000L;

    @FXML private VBox panel;
    @FXML private ChoiceBox<ExperimentKind> experimentChoice;
    @FXML private TextField requests;
    @FXML private TextField concurrency;
    @FXML private TextField serverCount;
    @FXML private TextField fromServers;
    @FXML private TextField toServers;
    @FXML private Button run;
    @FXML private Button cancel;
    @FXML private ProgressBar progress;
    @FXML private Label status;
    @FXML private Label description;
    @FXML private StackPane chartArea;
    @FXML private Button exportPng;
    @FXML private Button exportCsv;

    private final LabSession session;
    private final LiveRun live = new LiveRun();
    private final AtomicReference<Progress> lastProgress = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Runnable> finished = new ConcurrentLinkedQueue<>();
    private final ChartView chartView = new ChartView();
    private Consumer<String> log = line -> { };
    private ExperimentKind running;
    private Object parameters;
    private Runnable cancelRun;
    private AutoCloseable subscription;
    private long startedNanos;
    private long redrawnAt;
    private Object result;

    public ExperimentsController(LabSession session) {
        this.session = session;
    }

    @FXML
    private void initialize() {
        experimentChoice.getItems().setAll(ExperimentKind.values());
        experimentChoice.valueProperty().addListener((obs, old, kind) -> choose(kind));
        experimentChoice.setValue(ExperimentKind.A1);
        chartArea.getChildren().setAll(chartView);
        ChartView.warmUp(() -> ExperimentCharts.distribution(new DistributionResult(
                new DistributionParameters(RingConfig.DEFAULT, 1, new Workload(1, 1, 1)), "warm-up",
                List.of(new dev.ringlab.experiment.ServerLoad("Server 1", 1)), 0, 0, Duration.ZERO)));
        status.setText("Choose an experiment and press Run; it uses the servers and ring of this window.");
    }

    /** Joins the window's frame pump and log. */
    void attach(FramePump pump, Consumer<String> logLine) {
        this.log = logLine;
        pump.add(this::frame);
    }

    boolean isRunning() {
        return running != null;
    }

    /** The charts on show, live or final. */
    List<JFreeChart> charts() {
        return chartView.charts();
    }

    ChartView chartView() {
        return chartView;
    }

    /** Whether the last chart asked for is on show. */
    boolean chartsSettled() {
        return !chartView.busy();
    }

    Object result() {
        return result;
    }

    String statusText() {
        return status.getText();
    }

    /** For the tour: A-3's replacement has joined. */
    boolean replacementSeen() {
        return live.replacedAt() != null;
    }

    /** Picks an experiment and a request count, as a person would type them. */
    void prepare(ExperimentKind kind, int requestCount) {
        experimentChoice.setValue(kind);
        requests.setText(Integer.toString(requestCount));
    }

    /** The same, over {@code servers} servers. */
    void prepare(ExperimentKind kind, int requestCount, int servers) {
        prepare(kind, requestCount);
        serverCount.setText(Integer.toString(servers));
    }

    private void choose(ExperimentKind kind) {
        description.setText(kind.description());
        serverCount.setDisable(!kind.usesServers());
        fromServers.setDisable(!kind.usesRange());
        toServers.setDisable(!kind.usesRange());
    }

    @FXML
    private void run() {
        if (running != null) {
            return;
        }
        ExperimentKind kind = experimentChoice.getValue();
        RingConfig ring = session.ring().config();
        long seed = ThreadLocalRandom.current().nextLong(1, 1_000_000);
        Supplier<Object> task;
        TestbedFactory testbeds = WindowTestbed.factory(session, live);
        try {
            Workload workload = new Workload(number(requests, "requests"), seed, number(concurrency, "concurrency"));
            switch (kind) {
                case A1 -> {
                    DistributionParameters p = new DistributionParameters(ring, number(serverCount, "N"), workload);
                    DistributionExperiment experiment = new DistributionExperiment(testbeds);
                    parameters = p;
                    cancelRun = experiment::cancel;
                    task = () -> experiment.run(p, lastProgress::set);
                }
                case A2 -> {
                    ScalingParameters p = new ScalingParameters(ring, number(fromServers, "N from"),
                            number(toServers, "N to"), workload);
                    ScalingExperiment experiment = new ScalingExperiment(testbeds);
                    parameters = p;
                    cancelRun = experiment::cancel;
                    task = () -> experiment.run(p, lastProgress::set);
                }
                case A3 -> {
                    FailoverParameters p = FailoverParameters.of(ring, number(serverCount, "N"), workload);
                    FailoverExperiment experiment = new FailoverExperiment(testbeds);
                    parameters = p;
                    cancelRun = experiment::cancel;
                    task = () -> experiment.run(p, lastProgress::set);
                }
                case A4 -> {
                    HashComparisonParameters p = new HashComparisonParameters(ring, number(serverCount, "N"),
                            number(fromServers, "N from"), number(toServers, "N to"), workload);
                    HashComparisonExperiment experiment = new HashComparisonExperiment(testbeds);
                    parameters = p;
                    cancelRun = experiment::cancel;
                    task = () -> experiment.run(p, lastProgress::set);
                }
                default -> throw new IllegalStateException("unknown experiment " + kind);
            }
        } catch (IllegalArgumentException invalid) {
            showError(invalid.getMessage());
            return;
        }
        start(kind, ring, seed, task);
    }

    private void start(ExperimentKind kind, RingConfig ring, long seed, Supplier<Object> task) {
        running = kind;
        result = null;
        live.reset(kind.code());
        lastProgress.set(null);
        subscription = session.subscribe(live::record);
        startedNanos = System.nanoTime();
        run.setDisable(true);
        cancel.setDisable(false);
        exportPng.setDisable(true);
        exportCsv.setDisable(true);
        experimentChoice.setDisable(true);
        progress.setProgress(0);
        showStatus(kind.code() + " running (seed " + seed + ")…", false);
        log.accept(kind.code() + " started: " + requests.getText().trim() + " requests, seed " + seed);
        CompletableFuture<Object> work = session.async(() -> {
            try {
                return task.get();
            } finally {
                // A-4 switches hashes: give the window back the ring the user had.
                if (!session.ring().config().equals(ring)) {
                    session.cluster().reconfigure(ring);
                }
            }
        });
        work.whenComplete((value, failure) -> finished.add(() -> end(value, failure)));
    }

    @FXML
    private void cancel() {
        if (cancelRun != null) {
            cancelRun.run();
            showStatus("Cancelling…", false);
        }
    }

    /** Once per pulse: the run's end, or a redraw of progress and chart a few times per second. */
    private void frame(long now) {
        Runnable end;
        while ((end = finished.poll()) != null) {
            end.run();
        }
        chartView.frame();
        // Progress, status and the live chart only while the tab shows: updating hidden controls repaints
        // the whole window. The run's end still lands in full, whichever tab is in front.
        if (running == null || now - redrawnAt < REDRAW_EVERY_NANOS || !OnScreen.showing(chartView)) {
            return;
        }
        redrawnAt = now;
        Progress current = lastProgress.get();
        if (current != null) {
            progress.setProgress(current.fraction());
            showStatus(current.describe(), false);
        }
        if (!chartView.busy()) {
            ExperimentKind kind = running;
            Object runParameters = parameters;
            long started = startedNanos;
            chartView.show(() -> List.of(liveChart(kind, runParameters, started)));
        }
    }

    /** The chart of the run so far; built on the chart thread from values that are safe to read there. */
    private JFreeChart liveChart(ExperimentKind running, Object parameters, long startedNanos) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        RingSnapshot ring = session.ring();
        List<String> names = ring.servers().stream().map(Server::name).toList();
        if (running == ExperimentKind.A3) {
            FailoverParameters p = (FailoverParameters) parameters;
            return ExperimentCharts.failover(new FailoverResult(p, "live", live.victim(), live.replacement(),
                    live.killedAt(), live.detectedAt(), live.replacedAt(), live.events(), live.buckets(), elapsed));
        }
        DistributionParameters now = running == ExperimentKind.A1 ? (DistributionParameters) parameters
                : new DistributionParameters(ring.config(), Math.max(1, ring.size()), workloadOf(parameters));
        JFreeChart chart = ExperimentCharts.distribution(new DistributionResult(now, "live", live.loads(names),
                live.failed(), live.retried(), elapsed));
        if (running != ExperimentKind.A1) {
            Progress current = lastProgress.get();
            chart.setTitle(running.code() + " running, " + (current == null ? "" : current.stage() + ": ")
                    + "load so far over " + ring.size() + " servers (" + ring.config().hash().name() + ")");
        }
        return chart;
    }

    private static Workload workloadOf(Object parameters) {
        if (parameters instanceof ScalingParameters scaling) {
            return scaling.workload();
        }
        return ((HashComparisonParameters) parameters).workload();
    }

    private void end(Object value, Throwable failure) {
        ExperimentKind kind = running;
        running = null;
        cancelRun = null;
        closeSubscription();
        run.setDisable(false);
        cancel.setDisable(true);
        experimentChoice.setDisable(false);
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof CancellationException) {
                showStatus(kind.code() + " cancelled.", false);
                log.accept(kind.code() + " cancelled");
            } else {
                showError(kind.code() + " failed: " + Failures.reason(cause));
            }
            return;
        }
        result = value;
        progress.setProgress(1);
        chartView.show(() -> finalCharts(value));
        exportPng.setDisable(false);
        exportCsv.setDisable(false);
        String summary = summary(value);
        showStatus(summary, false);
        log.accept(summary);
    }

    private static List<JFreeChart> finalCharts(Object value) {
        if (value instanceof DistributionResult distribution) {
            return List.of(ExperimentCharts.distribution(distribution));
        }
        if (value instanceof ScalingResult scaling) {
            return List.of(ExperimentCharts.scaling(scaling));
        }
        if (value instanceof FailoverResult failover) {
            return List.of(ExperimentCharts.failover(failover));
        }
        HashComparisonResult comparison = (HashComparisonResult) value;
        return List.of(ExperimentCharts.hashDistribution(comparison), ExperimentCharts.hashScaling(comparison));
    }

    private static String summary(Object value) {
        if (value instanceof DistributionResult r) {
            return String.format("A-1 done in %.1f s: %d answered, %d failed, busiest server %d, quietest %d.",
                    r.elapsed().toMillis() / 1000.0, r.answered(), r.failed(), r.spread().max(), r.spread().min());
        }
        if (value instanceof ScalingResult r) {
            return String.format("A-2 done in %.1f s: N = %d..%d.", r.elapsed().toMillis() / 1000.0,
                    r.parameters().minServers(), r.parameters().maxServers());
        }
        if (value instanceof FailoverResult r) {
            return String.format("A-3 done in %.1f s: %s killed, detected after %s, replaced after %s; %d ok, %d failed.",
                    r.elapsed().toMillis() / 1000.0, r.victim(), millis(r.detectionMillis()),
                    millis(r.recoveryMillis()), r.ok(), r.failed());
        }
        HashComparisonResult r = (HashComparisonResult) value;
        return "A-4 done: " + r.runs().size() + " hash functions compared.";
    }

    private static String millis(Double value) {
        return value == null ? "—" : String.format("%.0f ms", value);
    }

    @FXML
    private void exportPng() {
        File file = choose("Export the chart as PNG", baseName() + ".png", "PNG image", "*.png");
        if (file != null) {
            exportPngTo(file.toPath());
        }
    }

    @FXML
    private void exportCsv() {
        File file = choose("Export the data as CSV", baseName() + ".csv", "CSV", "*.csv");
        if (file != null) {
            exportCsvTo(file.toPath());
        }
    }

    /** Writes the chart on show (side by side for A-4) off the FX thread. */
    CompletableFuture<Path> exportPngTo(Path file) {
        List<JFreeChart> shown = chartView.charts();
        return write(file, () -> {
            if (shown.size() == 1) {
                ExperimentFiles.png(shown.get(0), file);
            } else {
                ExperimentFiles.sideBySide(shown, file);
            }
        });
    }

    /** Writes the last result's figures; A-3 adds its events and A-4 its A-2 half next to the chosen file. */
    CompletableFuture<Path> exportCsvTo(Path file) {
        Object value = result;
        return write(file, () -> {
            if (value instanceof DistributionResult r) {
                CsvExport.distribution(r, file);
            } else if (value instanceof ScalingResult r) {
                CsvExport.scaling(r, file);
            } else if (value instanceof FailoverResult r) {
                CsvExport.failover(r, file);
                CsvExport.failoverEvents(r, sibling(file, "-events"));
            } else if (value instanceof HashComparisonResult r) {
                CsvExport.hashDistribution(r, file);
                CsvExport.hashScaling(r, sibling(file, "-scaling"));
            } else {
                throw new IOException("run an experiment first");
            }
        });
    }

    private interface FileWork {
        void write() throws IOException;
    }

    private CompletableFuture<Path> write(Path file, FileWork work) {
        CompletableFuture<Path> written = session.async(() -> {
            try {
                work.write();
                return file;
            } catch (IOException failure) {
                throw new CompletionException(failure);
            }
        });
        written.whenComplete((path, failure) -> finished.add(() -> {
            if (failure != null) {
                showError("Could not write " + file.getFileName() + ": " + Failures.reason(failure));
            } else {
                showStatus("Wrote " + file.getFileName() + ".", false);
            }
        }));
        return written;
    }

    private static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(stem + suffix + ".csv");
    }

    /** e.g. a1-assignment-n3, a2-murmur3-n2-6 */
    String baseName() {
        if (result instanceof DistributionResult r) {
            return "a1-" + r.hash() + "-n" + r.parameters().servers();
        }
        if (result instanceof ScalingResult r) {
            return "a2-" + r.hash() + "-n" + r.parameters().minServers() + "-" + r.parameters().maxServers();
        }
        if (result instanceof FailoverResult r) {
            return "a3-" + r.parameters().ring().hash().name() + "-n" + r.parameters().servers();
        }
        if (result instanceof HashComparisonResult r) {
            return "a4-n" + r.parameters().servers();
        }
        return "experiment";
    }

    private File choose(String title, String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return chooser.showSaveDialog(panel.getScene().getWindow());
    }

    private void closeSubscription() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // unsubscribing cannot fail
            }
            subscription = null;
        }
    }

    private void showError(String text) {
        showStatus(text, true);
        log.accept("error: " + text);
    }

    private void showStatus(String text, boolean error) {
        status.getStyleClass().remove("error");
        if (error) {
            status.getStyleClass().add("error");
        }
        status.setText(text);
    }

    private static int number(TextField field, String what) {
        String text = field.getText().trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text + "'");
        }
    }

    /** Stops a run in progress; the window is closing. */
    void stop() {
        if (cancelRun != null) {
            cancelRun.run();
        }
        closeSubscription();
    }
}
