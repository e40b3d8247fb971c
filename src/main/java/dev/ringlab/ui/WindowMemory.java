package dev.ringlab.ui;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.algorithm.Algorithm;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Ties an open window to what it remembers ({@link WindowPreferences}): the theme, the placement
 * algorithm, the backend and the ring are written as they change, the size and place when the window
 * closes; Reset forgets them and puts the window back as on a first start. The backend and ring a
 * window opens on are chosen before it opens (the command line's {@code gui}); the theme and the
 * algorithm are restored here.
 */
final class WindowMemory {

    private final WindowPreferences preferences;
    private final Stage stage;
    private final LabViewModel model;
    private final LabActions actions;

    private WindowMemory(WindowPreferences preferences, Stage stage, LabActions actions) {
        this.preferences = preferences;
        this.stage = stage;
        this.model = actions.model();
        this.actions = actions;
    }

    /** Restores what {@code preferences} hold onto the window and remembers from now on; on the FX thread. */
    static WindowMemory attach(WindowPreferences preferences, Stage stage, LabActions actions) {
        WindowMemory memory = new WindowMemory(preferences, stage, actions);
        memory.restore();
        memory.listen();
        actions.resetWith(memory::reset);
        return memory;
    }

    private void restore() {
        model.darkProperty().set(preferences.dark());
        preferences.algorithm().ifPresent(actions::useAlgorithm);
    }

    private void listen() {
        model.darkProperty().addListener((obs, was, dark) -> preferences.rememberDark(dark));
        model.algorithmProperty().addListener((obs, was, now) -> {
            if (now != null) {
                preferences.rememberAlgorithm(now);
            }
        });
        model.backend().currentProperty().addListener((obs, was, now) -> {
            if (now != null) {
                preferences.rememberBackend(now);
            }
        });
        model.settings().appliedProperty().addListener((obs, was, now) -> {
            if (now != null) {
                preferences.rememberRing(now);
            }
        });
        // remembered whatever closes the window (the close box, Quit, Ctrl+Q)
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, event -> rememberPlace());
    }

    /** The size and place, not while full screen, maximised or iconified: those sizes are the screen's. */
    private void rememberPlace() {
        // the ring the cluster runs, whatever the settings tab shows (a paused window may show an older one)
        preferences.rememberRing(actions.session().ring().config());
        if (!stage.isFullScreen() && !stage.isIconified() && !stage.isMaximized()) {
            preferences.rememberBounds(new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        }
        preferences.flush();
    }

    /**
     * Forgets everything and shows the defaults now: the light theme, the ring placement, the default
     * ring, the first start's size and place. The backend keeps running (switching would restart every
     * replica); with nothing remembered the next start chooses it as on the first day.
     */
    void reset() {
        preferences.forget();
        model.presentationProperty().set(false);
        model.darkProperty().set(false);
        actions.useAlgorithm(Algorithm.RING);
        RingSettingsViewModel settings = model.settings();
        RingConfig defaults = RingConfig.DEFAULT;
        if (!defaults.equals(settings.appliedProperty().get())) {
            settings.hashProperty().set(defaults.hash());
            settings.slotsProperty().set(defaults.slots());
            settings.virtualNodesProperty().set(defaults.virtualNodesPerServer());
            settings.probingProperty().set(defaults.probing());
            actions.applySettings();
        }
        stage.setMaximized(false);
        Rectangle2D at = preferences.opening(Screen.getPrimary().getVisualBounds(), place -> true);
        stage.setX(at.getMinX());
        stage.setY(at.getMinY());
        stage.setWidth(at.getWidth());
        stage.setHeight(at.getHeight());
        model.status().log("settings reset to the defaults; nothing remembered");
        model.status().info("Settings reset to the defaults: light theme, ring placement, " + defaults.hash().name()
                + " hash, " + defaults.slots() + " slots, " + defaults.virtualNodesPerServer()
                + " virtual nodes, " + defaults.probing().label() + " probing; the backend is chosen afresh at the next start.");
    }
}
