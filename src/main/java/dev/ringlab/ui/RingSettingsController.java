package dev.ringlab.ui;

import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * The Settings tab ({@code ring-settings.fxml}): the hash, slots, virtual nodes and probing bound to
 * the {@link RingSettingsViewModel}; Apply is forwarded, and checked there.
 */
public final class RingSettingsController {

    @FXML private ChoiceBox<RingHash> hashChoice;
    @FXML private Spinner<Integer> slotsSpinner;
    @FXML private Spinner<Integer> virtualNodesSpinner;
    @FXML private ChoiceBox<Probing> probingChoice;
    @FXML private Label settingsExplanation;

    private final LabViewModel model;
    private final LabActions actions;

    public RingSettingsController(LabViewModel model, LabActions actions) {
        this.model = model;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        RingSettingsViewModel settings = model.settings();
        hashChoice.getItems().setAll(RingHash.builtIn());
        hashChoice.setConverter(ChoiceLabels.of(RingHash::name, RingHash::byName));
        hashChoice.valueProperty().bindBidirectional(settings.hashProperty());
        probingChoice.getItems().setAll(Probing.values());
        // "linear" as everywhere else in the window and the CLI, not the enum's LINEAR
        probingChoice.setConverter(ChoiceLabels.of(Probing::label, Probing::byName));
        probingChoice.valueProperty().bindBidirectional(settings.probingProperty());
        var slots = lenient(new SpinnerValueFactory.IntegerSpinnerValueFactory(8, RingConfig.MAX_SLOTS,
                settings.slotsProperty().get(), 64), "slots");
        slotsSpinner.setValueFactory(slots);
        slots.valueProperty().addListener((obs, old, now) -> settings.slotsProperty().set(now));
        settings.slotsProperty().addListener((obs, old, now) -> slots.setValue(now.intValue()));
        var nodes = lenient(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 256,
                settings.virtualNodesProperty().get()), "virtual nodes per server");
        virtualNodesSpinner.setValueFactory(nodes);
        nodes.valueProperty().addListener((obs, old, now) -> settings.virtualNodesProperty().set(now));
        settings.virtualNodesProperty().addListener((obs, old, now) -> nodes.setValue(now.intValue()));
        settingsExplanation.textProperty().bind(settings.explanationProperty());
    }

    /** Typing a non-number into a spinner says so and keeps the old value, instead of an exception on the FX thread. */
    private SpinnerValueFactory<Integer> lenient(SpinnerValueFactory.IntegerSpinnerValueFactory factory, String what) {
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                RingSettingsViewModel.Checked parsed = RingSettingsViewModel.parseWhole(text, what);
                if (!parsed.valid()) {
                    model.status().error(parsed.error());
                    return factory.getValue();
                }
                return Integer.valueOf(text.trim());
            }
        });
        return factory;
    }

    @FXML
    private void applySettings() {
        actions.applySettings();
    }
}
