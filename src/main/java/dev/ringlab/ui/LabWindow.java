package dev.ringlab.ui;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.ring.RingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the lab window. The command line calls {@link #open} from a plain main thread (the jar's
 * launcher is not a JavaFX Application, so headless commands never load JavaFX); tests call
 * {@link #show} with the stage TestFX gives them.
 */
public final class LabWindow {

    /**
     * How the window starts: the backend to open first and those it may switch to, the ring's shape and
     * how many servers to start with.
     */
    public record Options(BackendKind backend, BackendChoice backends, RingConfig config, int initialServers,
                          int balancerPort, boolean backgroundTraffic, Tour tour, int fall) {

        /** With the window's fall ({@link LabSession#WINDOW_FALL}): time to thaw a frozen server. */
        public Options(BackendKind backend, BackendChoice backends, RingConfig config, int initialServers,
                       int balancerPort, boolean backgroundTraffic, Tour tour) {
            this(backend, backends, config, initialServers, balancerPort, backgroundTraffic, tour,
                    LabSession.WINDOW_FALL);
        }
    }

    /**
     * A run of the window that drives itself and exits: the FX pulse-gap measurement during an A-1 of
     * {@code requests} requests, and/or screenshots into a folder; what it measured and wrote goes to
     * {@code report} (the command line's terminal: the window itself prints nothing).
     */
    public record Tour(boolean diagnosePulse, Path screenshots, int requests, java.io.PrintStream report) {

        boolean active() {
            return diagnosePulse || screenshots != null;
        }
    }

    /**
     * The single jar carries JavaFX on the class path, which JavaFX runs but warns about at every start
     * ("Unsupported JavaFX configuration"); a user cannot act on that line, so only it is filtered out.
     * Held here because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private final Stage stage;
    private final LabActions actions;
    private final ExperimentsController experiments;
    private final CompareController comparison;
    private final FramePump pump;
    private final ScenarioPanelViewModel lesson;
    private final ScenarioFiles scenarios;

    private LabWindow(Stage stage, LabActions actions, ExperimentsController experiments,
                      CompareController comparison, FramePump pump, ScenarioPanelViewModel lesson,
                      ScenarioFiles scenarios) {
        this.lesson = lesson;
        this.scenarios = scenarios;
        this.stage = stage;
        this.actions = actions;
        this.experiments = experiments;
        this.comparison = comparison;
        this.pump = pump;
    }

    /**
     * Starts JavaFX, shows the window and returns when the user closed it and every replica the
     * window started has stopped.
     */
    public static void open(Options options) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // The backend (a Docker ping and reap, a process scan) and the balancer's bind block: do them here,
        // before JavaFX starts, not on the FX thread.
        LabSession session;
        try {
            session = new LabSession(options.backends().open().apply(options.backend()), options.config(),
                    options.balancerPort(), options.fall());
        } catch (RuntimeException startFailure) {
            throw new IllegalStateException("the window could not open: " + Failures.reason(startFailure),
                    startFailure);
        }
        // Ctrl-C or SIGTERM skip the window's close: the session's lab is closed, its replicas stopped, by the
        // lab's one shutdown hook (Reaper), as serve's and the experiments' are.
        AutoCloseable priority = options.backgroundTraffic() ? TrafficPriority.start() : () -> { };
        Platform.setImplicitExit(false);
        JAVAFX_LOG.setFilter(line -> line.getMessage() == null
                || !line.getMessage().startsWith("Unsupported JavaFX configuration"));
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                WindowPreferences preferences = WindowPreferences.user();
                javafx.geometry.Rectangle2D at = preferences.opening(javafx.stage.Screen.getPrimary().getVisualBounds(),
                        place -> !javafx.stage.Screen.getScreensForRectangle(place).isEmpty());
                stage.setX(at.getMinX());
                stage.setY(at.getMinY());
                LabWindow window = show(stage, session, options.backends(), at.getWidth(), at.getHeight());
                // what the user chose stays for the next start; tests, which open through show(), leave it alone
                window.remember(preferences);
                if (Boolean.getBoolean("ringlab.window.presentation")) {
                    // for measuring the pulse (and rehearsing) in presentation mode from the command line
                    window.model().presentationProperty().set(true);
                }
                window.stage.setOnHidden(event -> new Thread(() -> {
                    window.closeSession();
                    closed.countDown();
                }, "ringlab-window-close").start());
                if (options.initialServers() > 0) {
                    window.actions.run(session.add(options.initialServers()),
                            added -> window.model().status().info("Started " + added.size() + " servers."));
                }
                if (options.tour() != null && options.tour().active()) {
                    new WindowTour(window, options.tour().screenshots(), options.tour().diagnosePulse(),
                            options.tour().requests(), options.tour().report()).start(options.initialServers());
                }
            } catch (RuntimeException startFailure) {
                failure.set(startFailure);
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
            closeQuietly(priority);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the window could not open: " + Failures.reason(failure.get()),
                    failure.get());
        }
    }

    private static void closeQuietly(AutoCloseable priority) {
        try {
            priority.close();
        } catch (Exception ignored) {
            // the sweep only lowers priorities; stopping it cannot leave anything behind
        }
    }

    /** Builds the window on {@code stage} for {@code session} and shows it; on the FX thread. */
    public static LabWindow show(Stage stage, LabSession session) {
        return show(stage, session, BackendChoice.only(session.cluster().backend().kind()));
    }

    /**
     * The same, with backends to switch to. This is where the window's parts meet: one view model, one
     * set of actions and one frame pump shared by the panels' controllers ({@link PanelControllers}
     * hands each what its constructor asks for), which never know each other.
     */
    public static LabWindow show(Stage stage, LabSession session, BackendChoice backends) {
        return show(stage, session, backends, 1280, 800);
    }

    static LabWindow show(Stage stage, LabSession session, BackendChoice backends, double width, double height) {
        FXMLLoader loader = new FXMLLoader(LabWindow.class.getResource("/fxml/lab.fxml"));
        FramePump pump = new FramePump();
        LabViewModel model = new LabViewModel(session.ring(), session::placement,
                new BackendViewModel(session.cluster().backend().kind(), backends.offered()));
        LabActions actions = new LabActions(session, backends, model);
        actions.start();
        // first on the pump: each frame feeds the view model before the panels paint from it
        pump.add(actions::frame);
        // Play leaves each captioned step on screen for the dwell at 1x, scaled by the speed slider; the
        // player's thread reads the speed through this copy, not the FX property
        java.util.concurrent.atomic.AtomicReference<Double> speed =
                new java.util.concurrent.atomic.AtomicReference<>(model.playback().speedProperty().get());
        model.playback().speedProperty().addListener((obs, old, now) -> speed.set(now.doubleValue()));
        // a lesson plays over the window's own cluster, so the ring, the table and the live chart follow it
        ScenarioPanelViewModel lesson = new ScenarioPanelViewModel(WindowTestbed.factory(session,
                new dev.ringlab.experiment.LiveTally()), () -> session.cluster().backend().kind().option(),
                Platform::runLater, handouts(), playing -> {
                    if (playing) {
                        session.recorder().suspend();
                    } else {
                        session.recorder().resume();
                    }
                }, () -> ScenarioPanelViewModel.dwellAt(speed.get()));
        ScenarioFiles scenarios = new ScenarioFiles(lesson, session::recorder, model.status(), Platform::runLater);
        PanelControllers controllers = new PanelControllers(model, actions, pump, session, backends, lesson, scenarios);
        loader.setControllerFactory(controllers);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException broken) {
            throw new UncheckedIOException("lab.fxml could not be loaded", broken);
        }
        ExperimentsController experiments = controllers.get(ExperimentsController.class);
        CompareController comparison = controllers.get(CompareController.class);
        experiments.attach(pump, model.status()::log);
        experiments.onHotKeys(model::showHotKeys);
        comparison.attach(pump);
        pump.start();
        stage.setTitle("RingLab");
        // desktop's icon, in the sizes window managers and task bars pick from
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            var icon = LabWindow.class.getResource("/icons/ringlab-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.setScene(new Scene(root, width, height));
        session.start();
        stage.show();
        // Small enough that at 1.5x scaling (1200x780) it still fits a 1280x800 screen.
        stage.setMinWidth(800);
        stage.setMinHeight(520);
        // Under openbox the first configure from the window manager shrank a window sized only by its scene to
        // the minimum; a size set on the stage itself holds.
        Platform.runLater(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        return new LabWindow(stage, actions, experiments, comparison, pump, lesson, scenarios);
    }

    /** Where a lesson played in the window writes its handout: {@code ringlab.handouts}, else ~/ringlab/handouts. */
    private static Path handouts() {
        String chosen = System.getProperty("ringlab.handouts");
        return chosen != null ? Path.of(chosen) : Path.of(System.getProperty("user.home"), "ringlab", "handouts");
    }

    /** The lesson panel's state. */
    ScenarioPanelViewModel lesson() {
        return lesson;
    }

    /** What the File menu does with scenarios. */
    ScenarioFiles scenarios() {
        return scenarios;
    }

    /** Restores what {@code preferences} hold and remembers the window's settings there from now on. */
    WindowMemory remember(WindowPreferences preferences) {
        return WindowMemory.attach(preferences, stage, actions);
    }

    ExperimentsController experiments() {
        return experiments;
    }

    CompareController comparison() {
        return comparison;
    }

    public Stage stage() {
        return stage;
    }

    LabViewModel model() {
        return actions.model();
    }

    LabActions actions() {
        return actions;
    }

    LabSession session() {
        return actions.session();
    }

    FramePump pump() {
        return pump;
    }

    /** The ring on the Ring tab. */
    RingCanvas ring() {
        return (RingCanvas) stage.getScene().lookup("#ring");
    }

    /** Stops painting and every replica the window started; may block, so never on the FX thread. */
    void closeSession() {
        lesson.stop(); // a lesson under way stops and gives the cluster back before the session closes it
        Platform.runLater(() -> {
            actions.stop();
            experiments.stop();
            pump.stop();
        });
        actions.session().close();
    }
}
