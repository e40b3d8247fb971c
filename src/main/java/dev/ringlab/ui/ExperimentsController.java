package dev.ringlab.ui;

import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.AnalysisInput;
import dev.ringlab.experiment.DistributionParameters;
import dev.ringlab.experiment.DistributionResult;
import dev.ringlab.experiment.ExperimentCharts;
import dev.ringlab.experiment.ExperimentFiles;
import dev.ringlab.experiment.FailoverParameters;
import dev.ringlab.experiment.LiveTally;
import dev.ringlab.experiment.HotKey;
import dev.ringlab.experiment.LiveView;
import dev.ringlab.experiment.Progress;
import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.RingConfig;
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
    @FXML private ChoiceBox<Analysis<?, ?>> experimentChoice;
    @FXML private TextField requests;
    @FXML private TextField concurrency;
    @FXML private TextField serverCount;
    @FXML private TextField fromServers;
    @FXML private TextField toServers;
    @FXML private TextField victim;
    @FXML private Button run;
    @FXML private Button cancel;
    @FXML private ProgressBar progress;
    @FXML private Label status;
    @FXML private Label description;
    @FXML private StackPane chartArea;
    @FXML private Button exportPng;
    @FXML private Button exportCsv;

    private final LabSession session;
    private final LiveTally live = new LiveTally();
    private final AtomicReference<Progress> lastProgress = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Runnable> finished = new ConcurrentLinkedQueue<>();
    private final ChartView chartView = new ChartView();
    private Consumer<String> log = line -> { };
    private Consumer<List<HotKey>> hotKeys = hottest -> { };
    /** The run in progress, or null. */
    private Analysis<?, ?>.Prepared running;
    private AutoCloseable subscription;
    private long startedNanos;
    private long redrawnAt;
    private Analysis<?, ?>.Finished outcome;

    public ExperimentsController(LabSession session) {
        this.session = session;
    }

    @FXML
    private void initialize() {
        experimentChoice.getItems().setAll(Analyses.all());
        experimentChoice.valueProperty().addListener((obs, old, kind) -> choose(kind));
        experimentChoice.setValue(Analyses.A1);
        chartArea.getChildren().setAll(chartView);
        ChartView.warmUp(() -> ExperimentCharts.distribution(new DistributionResult(
                new DistributionParameters(RingConfig.DEFAULT, 1, new Workload(1, 1, 1)), "warm-up",
                List.of(new dev.ringlab.experiment.ServerLoad("Server 1", 1)), 0, 0, Duration.ZERO)));
        status.setText("Choose an experiment and press Run: it borrows this window's servers and gives them back as they were.");
    }

    /** Joins the window's frame pump and log. */
    /** Where the hottest keys of each run go (the ring marks them); on the FX thread. */
    void onHotKeys(Consumer<List<HotKey>> sink) {
        this.hotKeys = sink;
    }

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

    /** The last run's raw result, or null. */
    Object result() {
        return outcome == null ? null : outcome.result();
    }

    String statusText() {
        return status.getText();
    }

    /** For the tour: A-3's replacement has joined. */
    boolean replacementSeen() {
        return live.replacedAt() != null;
    }

    /** Picks an experiment and a request count, as a person would type them. */
    void prepare(Analysis<?, ?> kind, int requestCount) {
        experimentChoice.setValue(kind);
        requests.setText(Integer.toString(requestCount));
    }

    /** The same, over {@code servers} servers. */
    void prepare(Analysis<?, ?> kind, int requestCount, int servers) {
        prepare(kind, requestCount);
        serverCount.setText(Integer.toString(servers));
    }

    private void choose(Analysis<?, ?> kind) {
        description.setText(kind.description());
        serverCount.setDisable(!kind.uses(Analysis.Input.SERVERS));
        fromServers.setDisable(!kind.uses(Analysis.Input.SERVER_RANGE));
        toServers.setDisable(!kind.uses(Analysis.Input.SERVER_RANGE));
        victim.setDisable(!kind.uses(Analysis.Input.FAILURE));
    }

    @FXML
    private void run() {
        if (running != null) {
            return;
        }
        Analysis<?, ?> kind = experimentChoice.getValue();
        RingConfig ring = session.ring().config();
        long seed = ThreadLocalRandom.current().nextLong(1, 1_000_000);
        TestbedFactory testbeds = WindowTestbed.factory(session, live);
        Analysis<?, ?>.Prepared prepared;
        try {
            Workload workload = new Workload(number(requests, "requests"), seed, number(concurrency, "concurrency"));
            AnalysisInput input = AnalysisInput.defaults(ring, workload)
                    .withServers(kind.uses(Analysis.Input.SERVERS) ? number(serverCount, "N") : 1)
                    .withServerRange(kind.uses(Analysis.Input.SERVER_RANGE) ? number(fromServers, "N from") : 1,
                            kind.uses(Analysis.Input.SERVER_RANGE) ? number(toServers, "N to") : 1)
                    .withFailure(FailoverParameters.DEFAULT_RATE, FailoverParameters.DEFAULT_KILL_AFTER,
                            victim.getText().isBlank() ? FailoverParameters.BUSIEST : victim.getText());
            prepared = kind.prepare(input, testbeds);
        } catch (IllegalArgumentException invalid) {
            showError(invalid.getMessage());
            return;
        }
        start(prepared, seed);
    }

    private void start(Analysis<?, ?>.Prepared prepared, long seed) {
        String label = prepared.analysis().label();
        running = prepared;
        outcome = null;
        live.reset(label);
        lastProgress.set(null);
        subscription = session.subscribe(live::record);
        startedNanos = System.nanoTime();
        run.setDisable(true);
        cancel.setDisable(false);
        exportPng.setDisable(true);
        exportCsv.setDisable(true);
        experimentChoice.setDisable(true);
        progress.setProgress(0);
        showStatus(label + " running (seed " + seed + ")…", false);
        log.accept(label + " started: " + requests.getText().trim() + " requests, seed " + seed);
        // the hot keys of a skewed workload are marked on the ring while the chart fills; others clear them
        session.async(() -> prepared.hotKeys(HotKeyLayer.SHOWN)).thenAccept(hot -> finished.add(() -> hotKeys.accept(hot)));
        CompletableFuture<Analysis<?, ?>.Finished> work = session.async(() -> prepared.run(lastProgress::set));
        work.whenComplete((value, failure) -> finished.add(() -> end(value, failure)));
    }

    @FXML
    private void cancel() {
        if (running != null) {
            running.cancel();
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
            Analysis<?, ?>.Prepared run = running;
            long started = startedNanos;
            // Built on the chart thread from values that are safe to read there.
            chartView.show(() -> List.of(run.liveChart(new LiveView(live, session.ring(), lastProgress.get(),
                    Duration.ofNanos(System.nanoTime() - started)))));
        }
    }

    private void end(Analysis<?, ?>.Finished value, Throwable failure) {
        String label = running.analysis().label();
        running = null;
        closeSubscription();
        run.setDisable(false);
        cancel.setDisable(true);
        experimentChoice.setDisable(false);
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof CancellationException) {
                showStatus(label + " cancelled.", false);
                log.accept(label + " cancelled");
            } else {
                showError(label + " failed: " + Failures.reason(cause));
            }
            return;
        }
        outcome = value;
        progress.setProgress(1);
        chartView.show(value::charts);
        exportPng.setDisable(false);
        exportCsv.setDisable(false);
        String summary = value.summary();
        showStatus(summary, false);
        log.accept(summary);
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

    /** Writes the last result's figures; an analysis with several tables puts the others next to the chosen file. */
    CompletableFuture<Path> exportCsvTo(Path file) {
        Analysis<?, ?>.Finished value = outcome;
        return write(file, () -> {
            if (value == null) {
                throw new IOException("run an experiment first");
            }
            value.exportCsv(file);
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

    /** e.g. a1-assignment-n3, a2-murmur3-n2-6 */
    String baseName() {
        return outcome == null ? "experiment" : outcome.fileStem();
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
        if (running != null) {
            running.cancel();
        }
        closeSubscription();
    }
}
