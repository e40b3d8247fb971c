package dev.ringlab.ui;

import dev.ringlab.ring.RingConfig;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.transform.Transform;

/**
 * The ring as a slide: a title, the ring drawn afresh at a fixed size (no pointer line, no request in
 * flight, whatever the window's size), the legend with each server's share and a caption with what
 * made this ring (hash, slots, virtual nodes, servers, placement), rendered at twice its size.
 */
final class RingSlide {

    static final double RING_SIZE = 760;
    static final double PIXEL_SCALE = 2;

    private RingSlide() {
    }

    /** On the FX thread. */
    static WritableImage snapshot(RingCanvas source, String placement) {
        RingPicture picture = source.picture();
        RingConfig config = picture.ring().config();
        RingCanvas ring = RingCanvas.copyOf(source, RING_SIZE);
        Label title = new Label("Consistent-hashing ring: " + picture.ring().size()
                + (picture.ring().size() == 1 ? " server" : " servers"));
        title.setFont(Font.font("System", FontWeight.BOLD, 24));
        FlowPane legend = new FlowPane(16, 6);
        legend.setPrefWrapLength(RING_SIZE);
        for (RingPicture.LegendEntry entry : picture.legend()) {
            Label label = new Label(String.format("%s  %.1f%%%s", entry.server().name(), 100 * entry.share(),
                    picture.stateWord(entry.server().name())), new Rectangle(16, 16, Color.web(entry.colour())));
            label.setFont(Font.font("System", 17));
            legend.getChildren().add(label);
        }
        for (FaultMark mark : picture.faultMarksShown()) {
            Label key = new Label(mark.legend(), FaultGlyphs.key(mark, 22, Color.web("#111111"), Color.WHITE));
            key.setFont(Font.font("System", 17));
            legend.getChildren().add(key);
        }
        Label caption = new Label(String.format("%s hash · %d slots · %d virtual nodes per server · %s probing · "
                        + "placement %s · ring v%d%s", config.hash().name(), config.slots(), config.virtualNodesPerServer(),
                config.probing().label(), placement.isBlank() ? picture.algorithm().label() : placement,
                picture.ring().version(), picture.changedSlots().isEmpty() ? ""
                        : ". Hatched: slots the last change moved (" + picture.change().headline() + ")."));
        caption.setWrapText(true);
        caption.setMaxWidth(RING_SIZE);
        caption.setFont(Font.font("System", 15));
        VBox slide = new VBox(10, title, ring, legend, caption);
        slide.setPadding(new Insets(20));
        slide.setStyle("-fx-background-color: white;");
        new Scene(slide);
        slide.applyCss();
        slide.layout();
        ring.paint(0);
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        parameters.setTransform(Transform.scale(PIXEL_SCALE, PIXEL_SCALE));
        return slide.snapshot(parameters, null);
    }
}
