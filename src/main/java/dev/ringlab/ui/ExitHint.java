package dev.ringlab.ui;

import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

/**
 * "Press F5 or Esc to leave presentation mode", shown for a few seconds at the top of the window when
 * presentation mode begins, in place of JavaFX's own full-screen hint. That one is an overlay the
 * toolkit draws over the scene, and while it shows (4 s, then a 1 s fade) every frame repaints the
 * whole window instead of what changed: with an experiment's chart filling a 1920x1080 screen, the
 * renderer needed about 3x the CPU during an A-1 and pulses came up to 160 ms apart instead of 33-65
 * (docs/performance.md). This label is a node like any other, so only its own few pixels are repainted,
 * once when it appears and once when it goes.
 */
final class ExitHint {

    static final String TEXT = "Press F5 or Esc to leave presentation mode";
    static final Duration SHOWN = Duration.seconds(4);

    private final Label label = new Label(TEXT);
    private final PauseTransition showing = new PauseTransition(SHOWN);
    private final Pane parent;

    /** On top of {@code parent}'s children, laid out by itself, so the window's layout never moves for it. */
    ExitHint(Pane parent) {
        this.parent = parent;
        label.setId("exitHint");
        label.getStyleClass().add("exit-hint");
        label.setManaged(false);
        label.setMouseTransparent(true);
        label.setVisible(false);
        showing.setOnFinished(done -> label.setVisible(false));
        parent.widthProperty().addListener(resized -> place());
        parent.heightProperty().addListener(resized -> place());
        // presentation mode's larger text reaches the label on a later pulse: size it again then
        label.fontProperty().addListener(restyled -> place());
        parent.getChildren().add(label);
    }

    /** Shows the hint for {@link #SHOWN}, centred near the top. */
    void show() {
        label.toFront();
        label.setVisible(true);
        place();
        showing.playFromStart();
    }

    void hide() {
        showing.stop();
        label.setVisible(false);
    }

    boolean showing() {
        return label.isVisible();
    }

    private void place() {
        if (!label.isVisible()) {
            return;
        }
        label.applyCss();
        label.autosize();
        label.relocate(Math.max(0, (parent.getWidth() - label.getWidth()) / 2), parent.getHeight() * 0.2);
    }
}
