package dev.ringlab.ui;

import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.AnalysisInput;
import dev.ringlab.scenario.SessionRecorder;
import dev.ringlab.experiment.HotKey;
import dev.ringlab.experiment.LiveTally;
import dev.ringlab.experiment.LiveView;
import dev.ringlab.experiment.Progress;
import dev.ringlab.experiment.TestbedFactory;
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
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jfree.chart.JFreeChart;

/**
 * The Experiments tab without a control: its {@link ExperimentForm}, read when Run is pressed, the run
 * in progress and its progress, the status line, and the charts to show (live while it runs, final
 * when it ends). A run goes on the session's worker threads through the window's own
 * cluster ({@link WindowTestbed}); its end and progress reach these properties on the frame they are
 * asked for ({@link #frame}), on the FX thread.
 */
public final class ExperimentsViewModel {

    static final long REDRAW_EVERY_NANOS = 250_000_000L;
    static final String READY = "Choose an experiment and press Run: it borrows this window's servers and gives them back as they were.";

    private final LabSession session;
    private final ExperimentForm form = new ExperimentForm();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", READY);
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
    private final ReadOnlyObjectWrapper<Analysis<?, ?>.Finished> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    /** The charts to draw next, built on the chart thread; a new value each time there is something new to draw. */
    private final ReadOnlyObjectWrapper<Supplier<List<JFreeChart>>> charts = new ReadOnlyObjectWrapper<>(this, "charts");
    private final LiveTally live = new LiveTally();
    private final AtomicReference<Progress> lastProgress = new AtomicReference<>();
    /** Ends of runs and writes, from other threads, shown on the next frame. */
    private final ConcurrentLinkedQueue<Runnable> finished = new ConcurrentLinkedQueue<>();
    private Consumer<String> log = line -> { };
    private Consumer<List<HotKey>> hotKeys = hottest -> { };
    private Analysis<?, ?>.Prepared current;
    private AutoCloseable subscription;
    private long startedNanos;
    private long redrawnAt;

    public ExperimentsViewModel(LabSession session) {
        this.session = session;
    }

    /** Where lines for the window's event log go. */
    void logTo(Consumer<String> log) {
        this.log = log;
    }

    /** Where each run's hottest keys go (the ring marks them), on the FX thread; an empty list for uniform keys. */
    void hotKeysTo(Consumer<List<HotKey>> sink) {
        this.hotKeys = sink;
    }

    /** The form: the analysis chosen and its fields, checked when Run is pressed. */
    public ExperimentForm form() {
        return form;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last run that ended well, or null: its figures are what the exports write. */
    public ReadOnlyObjectProperty<Analysis<?, ?>.Finished> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Supplier<List<JFreeChart>>> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    /** For the tour: A-3's replacement has joined. */
    boolean replacementSeen() {
        return live.replacedAt() != null;
    }

    /** The form checked and the run begun; a bad field is one line on the status and nothing runs. */
    public boolean run() {
        if (running.get()) {
            return false;
        }
        Analysis<?, ?> kind = form.analysisProperty().get();
        long seed = ThreadLocalRandom.current().nextLong(1, 1_000_000);
        TestbedFactory testbeds = WindowTestbed.forExperiments(session, live);
        Analysis<?, ?>.Prepared prepared;
        AnalysisInput input;
        try {
            input = form.input(session.ring().config(), seed);
            prepared = kind.prepare(input, testbeds);
        } catch (IllegalArgumentException invalid) {
            showError(invalid.getMessage());
            return false;
        }
        start(prepared, seed, input);
        return true;
    }

    /** @param input what the run was given, for a session saved as a scenario */
    private void start(Analysis<?, ?>.Prepared prepared, long seed, AnalysisInput input) {
        String label = prepared.analysis().label();
        current = prepared;
        running.set(true);
        outcome.set(null);
        live.reset(label);
        lastProgress.set(null);
        subscription = session.subscribe(live::record);
        startedNanos = System.nanoTime();
        progress.set(0);
        showStatus(label + " running (seed " + seed + ")…", false);
        log.accept(label + " started: " + ExperimentForm.describe(prepared.analysis(), input) + ", seed " + seed);
        // the hot keys of a skewed workload are marked on the ring while the chart fills; others clear them
        session.async(() -> prepared.hotKeys(HotKeyLayer.SHOWN)).thenAccept(hot -> finished.add(() -> hotKeys.accept(hot)));
        // the analysis borrows and reshapes the window's servers: one step for the recording, not those changes
        SessionRecorder recorder = session.recorder();
        recorder.suspend();
        CompletableFuture<Analysis<?, ?>.Finished> work = session.async(() -> prepared.run(lastProgress::set));
        work.whenComplete((value, failure) -> {
            finished.add(() -> end(value, failure));
            recorder.resume();
            if (failure == null) {
                try {
                    recorder.analysis(prepared.analysis().code(), input);
                } catch (IllegalArgumentException unrecordable) {
                    finished.add(() -> log.accept("not recorded for a saved scenario: " + unrecordable.getMessage()));
                }
            }
        });
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
            showStatus("Cancelling…", false);
        }
    }

    /**
     * Once per pulse: the run's end, or, a few times a second while the tab is {@code onScreen}, its
     * progress and (when the chart is free) a new live chart. Updating hidden controls repaints the
     * whole window, so nothing changes for a hidden tab but the run's end, which lands in full.
     */
    void frame(long now, boolean onScreen, boolean chartBusy) {
        Runnable end;
        while ((end = finished.poll()) != null) {
            end.run();
        }
        if (current == null || now - redrawnAt < REDRAW_EVERY_NANOS || !onScreen) {
            return;
        }
        redrawnAt = now;
        Progress last = lastProgress.get();
        if (last != null) {
            progress.set(last.fraction());
            showStatus(last.describe(), false);
        }
        if (!chartBusy) {
            Analysis<?, ?>.Prepared run = current;
            long started = startedNanos;
            // Built on the chart thread from values that are safe to read there; the progress the status
            // line shows now, so the chart's counts are the status line's.
            Progress shown = last;
            charts.set(() -> List.of(run.liveChart(new LiveView(live, session.ring(), shown,
                    Duration.ofNanos(System.nanoTime() - started)))));
        }
    }

    private void end(Analysis<?, ?>.Finished value, Throwable failure) {
        String label = current.analysis().label();
        current = null;
        running.set(false);
        closeSubscription();
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
        outcome.set(value);
        progress.set(1);
        charts.set(value::charts);
        String summary = value.summary();
        showStatus(summary, false);
        log.accept(summary);
    }

    /** What the files of the last run are called, e.g. a1-assignment-n3, a2-murmur3-n2-6. */
    String baseName() {
        return outcome.get() == null ? "experiment" : outcome.get().fileStem();
    }

    /** Writes the last result's figures; an analysis with several tables puts the others next to the chosen file. */
    CompletableFuture<Path> exportCsvTo(Path file) {
        Analysis<?, ?>.Finished value = outcome.get();
        return write(file, () -> {
            if (value == null) {
                throw new IOException("run an experiment first");
            }
            value.exportCsv(file);
        });
    }

    interface FileWork {
        void write() throws IOException;
    }

    /** Writes off the FX thread and says on the status line, on the next frame, what came of it. */
    CompletableFuture<Path> write(Path file, FileWork work) {
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

    /** Stops a run in progress; the window is closing. */
    void stop() {
        if (current != null) {
            current.cancel();
        }
        closeSubscription();
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

    private void showStatus(String text, boolean failed) {
        error.set(failed);
        status.set(text);
    }

    /** What the run sends, in the words of the inputs it reads. */
}
