package dev.ringlab.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * What the window remembers between starts (java.util.prefs, so per user and per platform's own
 * store): its size and position, the dark theme. A remembered place off every screen is ignored, and
 * the first start opens at 80 % of the screen, at least 1024x700 where the screen allows.
 */
final class WindowPreferences {

    private static final String NODE = "dev/ringlab/window";

    private WindowPreferences() {
    }

    private static Preferences node() {
        return Preferences.userRoot().node(NODE);
    }

    /** The remembered (or a sensible first) size of the window, and the stage placed on screen for it. */
    static Rectangle2D restore(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Preferences prefs = node();
        double w = prefs.getDouble("width", Math.min(screen.getWidth(), Math.max(1024, screen.getWidth() * 0.8)));
        double h = prefs.getDouble("height", Math.min(screen.getHeight(), Math.max(700, screen.getHeight() * 0.8)));
        w = Math.min(w, screen.getWidth());
        h = Math.min(h, screen.getHeight());
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        boolean onSomeScreen = !Double.isNaN(x) && !Screen.getScreensForRectangle(x, y, 40, 40).isEmpty();
        if (onSomeScreen) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
        }
        return new Rectangle2D(0, 0, w, h);
    }

    static boolean dark() {
        return node().getBoolean("dark", false);
    }

    static void rememberDark(boolean dark) {
        node().putBoolean("dark", dark);
    }

    /** Remembers where the window is; not while full screen, whose size is the screen's. */
    static void remember(Stage stage) {
        if (stage.isFullScreen() || stage.isIconified()) {
            return;
        }
        Preferences prefs = node();
        prefs.putDouble("width", stage.getWidth());
        prefs.putDouble("height", stage.getHeight());
        prefs.putDouble("x", stage.getX());
        prefs.putDouble("y", stage.getY());
    }

    /** Forgets everything remembered; the next start opens as on the first day. */
    static void forget() {
        try {
            node().clear();
        } catch (BackingStoreException unavailable) {
            // nothing stored, nothing to forget
        }
    }
}
