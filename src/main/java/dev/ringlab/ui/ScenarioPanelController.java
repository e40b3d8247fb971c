package dev.ringlab.ui;

import java.nio.file.Path;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The lesson panel ({@code scenario-panel.fxml}): binds its controls to the {@link ScenarioPanelViewModel}
 * and forwards Play, Pause, Step, Stop and Close to it. It sizes the step and its caption from the
 * window's height, so they stay readable from the back of a room at any window size.
 */
public final class ScenarioPanelController {

    /** The step's line, the caption and the figures, as shares of the window's height. */
    static final double STEP_SHARE = 0.036;
    static final double CAPTION_SHARE = 0.031;
    static final double FIGURES_SHARE = 0.021;

    @FXML private HBox scenarioPanel;
    @FXML private VBox lessonText;
    @FXML private HBox lessonBar;
    @FXML private VBox lessonSteps;
    @FXML private Label lessonTitle;
    @FXML private Label stepHeading;
    @FXML private Label stepCaption;
    @FXML private Label stepFigures;
    @FXML private Label scenarioMessage;
    @FXML private Button lessonPlay;
    @FXML private Button lessonPause;
    @FXML private Button lessonStep;
    @FXML private Button lessonStop;
    @FXML private Button lessonClose;
    @FXML private ListView<String> stepList;
    @FXML private ImageView stepChart;

    private final ScenarioPanelViewModel model;
    private final LabViewModel lab;

    public ScenarioPanelController(ScenarioPanelViewModel model, LabViewModel lab) {
        this.model = model;
        this.lab = lab;
    }

    @FXML
    private void initialize() {
        scenarioPanel.visibleProperty().bind(model.loadedProperty());
        scenarioPanel.managedProperty().bind(model.loadedProperty());
        lessonTitle.textProperty().bind(model.titleProperty());
        stepHeading.textProperty().bind(model.headingProperty());
        stepCaption.textProperty().bind(model.captionProperty());
        // a step without a caption leaves no gap between the step and its figures
        stepCaption.managedProperty().bind(model.captionProperty().isNotEmpty());
        stepCaption.visibleProperty().bind(model.captionProperty().isNotEmpty());
        stepFigures.textProperty().bind(model.figuresProperty());
        scenarioMessage.textProperty().bind(model.messageProperty());
        lessonPlay.disableProperty().bind(model.playingProperty());
        lessonPause.disableProperty().bind(model.playingProperty().not());
        lessonStep.disableProperty().bind(model.steppingProperty());
        lessonStop.disableProperty().bind(model.runningProperty().not());
        lessonClose.disableProperty().bind(model.runningProperty());
        stepList.setItems(model.steps());
        stepList.setCellFactory(list -> new WrappedStep(list));
        model.currentProperty().addListener((obs, was, now) -> {
            int index = now.intValue() - 1;
            if (index >= 0 && index < stepList.getItems().size()) {
                stepList.getSelectionModel().select(index);
                stepList.scrollTo(Math.max(0, index - 1));
            } else {
                stepList.getSelectionModel().clearSelection();
            }
        });
        model.chartProperty().addListener((obs, was, now) -> stepChart.setImage(now == null ? null : image(now)));
        // The chart fits the steps' column (sized in em by lab.css), no taller than the list of steps; until
        // a step draws one it takes no room (an empty ImageView with a fit size still asks for its height,
        // which left the panel half empty and the ring small).
        stepChart.fitWidthProperty().bind(stepList.widthProperty());
        stepChart.fitHeightProperty().bind(stepList.heightProperty());
        // In presentation mode the thumbnail is left out: too small to read from the back, and the room
        // it takes comes off the ring (the chart itself is on the handout and the Experiments tab).
        var shown = stepChart.imageProperty().isNotNull().and(lab.presentationProperty().not());
        stepChart.managedProperty().bind(shown);
        stepChart.visibleProperty().bind(shown);
        scenarioPanel.sceneProperty().addListener((obs, was, scene) -> follow(scene));
        lab.presentationProperty().addListener((obs, was, on) -> arrange(on));
        arrange(lab.presentationProperty().get());
    }

    /**
     * Along the bottom, the title shares the buttons' row and the steps stand beside the text; in
     * presentation mode the panel is a column beside the ring (the window's frame puts it there), so
     * the title gets a line of its own and the steps go under the text.
     */
    private void arrange(boolean column) {
        lessonText.getChildren().remove(lessonTitle);
        lessonBar.getChildren().remove(lessonTitle);
        lessonText.getChildren().remove(lessonSteps);
        scenarioPanel.getChildren().remove(lessonSteps);
        lessonTitle.setWrapText(column);
        if (column) {
            lessonText.getChildren().add(0, lessonTitle);
            lessonText.getChildren().add(lessonSteps);
            VBox.setVgrow(lessonSteps, Priority.ALWAYS);
        } else {
            lessonBar.getChildren().add(0, lessonTitle);
            scenarioPanel.getChildren().add(lessonSteps);
        }
    }

    /** A step's line wraps in the list's width rather than running off under a scroll bar. */
    private static final class WrappedStep extends ListCell<String> {
        WrappedStep(ListView<String> list) {
            setWrapText(true);
            // the list's width less its scroll bar and padding, so a long step wraps instead of scrolling sideways
            prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> list.getWidth() - getFont().getSize() * 2.5, list.widthProperty(), fontProperty()));
            setMaxWidth(USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(String step, boolean empty) {
            super.updateItem(step, empty);
            setText(empty ? null : step);
        }
    }

    /** Loaded off the FX thread (background loading), so a large chart never stalls a frame. */
    private static Image image(Path png) {
        return new Image(png.toUri().toString(), true);
    }

    private void follow(Scene scene) {
        if (scene != null) {
            scene.heightProperty().addListener((obs, was, height) -> size(height.doubleValue()));
            size(scene.getHeight());
        }
    }

    private void size(double height) {
        stepHeading.setStyle(fontSize(height, STEP_SHARE, 20));
        stepCaption.setStyle(fontSize(height, CAPTION_SHARE, 17));
        stepFigures.setStyle(fontSize(height, FIGURES_SHARE, 13));
    }

    private static String fontSize(double height, double share, double least) {
        return String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", Math.max(least, height * share));
    }

    @FXML
    private void play() {
        model.play();
    }

    @FXML
    private void pause() {
        model.pause();
    }

    @FXML
    private void step() {
        model.step();
    }

    @FXML
    private void stop() {
        model.stop();
    }

    @FXML
    private void close() {
        model.close();
    }
}
