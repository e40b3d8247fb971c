package dev.ringlab.ui;

import dev.ringlab.ring.RingSnapshot;
import java.util.Map;
import javafx.beans.Observable;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The Ring tab ({@code ring-panel.fxml}): the ring canvas, its legend and the line under it. Draws the
 * ring on show from the {@link LabViewModel} once per frame when something it depends on changed,
 * flashes the requests that landed, and passes the pointer and clicks on the ring back to the view
 * model. The teaching panel on its right is a file and controller of its own.
 */
public final class RingPanelController {

    @FXML private BorderPane ringPanel;
    @FXML private RingCanvas ring;
    @FXML private ScrollPane teachScroll;
    @FXML private FlowPane legend;
    @FXML private HBox ringFooter;
    @FXML private Label migration;

    private final LabViewModel model;
    private final LabActions actions;
    private final FramePump pump;
    private final ScenarioPanelViewModel lesson;
    private boolean pictureStale = true;
    /** The fault marks on show: the table's rows change often (state, weight), the ring only when these do. */
    private Map<String, FaultMark> faultsShown = Map.of();

    public RingPanelController(LabViewModel model, LabActions actions, FramePump pump, ScenarioPanelViewModel lesson) {
        this.model = model;
        this.actions = actions;
        this.pump = pump;
        this.lesson = lesson;
    }

    @FXML
    private void initialize() {
        ring.focusProperty().addListener((obs, old, now) -> model.pointedProperty().set(now));
        ring.onSelect(name -> model.servers().select(name));
        ring.darkProperty().bind(model.darkProperty());
        Observable[] pictureInputs = {model.playback().shownProperty(), model.lastChangeProperty(), model.down(),
                model.servers().selectedProperty(), model.probeProperty(), model.algorithmProperty(),
                model.fontSizeProperty()}; // the legend's swatches follow the text
        for (Observable input : pictureInputs) {
            input.addListener(changed -> pictureStale = true);
        }
        model.servers().rows().addListener((Observable changed) -> {
            if (!model.servers().faultMarks().equals(faultsShown)) {
                pictureStale = true;
            }
        });
        model.hotKeysProperty().addListener((obs, old, now) -> ring.showHotKeys(now));
        model.presentationProperty().addListener(changed -> present());
        model.fontSizeProperty().addListener(changed -> present());
        lesson.loadedProperty().addListener(changed -> present());
        ringPanel.widthProperty().addListener(changed -> {
            if (model.presentationProperty().get()) {
                present();
            }
        });
        actions.drawRingWith(() -> RingSlide.snapshot(ring, actions.placementLabel()));
        pump.add(this::frame);
    }

    /**
     * Presentation mode: the ring and its markers scaled with the text, the teaching panel at 30 % of the
     * window, no footer. While a lesson is open its column stands beside the ring and says what each step
     * does, so the teaching panel makes way and the ring keeps the room.
     */
    private void present() {
        boolean on = model.presentationProperty().get();
        boolean teach = !(on && lesson.loadedProperty().get());
        teachScroll.setVisible(teach);
        teachScroll.setManaged(teach);
        ring.scaleProperty().set(on ? Math.max(1.4, model.fontSizeProperty().get() / 13 * 0.75) : 1);
        ringFooter.setVisible(!on);
        ringFooter.setManaged(!on);
        double width = ringPanel.getScene() != null && ringPanel.getScene().getWidth() > 0
                ? ringPanel.getScene().getWidth() : 1280;
        teachScroll.setPrefWidth(on ? width * 0.3 : Region.USE_COMPUTED_SIZE);
        teachScroll.setMaxWidth(on ? width * 0.3 : Region.USE_COMPUTED_SIZE);
    }

    private void frame(long now) {
        Playback playback = model.playback();
        // The legend and the ring live in their tab; rebuilding them while it is hidden repaints the whole window.
        if (pictureStale && ring.shown()) {
            showRing();
        }
        ring.flash(actions.landings(), playback.viewNanos());
        ring.paint(playback.viewNanos());
    }

    private void showRing() {
        pictureStale = false;
        RingSnapshot snapshot = model.playback().shownProperty().get();
        RingPicture picture = RingPicture.of(snapshot, model.lastChangeProperty().get(), model.down(),
                model.servers().selectedProperty().get(), model.probeProperty().get(), model.placement())
                .withFaults(model.servers().faultMarks());
        faultsShown = model.servers().faultMarks();
        ring.show(picture);
        migration.setText(picture.migrationText());
        legend.getChildren().clear();
        for (RingPicture.LegendEntry entry : picture.legend()) {
            double side = Math.max(14, model.fontSizeProperty().get() * 0.9);
            Rectangle swatch = new Rectangle(side, side, Color.web(entry.colour()));
            String name = entry.server().name();
            Label label = new Label(String.format("%s  %.1f%%%s", name, 100 * entry.share(), picture.stateWord(name)), swatch);
            label.setId("legend-" + entry.server().id());
            label.getStyleClass().add("legend-entry");
            if (name.equals(picture.selected())) {
                label.getStyleClass().add("selected");
            }
            label.setOnMouseClicked(click -> model.servers().select(name));
            legend.getChildren().add(label);
        }
        // what the fault shapes mean, while a server carries one
        double side = Math.max(18, model.fontSizeProperty().get() * 1.2);
        for (FaultMark mark : picture.faultMarksShown()) {
            Label key = new Label(mark.legend(), FaultGlyphs.key(mark, side, ring.ink(), ring.paper()));
            key.setId("legend-fault-" + mark.word());
            key.getStyleClass().add("legend-key");
            legend.getChildren().add(key);
        }
        actions.refreshServersSoon();
    }

    @FXML
    private void exportRing() {
        actions.exportRing(ringPanel.getScene().getWindow());
    }
}
