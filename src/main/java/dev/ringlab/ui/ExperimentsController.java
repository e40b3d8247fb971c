package dev.ringlab.ui;

import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.DistributionParameters;
import dev.ringlab.experiment.DistributionResult;
import dev.ringlab.experiment.ExperimentFiles;
import dev.ringlab.experiment.HotKey;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.RingConfig;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;

/**
 * The Experiments tab ({@code experiments.fxml}): binds the form, Run/Cancel, the progress and the
 * status to the {@link ExperimentsViewModel}, draws the charts it asks for, and forwards the clicks.
 */
public final class ExperimentsController {

    @FXML private VBox panel;
    @FXML private HBox requestsGroup;
    @FXML private HBox concurrencyGroup;
    @FXML private HBox serversGroup;
    @FXML private HBox rangeGroup;
    @FXML private HBox victimGroup;
    @FXML private HBox rateGroup;
    @FXML private HBox exports;
    @FXML private ChoiceBox<Analysis<?, ?>> experimentChoice;
    @FXML private TextField requests;
    @FXML private TextField concurrency;
    @FXML private TextField serverCount;
    @FXML private TextField fromServers;
    @FXML private TextField toServers;
    @FXML private TextField victim;
    @FXML private Label victimLabel;
    @FXML private TextField rate;
    @FXML private TextField duration;
    @FXML private Button run;
    @FXML private Button cancel;
    @FXML private ProgressBar progress;
    @FXML private Label status;
    @FXML private Label description;
    @FXML private StackPane chartArea;
    @FXML private Button exportPng;
    @FXML private Button exportCsv;

    private final ExperimentsViewModel model;
    private final ChartView chartView = new ChartView();

    private final LabViewModel lab;

    public ExperimentsController(LabSession session, LabViewModel lab) {
        this.model = new ExperimentsViewModel(session);
        this.lab = lab;
    }

    @FXML
    private void initialize() {
        experimentChoice.getItems().setAll(Analyses.all());
        experimentChoice.valueProperty().bindBidirectional(model.form().analysisProperty());
        requests.textProperty().bindBidirectional(model.form().requestsProperty());
        concurrency.textProperty().bindBidirectional(model.form().concurrencyProperty());
        serverCount.textProperty().bindBidirectional(model.form().serversProperty());
        fromServers.textProperty().bindBidirectional(model.form().fromServersProperty());
        toServers.textProperty().bindBidirectional(model.form().toServersProperty());
        victim.textProperty().bindBidirectional(model.form().victimProperty());
        rate.textProperty().bindBidirectional(model.form().rateProperty());
        duration.textProperty().bindBidirectional(model.form().durationProperty());
        victimLabel.textProperty().bind(model.form().victimLabel());
        rate.promptTextProperty().bind(model.form().defaultRate());
        description.textProperty().bind(model.form().description());
        serverCount.disableProperty().bind(model.form().uses(Analysis.Input.SERVERS).not());
        fromServers.disableProperty().bind(model.form().uses(Analysis.Input.SERVER_RANGE).not());
        toServers.disableProperty().bind(model.form().uses(Analysis.Input.SERVER_RANGE).not());
        requests.disableProperty().bind(model.form().uses(Analysis.Input.REQUESTS).not());
        concurrency.disableProperty().bind(model.form().uses(Analysis.Input.CONCURRENCY).not());
        victim.disableProperty().bind(model.form().readsVictim().not());
        rate.disableProperty().bind(model.form().readsRate().not());
        duration.disableProperty().bind(model.form().readsDuration().not());
        // Presentation mode: a field the analysis does not read takes no line from the chart.
        PresentationFold.fold(requestsGroup, lab.presentationProperty(), requests.disabledProperty());
        PresentationFold.fold(concurrencyGroup, lab.presentationProperty(), concurrency.disabledProperty());
        PresentationFold.fold(serversGroup, lab.presentationProperty(), serverCount.disabledProperty());
        PresentationFold.fold(rangeGroup, lab.presentationProperty(), fromServers.disabledProperty());
        PresentationFold.fold(victimGroup, lab.presentationProperty(), victim.disabledProperty());
        PresentationFold.fold(rateGroup, lab.presentationProperty(),
                rate.disabledProperty().and(duration.disabledProperty()));
        // the teacher says what the analysis does; once its chart shows, the chart has the lines
        PresentationFold.fold(description, lab.presentationProperty(), model.chartsProperty().isNotNull());
        // exports are made at the desk (F5 leaves presentation mode), not in front of the room
        PresentationFold.fold(exports, lab.presentationProperty());
        run.disableProperty().bind(model.runningProperty());
        cancel.disableProperty().bind(model.runningProperty().not());
        experimentChoice.disableProperty().bind(model.runningProperty());
        var noResult = model.runningProperty().or(model.outcomeProperty().isNull());
        exportPng.disableProperty().bind(noResult);
        exportCsv.disableProperty().bind(noResult);
        progress.progressProperty().bind(model.progressProperty());
        status.textProperty().bind(model.statusProperty());
        model.errorProperty().addListener((obs, old, error) -> {
            status.getStyleClass().remove("error");
            if (error) {
                status.getStyleClass().add("error");
            }
        });
        chartArea.getChildren().setAll(chartView);
        model.chartsProperty().addListener((obs, old, charts) -> {
            if (charts != null) {
                chartView.show(charts);
            }
        });
        ChartView.warmUp(() -> Analyses.A1.finished(new DistributionResult(
                new DistributionParameters(RingConfig.DEFAULT, 1, new Workload(1, 1, 1)), "warm-up",
                List.of(new dev.ringlab.experiment.ServerLoad("Server 1", 1)), 0, 0, Duration.ZERO)).charts().get(0));
    }

    /** Joins the window's frame pump and log. */
    /** Where the hottest keys of each run go (the ring marks them); on the FX thread. */
    void onHotKeys(Consumer<List<HotKey>> sink) {
        model.hotKeysTo(sink);
    }

    void attach(FramePump pump, Consumer<String> logLine) {
        model.logTo(logLine);
        pump.add(this::frame);
    }

    /** Once per pulse: the charts catch up, then the view model takes in the run's end or progress. */
    private void frame(long now) {
        chartView.frame();
        model.frame(now, OnScreen.showing(chartView), chartView.busy());
    }

    ExperimentsViewModel model() {
        return model;
    }

    boolean isRunning() {
        return model.runningProperty().get();
    }

    javafx.beans.value.ObservableBooleanValue running() {
        return model.runningProperty();
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
        Analysis<?, ?>.Finished outcome = model.outcomeProperty().get();
        return outcome == null ? null : outcome.result();
    }

    String statusText() {
        return status.getText();
    }

    /** For the tour: A-3's replacement has joined. */
    boolean replacementSeen() {
        return model.replacementSeen();
    }

    /** Picks an experiment and a request count, as a person would type them. */
    void prepare(Analysis<?, ?> kind, int requestCount) {
        model.form().analysisProperty().set(kind);
        model.form().requestsProperty().set(Integer.toString(requestCount));
    }

    /** The same, over {@code servers} servers. */
    void prepare(Analysis<?, ?> kind, int requestCount, int servers) {
        prepare(kind, requestCount);
        model.form().serversProperty().set(Integer.toString(servers));
    }

    @FXML
    private void run() {
        model.run();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void exportPng() {
        File file = choose("Export the chart as PNG", model.baseName() + ".png", "PNG image", "*.png");
        if (file != null) {
            exportPngTo(file.toPath());
        }
    }

    @FXML
    private void exportCsv() {
        File file = choose("Export the data as CSV", model.baseName() + ".csv", "CSV", "*.csv");
        if (file != null) {
            model.exportCsvTo(file.toPath());
        }
    }

    /** Writes the chart on show (side by side for A-4) off the FX thread. */
    CompletableFuture<Path> exportPngTo(Path file) {
        List<JFreeChart> shown = chartView.charts();
        return model.write(file, () -> {
            if (shown.size() == 1) {
                ExperimentFiles.png(shown.get(0), file);
            } else {
                ExperimentFiles.sideBySide(shown, file);
            }
        });
    }

    private File choose(String title, String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return chooser.showSaveDialog(panel.getScene().getWindow());
    }

    /** Stops a run in progress; the window is closing. */
    void stop() {
        model.stop();
    }
}
