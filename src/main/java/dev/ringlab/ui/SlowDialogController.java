package dev.ringlab.ui;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * The "Slow…" dialog ({@code slow-dialog.fxml}): binds the two fields and their error lines to a
 * {@link FaultForm}; OK is disabled while either field is wrong, so a bad value never leaves the dialog.
 */
public final class SlowDialogController {

    @FXML private DialogPane pane;
    @FXML private TextField latency;
    @FXML private Label latencyError;
    @FXML private TextField errorRate;
    @FXML private Label errorRateError;

    private final FaultForm form;

    SlowDialogController(FaultForm form) {
        this.form = form;
    }

    @FXML
    private void initialize() {
        pane.setHeaderText("Slow " + form.server() + ": latency and errors on /home");
        latency.textProperty().bindBidirectional(form.latencyProperty());
        errorRate.textProperty().bindBidirectional(form.errorRateProperty());
        latencyError.textProperty().bind(form.latencyErrorProperty());
        errorRateError.textProperty().bind(form.errorRateErrorProperty());
        // an empty error line takes no room
        latencyError.managedProperty().bind(form.latencyErrorProperty().isNotEmpty());
        errorRateError.managedProperty().bind(form.errorRateErrorProperty().isNotEmpty());
        // a dialog keeps the size it opened with: an error line that appears would squeeze the fields and hide OK
        form.latencyErrorProperty().addListener((obs, old, now) -> fitWindow());
        form.errorRateErrorProperty().addListener((obs, old, now) -> fitWindow());
        var ok = pane.lookupButton(ButtonType.OK);
        ok.disableProperty().bind(form.validProperty().not());
        Tooltip.install(ok, new Tooltip("Set this latency and error rate on the server"));
        Tooltip.install(pane.lookupButton(ButtonType.CANCEL), new Tooltip("Close without changing anything"));
        // typing goes straight into the latency, replacing what is there (the dialog otherwise focuses OK)
        Platform.runLater(() -> {
            latency.requestFocus();
            latency.selectAll();
        });
    }

    private void fitWindow() {
        Platform.runLater(() -> {
            if (pane.getScene() != null && pane.getScene().getWindow() != null) {
                pane.getScene().getWindow().sizeToScene();
            }
        });
    }
}
