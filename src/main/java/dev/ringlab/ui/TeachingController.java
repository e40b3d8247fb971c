package dev.ringlab.ui;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;

/**
 * The panel beside the ring ({@code teaching-panel.fxml}): playback, "what just happened", the key
 * probe and the virtual-node slider, bound to the {@link TeachingViewModel} and the ring settings;
 * Step, Probe and letting go of the slider are forwarded.
 */
public final class TeachingController {

    @FXML private ToggleButton pauseButton;
    @FXML private Label waiting;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private CheckBox holdReplacement;
    @FXML private Label happenedHeadline;
    @FXML private Label happenedMoved;
    @FXML private Label happenedFlows;
    @FXML private Label happenedShares;
    @FXML private TextField probeKey;
    @FXML private Label probeResult;
    @FXML private Slider virtualNodesSlider;
    @FXML private Label virtualNodesValue;
    @FXML private Label balance;

    private final LabViewModel model;
    private final LabActions actions;
    private final TeachingViewModel teaching;

    public TeachingController(LabViewModel model, LabActions actions) {
        this.model = model;
        this.actions = actions;
        this.teaching = new TeachingViewModel(model);
    }

    @FXML
    private void initialize() {
        Playback playback = model.playback();
        pauseButton.selectedProperty().bindBidirectional(playback.pausedProperty());
        pauseButton.textProperty().bind(teaching.pauseText());
        holdReplacement.selectedProperty().bindBidirectional(model.holdReplacementProperty());
        speedSlider.valueProperty().addListener((obs, old, now) ->
                playback.speedProperty().set(TeachingViewModel.speedOf(now.doubleValue())));
        speedLabel.textProperty().bind(teaching.speedText());
        waiting.textProperty().bind(teaching.waitingText());
        happenedHeadline.textProperty().bind(teaching.headlineProperty());
        happenedMoved.textProperty().bind(teaching.movedProperty());
        happenedFlows.textProperty().bind(teaching.flowsProperty());
        happenedShares.textProperty().bind(teaching.sharesProperty());
        probeResult.textProperty().bind(teaching.probeText());
        balance.textProperty().bind(model.settings().balanceProperty());
        bindVirtualNodes();
    }

    private void bindVirtualNodes() {
        virtualNodesSlider.setValue(model.settings().virtualNodesProperty().get());
        virtualNodesValue.textProperty().bind(virtualNodesSlider.valueProperty().asString("%.0f"));
        model.settings().virtualNodesProperty().addListener((obs, old, now) -> {
            if (!virtualNodesSlider.isValueChanging()) {
                virtualNodesSlider.setValue(now.intValue());
            }
        });
        // Rebuilds when the user lets go (or steps with the keyboard), not on every pixel of a drag.
        virtualNodesSlider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                applyVirtualNodes();
            }
        });
        virtualNodesSlider.valueProperty().addListener((obs, old, now) -> {
            if (!virtualNodesSlider.isValueChanging()) {
                applyVirtualNodes();
            }
        });
    }

    private void applyVirtualNodes() {
        actions.applyVirtualNodes((int) Math.round(virtualNodesSlider.getValue()));
    }

    @FXML
    private void step() {
        model.playback().step();
    }

    @FXML
    private void probe() {
        model.probe(probeKey.getText());
    }
}
