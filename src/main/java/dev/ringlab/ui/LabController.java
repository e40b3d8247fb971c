package dev.ringlab.ui;

import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import dev.ringlab.scenario.Lessons;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.TransferMode;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The window's frame ({@code lab.fxml}): the menu bar, the split between the tabs and the servers
 * panel, the theme and presentation mode. Menu items are forwarded to {@link LabActions}; every panel
 * is included from a file of its own with its own controller, and none of them is known here.
 */
public final class LabController {

    @FXML private BorderPane root;
    @FXML private SplitPane split;
    @FXML private Node sidePanel;
    @FXML private Node scenarioPanel;
    @FXML private CheckMenuItem presentationItem;
    @FXML private CheckMenuItem darkItem;
    @FXML private Menu lessonsMenu;

    private final LabViewModel model;
    private final LabActions actions;
    private final ScenarioFiles scenarios;
    private ExitHint exitHint;

    public LabController(LabViewModel model, LabActions actions, ScenarioFiles scenarios) {
        this.model = model;
        this.actions = actions;
        this.scenarios = scenarios;
    }

    @FXML
    private void initialize() {
        presentationItem.selectedProperty().bindBidirectional(model.presentationProperty());
        exitHint = new ExitHint(root);
        model.presentationProperty().addListener((obs, old, on) -> {
            present(on);
            if (on) {
                exitHint.show();
            } else {
                exitHint.hide();
            }
        });
        darkItem.selectedProperty().bindBidirectional(model.darkProperty());
        model.darkProperty().addListener((obs, old, on) -> {
            root.getStyleClass().remove("dark");
            if (on) {
                root.getStyleClass().add("dark");
            }
        });
        InvalidationListener resized = size -> {
            if (model.presentationProperty().get()) {
                present(true);
            }
        };
        root.heightProperty().addListener(resized);
        root.widthProperty().addListener(resized);
        leaveWithEscape();
        // reading and checking the bundled lessons takes a moment: off the FX thread, listed when read
        CompletableFuture.supplyAsync(ScenarioFiles::lessons).thenAccept(lessons -> Platform.runLater(() -> {
            for (Lessons.Lesson lesson : lessons) {
                MenuItem item = new MenuItem(lesson.scenario().title());
                item.setOnAction(event -> scenarios.openLesson(lesson.name()));
                lessonsMenu.getItems().add(item);
            }
        }));
        // a scenario file dropped anywhere on the window opens in the lesson panel
        root.setOnDragOver(event -> {
            if (ScenarioFiles.isScenario(event.getDragboard().getFiles())) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            boolean opened = ScenarioFiles.isScenario(event.getDragboard().getFiles());
            if (opened) {
                scenarios.open(event.getDragboard().getFiles().get(0).toPath());
            }
            event.setDropCompleted(opened);
            event.consume();
        });
    }

    @FXML
    private void openScenario() {
        scenarios.choose(root.getScene().getWindow());
    }

    @FXML
    private void saveSession() {
        scenarios.chooseAndSave(root.getScene().getWindow());
    }

    /**
     * Presentation mode: full screen, text at about 3.2 % of the window's height (slides use 3.3–4.4 %)
     * and the servers panel folded away so the ring takes the room; the ring panel and the strip follow
     * the view model's text size and presentation switch themselves.
     */
    private void present(boolean on) {
        Stage stage = (Stage) root.getScene().getWindow();
        double height = root.getHeight() > 0 ? root.getHeight() : 800;
        double px = on ? Math.max(16, Math.round(height * 0.032)) : 13;
        root.setStyle("-fx-font-size: " + px + "px;");
        root.getStyleClass().remove("presentation");
        if (on) {
            root.getStyleClass().add("presentation"); // lab.css: what grows besides the text (charts)
        }
        model.fontSizeProperty().set(px);
        // a lesson beside the ring rather than under it: the ring keeps the window's height
        // (both cleared first: a node set in one place while still in the other is dropped from the frame;
        // and only when it moves: set again on every resize, it came back above the exit hint)
        if ((on ? root.getRight() : root.getBottom()) != scenarioPanel) {
            root.setBottom(null);
            root.setRight(null);
            if (on) {
                root.setRight(scenarioPanel);
            } else {
                root.setBottom(scenarioPanel);
            }
        }
        if (on && split.getItems().contains(sidePanel)) {
            split.getItems().remove(sidePanel);
        } else if (!on && !split.getItems().contains(sidePanel)) {
            split.getItems().add(sidePanel);
            split.setDividerPositions(0.62);
        }
        if (stage != null && stage.isFullScreen() != on && !Boolean.getBoolean("ringlab.window.noFullScreen")) {
            stage.setFullScreenExitHint(""); // ours instead (ExitHint): JavaFX's repaints the whole window while it shows
            stage.setFullScreen(on);
        }
    }

    /**
     * Esc leaves presentation mode, as the full-screen hint says: whether the window manager took the
     * window full screen (and its own Esc ends that) or not (a window manager without full screen).
     */
    private void leaveWithEscape() {
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == javafx.scene.input.KeyCode.ESCAPE && model.presentationProperty().get()) {
                model.presentationProperty().set(false);
                key.consume();
            }
        });
        root.sceneProperty().addListener((obs, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, oldWindow, window) -> {
                    if (window instanceof Stage stage) {
                        stage.fullScreenProperty().addListener((f, was, full) -> {
                            if (was && !full && model.presentationProperty().get()) {
                                model.presentationProperty().set(false);
                            }
                        });
                    }
                });
            }
        });
    }

    @FXML
    private void exportRing() {
        actions.exportRing(root.getScene().getWindow());
    }

    @FXML
    private void quit() {
        root.getScene().getWindow().hide();
    }

    @FXML
    private void addServer() {
        actions.addServer();
    }

    @FXML
    private void removeServer() {
        actions.removeServer();
    }

    @FXML
    private void killServer() {
        actions.killServer();
    }

    @FXML
    private void freezeServer() {
        actions.faults().freeze();
    }

    @FXML
    private void thawServer() {
        actions.faults().thaw();
    }

    @FXML
    private void slowServer() {
        actions.faults().askSlow(root.getScene().getWindow());
    }

    @FXML
    private void clearFaults() {
        actions.faults().clear();
    }

    @FXML
    private void sendOne() {
        actions.sendOne();
    }

    @FXML
    private void togglePause() {
        actions.togglePause();
    }

    @FXML
    private void step() {
        model.playback().step();
    }

    @FXML
    private void resetSettings() {
        actions.resetSettings();
    }

    @FXML
    private void showCheatSheet() {
        info("API cheat-sheet", actions.cheatSheet());
    }

    @FXML
    private void showAbout() {
        info("About RingLab", "RingLab: consistent hashing you can watch.\nF5 presentation mode, Ctrl+Space pause, "
                + "Ctrl+. step, Ctrl+N add, Ctrl+K kill, Ctrl+R send a request.\nDocs: docs/window.md");
    }

    private void info(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(root.getScene().getWindow());
        alert.show();
    }
}
