package dev.ringlab.ui;

import dev.ringlab.experiment.compare.ContenderResult;
import dev.ringlab.ring.algorithm.Placement;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;

/**
 * The Compare tab: binds its form, buttons and status line to a {@link CompareViewModel} (which runs
 * the comparison on the session's worker threads, never on the FX thread), plots the load spread and
 * the keys moved per membership change of each finished comparison, and shows the placement the
 * balancer routes by now as a {@link PlacementStrip}.
 */
public final class CompareController {

    private final LabSession session;
    private final CompareViewModel model;
    private final ChartView chartView = new ChartView();
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

    private final LabViewModel lab;

    public CompareController(LabSession session, LabViewModel lab) {
        this.session = session;
        this.lab = lab;
        this.model = new CompareViewModel(task -> session.async(() -> {
            task.run();
            return null;
        }), Platform::runLater);
    }

    @FXML
    private void initialize() {
        compareChartArea.getChildren().setAll(chartView);
        strip.onDetail(stripDetail::setText);
        compareServers.textProperty().bindBidirectional(model.serversProperty());
        compareKeys.textProperty().bindBidirectional(model.keysProperty());
        compareVnodes.textProperty().bindBidirectional(model.virtualNodesProperty());
        runComparison.disableProperty().bind(model.runningProperty());
        exportCharts.disableProperty().bind(model.lastProperty().isNull());
        compareStatus.textProperty().bind(model.statusProperty());
        // Presentation mode: the form in one line and no status repeating the charts, so the plots get the room.
        PresentationFold.fold(exportCharts, lab.presentationProperty());
        PresentationFold.fold(compareStatus, lab.presentationProperty(), model.statusRepeatsChartsProperty());
        model.lastProperty().addListener((obs, old, outcome) -> {
            if (outcome != null) {
                // the same charts as the exports and `experiment compare`: title, legend and the caption of the run
                chartView.show(outcome::charts);
                refreshPlacement();
            }
        });
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
        return model.isRunning();
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
        return model.results();
    }

    @FXML
    void compare() {
        model.compare();
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
        return model.exportChartsTo(folder);
    }
}
