package dev.ringlab.ui;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The experiments panel of {@code experiments.fxml}: parameters, Run and Cancel, progress, the live chart. */
public final class ExperimentsController {

    @FXML private VBox panel;
    @FXML private ChoiceBox<String> experimentChoice;
    @FXML private TextField requests;
    @FXML private TextField concurrency;
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

    public ExperimentsController(LabSession session) {
        this.session = session;
    }

    @FXML
    private void initialize() {
        experimentChoice.getItems().setAll("A-1 load over N servers", "A-2 load against N", "A-3 kill and recover",
                "A-4 the other hash");
        experimentChoice.getSelectionModel().selectFirst();
        run.setDisable(true);
        status.setText("The experiment runners are not part of this build yet.");
    }

    @FXML
    private void run() {
        // wired once the experiment runners are available
    }

    @FXML
    private void cancel() {
        // wired once the experiment runners are available
    }

    @FXML
    private void exportPng() {
        // wired once the experiment runners are available
    }

    @FXML
    private void exportCsv() {
        // wired once the experiment runners are available
    }
}
