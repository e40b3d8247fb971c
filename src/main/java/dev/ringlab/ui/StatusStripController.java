package dev.ringlab.ui;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.ring.algorithm.Algorithm;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;

/**
 * The strip under the menu ({@code status-strip.fxml}): binds the backend, the balancer's address,
 * the placement, the request rate and the last request to the view models, and forwards the choices
 * and the Send button to {@link LabActions}.
 */
public final class StatusStripController {

    @FXML private FlowPane statusStrip;
    @FXML private Label backendIndicator;
    @FXML private ChoiceBox<BackendKind> backendChoice;
    @FXML private TextField balancerUrl;
    @FXML private Button copyUrl;
    @FXML private ChoiceBox<Algorithm> algorithmChoice;
    @FXML private Label requestRate;
    @FXML private Label lastRequest;

    private final LabViewModel model;
    private final LabActions actions;

    public StatusStripController(LabViewModel model, LabActions actions) {
        this.model = model;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        BackendViewModel backend = model.backend();
        backendIndicator.textProperty().bind(Bindings.createStringBinding(
                () -> backend.currentProperty().get().label(), backend.currentProperty()));
        backendChoice.setItems(backend.offered());
        backendChoice.setConverter(ChoiceLabels.of(BackendKind::label, label -> backend.offered().stream()
                .filter(kind -> kind.label().equals(label)).findFirst().orElse(null)));
        backendChoice.setValue(backend.currentProperty().get());
        backend.currentProperty().addListener((obs, old, now) -> backendChoice.setValue(now));
        backendChoice.disableProperty().bind(backend.switchingProperty());
        backendChoice.setOnAction(event -> actions.switchBackend(backendChoice.getValue()));
        balancerUrl.textProperty().bind(backend.balancerUrlProperty());
        copyUrl.disableProperty().bind(backend.noBalancerProperty());
        algorithmChoice.getItems().setAll(Algorithm.values());
        algorithmChoice.setConverter(ChoiceLabels.of(Algorithm::label, Algorithm::byName));
        algorithmChoice.setValue(model.algorithmProperty().get());
        model.algorithmProperty().addListener((obs, old, now) -> algorithmChoice.setValue(now));
        algorithmChoice.setOnAction(event -> actions.useAlgorithm(algorithmChoice.getValue()));
        requestRate.textProperty().bind(model.servers().rateProperty());
        lastRequest.textProperty().bind(model.lastRequestProperty());
        // in presentation mode the ring takes the room: the strip folds away
        statusStrip.visibleProperty().bind(model.presentationProperty().not());
        statusStrip.managedProperty().bind(model.presentationProperty().not());
    }

    @FXML
    private void copyUrl() {
        ClipboardContent content = new ClipboardContent();
        content.putString(balancerUrl.getText());
        Clipboard.getSystemClipboard().setContent(content);
        actions.copied(balancerUrl.getText());
    }

    @FXML
    private void sendOne() {
        actions.sendOne();
    }
}
