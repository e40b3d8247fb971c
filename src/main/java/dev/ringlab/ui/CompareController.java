package dev.ringlab.ui;

import dev.ringlab.experiment.compare.CompareCharts;
import dev.ringlab.experiment.compare.CompareReport;
import dev.ringlab.experiment.compare.CompareSettings;
import dev.ringlab.experiment.compare.Comparison;
import dev.ringlab.experiment.compare.ContenderResult;
import dev.ringlab.ring.algorithm.Placement;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;

/**
 * The Compare tab: runs {@link Comparison} on the session's worker threads (never on the FX thread),
 * then plots the load spread and the keys moved per membership change; shows the placement the
 * balancer routes by now as a {@link PlacementStrip}.
 */
public final class CompareController {

    private final LabSession session;
    private final ChartView chartView = new ChartView();
    private volatile boolean running;
    private volatile List<ContenderResult> lastResults = List.of();
    /** What the last comparison was made from: the charts' and the exports' caption. */
    private volatile CompareSettings lastSettings;
    /** The placement the strip draws; it follows the live one while the tab shows. */
    private Placement shownPlacement;

    @FXML private TextField compareServers;
    @FXML private TextField compareKeys;
    @FXML private TextField compareVnodes;
    @FXML private Button runComparison;
    @FXML private Button exportCharts;
    @FXML private Label compareStatus;
    @FXML private StackPane compareChartArea;
    @FXML private Label placementName;
    @FXML private PlacementStrip strip;
    @FXML private Label stripDetail;

    public CompareController(LabSession session) {
        this.session = session;
    }

    @FXML
    private void initialize() {
        compareChartArea.getChildren().setAll(chartView);
        strip.onDetail(stripDetail::setText);
        compareStatus.setText("Every algorithm on the same seeded keys: load per server, and the keys that move when a "
                + "server joins or leaves (the ideal is 1/N).");
    }

    void attach(FramePump pump) {
        pump.add(now -> {
            chartView.frame();
            // Visibility first: asking for the placement may build it (a Maglev table), not worth it for a hidden tab.
            if (OnScreen.showing(strip) && session.placement() != shownPlacement) {
                refreshPlacement();
            }
        });
    }

    /**
     * Shows the placement requests are routed by now, once the tab is on screen; on the FX thread. The
     * frame pump calls it again whenever the placement changes (an algorithm switch, a server joining).
     */
    void refreshPlacement() {
        if (!OnScreen.showing(strip)) {
            return;
        }
        Placement now = session.placement();
        shownPlacement = now;
        placementName.setText(now.label() + " over " + now.size() + " servers");
        strip.show(now);
    }

    boolean isRunning() {
        return running;
    }

    /** Whether the charts are still being drawn. */
    boolean drawing() {
        return chartView.busy();
    }

    /** Points at the middle of the strip, as a person hovering would; on the FX thread. */
    String pointAtStrip() {
        return strip.describe(strip.cellCount() / 2);
    }

    List<ContenderResult> results() {
        return lastResults;
    }

    @FXML
    void compare() {
        CompareSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException invalid) {
            compareStatus.setText(invalid.getMessage());
            return;
        }
        running = true;
        runComparison.setDisable(true);
        compareStatus.setText(String.format(Locale.ROOT, "Comparing on %d servers, %,d keys…", settings.servers(), settings.keys()));
        CompletableFuture<List<ContenderResult>> work = session.async(() -> new Comparison(settings).run());
        work.whenComplete((results, failure) -> Platform.runLater(() -> {
            running = false;
            runComparison.setDisable(false);
            if (failure != null) {
                compareStatus.setText("The comparison failed: " + Failures.reason(failure));
                return;
            }
            lastResults = results;
            lastSettings = settings;
            compareStatus.setText(summary(results));
            // the same charts as the exports and `experiment compare`: title, legend and the caption of the run
            chartView.show(() -> List.of(CompareCharts.loadSpread(results, settings),
                    CompareCharts.keysMoved(results, settings)));
            exportCharts.setDisable(false);
            refreshPlacement();
        }));
    }

    @FXML
    private void exportCharts() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for compare-load-spread.png and compare-keys-moved.png");
        File folder = chooser.showDialog(exportCharts.getScene().getWindow());
        if (folder != null) {
            exportChartsTo(folder.toPath());
        }
    }

    /** Writes both charts of the last comparison into {@code folder} at 2x, off the FX thread. */
    CompletableFuture<List<Path>> exportChartsTo(Path folder) {
        List<ContenderResult> results = lastResults;
        CompareSettings settings = lastSettings;
        CompletableFuture<List<Path>> written = session.async(() -> {
            if (results.isEmpty()) {
                throw new IllegalStateException("compare the algorithms first");
            }
            try {
                return new CompareReport(results, settings).writeChartsTo(folder);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        });
        written.whenComplete((files, failure) -> Platform.runLater(() -> compareStatus.setText(failure != null
                ? "Could not write the charts: " + Failures.reason(failure)
                : "Wrote " + CompareReport.LOAD_SPREAD_PNG + " and " + CompareReport.KEYS_MOVED_PNG + " (2x) in "
                        + folder + ".")));
        return written;
    }

    private CompareSettings settings() {
        CompareSettings defaults = CompareSettings.defaults();
        List<Integer> counts = new ArrayList<>();
        for (String part : compareVnodes.getText().split(",")) {
            counts.add(number("virtual nodes", part));
        }
        return new CompareSettings(defaults.algorithms(), number("servers", compareServers.getText()),
                number("keys", compareKeys.getText()), counts, defaults.slots(), defaults.ringHash(),
                defaults.maglevTableSize(), defaults.loadFactor(), defaults.seed());
    }

    private static int number(String what, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text.trim() + "'");
        }
    }

    private static String summary(List<ContenderResult> results) {
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
