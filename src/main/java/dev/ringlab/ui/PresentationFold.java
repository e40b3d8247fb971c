package dev.ringlab.ui;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/**
 * What presentation mode folds away so a chart gets the room. At 1920x1080 the text is 35 px, and
 * every line of form or status above a chart took about 75 px from it (the Compare tab's plots were
 * 130 px high). A folded part takes no room at all, not only no ink; it comes back when presentation
 * mode ends or when it is needed again (an error in the status line, a field the analysis reads).
 */
final class PresentationFold {

    private PresentationFold() {
    }

    /** Shows {@code part} unless presentation mode is on: what is done at the desk (exports), not before a room. */
    static void fold(Node part, ObservableBooleanValue presenting) {
        fold(part, presenting, new javafx.beans.property.SimpleBooleanProperty(true));
    }

    /** Shows {@code part} unless presentation mode is on and {@code spare} holds: then it takes no room. */
    static void fold(Node part, ObservableBooleanValue presenting, ObservableBooleanValue spare) {
        part.managedProperty().bind(part.visibleProperty());
        part.visibleProperty().bind(BooleanExpression.booleanExpression(presenting)
                .and(BooleanExpression.booleanExpression(spare)).not());
    }
}
