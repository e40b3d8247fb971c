package dev.ringlab.ui;

import javafx.scene.Node;

/**
 * Whether a node is on screen. Drawing into a node that is not (the content of a tab that is not
 * selected) costs JavaFX a repaint of the whole window, so views that follow live data wait until
 * they show.
 */
final class OnScreen {

    private OnScreen() {
    }

    /** In a showing window, and neither the node nor any parent hidden (a tab hides its content when not selected). */
    static boolean showing(Node node) {
        for (Node each = node; each != null; each = each.getParent()) {
            if (!each.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }
}
