package dev.ringlab.ui;

import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.scenario.Check;
import dev.ringlab.scenario.DeclaredStart;
import dev.ringlab.scenario.Handout;
import dev.ringlab.scenario.Lessons;
import dev.ringlab.scenario.Scenario;
import dev.ringlab.scenario.ScenarioFileException;
import dev.ringlab.scenario.ScenarioPlayer;
import dev.ringlab.scenario.ScenarioReader;
import dev.ringlab.scenario.ScenarioRun;
import dev.ringlab.scenario.Step;
import dev.ringlab.scenario.StepGate;
import dev.ringlab.scenario.StepOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The scenario panel's state without controls: the lesson opened, its steps, the step under way with
 * its caption (what the room reads), the figures and expectations of the step just played, and the
 * Play, Pause and Step of a {@link StepGate}. The lesson plays on a thread of its own over the window's
 * cluster (the {@link TestbedFactory} given), so the ring, the servers table and the charts follow it;
 * what the player reports reaches these properties through {@code fx} (the FX thread in the window,
 * the calling thread in tests). A bad file changes nothing and says why in {@link #messageProperty()}.
 *
 * <p>A lesson starts from the state its file declares, as {@code ringlab scenario run} does: the window's
 * cluster is shaped to its servers (Server 1..N, by those names) and its ring ({@link DeclaredStart}), and
 * given back afterwards. Under Play each captioned step stays on screen for the dwell before the next one.
 */
public final class ScenarioPanelViewModel {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final TestbedFactory testbeds;
    private final Supplier<String> backend;
    private final Executor fx;
    private final Path handouts;
    /** Told when a lesson starts and ends playing, e.g. to stop recording the session meanwhile. */
    private final Consumer<Boolean> playingChanged;
    /** How long Play leaves a captioned step on screen; asked after each step. */
    private final Supplier<Duration> dwell;

    private final StringProperty title = new SimpleStringProperty("No scenario open");
    private final StringProperty heading = new SimpleStringProperty("Open a lesson: File → Open scenario…, a bundled "
            + "lesson, or drop a .yaml file on the window.");
    private final StringProperty caption = new SimpleStringProperty("");
    private final StringProperty figures = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty current = new SimpleIntegerProperty(0);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final BooleanProperty stepping = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> chart = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> handout = new SimpleObjectProperty<>();
    private final ObservableList<String> steps = FXCollections.observableArrayList();

    private Scenario scenario;
    private StepGate gate;
    private ScenarioPlayer player;

    /**
     * @param backend        the backend the window runs now, as the handout names it
     * @param handouts       where each played lesson's handout folder goes
     * @param playingChanged told true when a lesson starts playing and false when it ended
     */
    public ScenarioPanelViewModel(TestbedFactory testbeds, Supplier<String> backend, Executor fx, Path handouts,
                                  Consumer<Boolean> playingChanged) {
        this(testbeds, backend, fx, handouts, playingChanged, () -> Duration.ZERO);
    }

    /**
     * @param dwell how long Play leaves each captioned step on screen before the next (the window's few
     *              seconds, scaled by its speed); Step and headless runs never wait
     */
    public ScenarioPanelViewModel(TestbedFactory testbeds, Supplier<String> backend, Executor fx, Path handouts,
                                  Consumer<Boolean> playingChanged, Supplier<Duration> dwell) {
        this.dwell = dwell;
        this.testbeds = DeclaredStart.of(testbeds);
        this.backend = backend;
        this.fx = fx;
        this.handouts = handouts;
        this.playingChanged = playingChanged;
    }

    /** Reads and checks a file; a bad one leaves the lesson open before as it was. Returns whether it opened. */
    public boolean open(Path file) {
        try {
            return open(new ScenarioReader().read(file));
        } catch (ScenarioFileException refused) {
            message.set(refused.getMessage());
            return false;
        }
    }

    /** A lesson bundled in the jar, by name. */
    public boolean openLesson(String name) {
        return Lessons.find(name).map(lesson -> open(lesson.scenario())).orElseGet(() -> {
            message.set("no bundled lesson is named '" + name + "' (known: " + String.join(", ", Lessons.names()) + ")");
            return false;
        });
    }

    /** Opens a checked scenario, ready for Play or Step; refused while another one plays. */
    public boolean open(Scenario next) {
        if (running.get()) {
            message.set("A lesson is playing: stop it before opening another.");
            return false;
        }
        scenario = next;
        gate = null;
        player = null;
        title.set(next.title());
        steps.setAll(next.steps().stream().map(step -> step.number() + ". " + step.action().summary()).toList());
        current.set(0);
        heading.set(next.steps().size() + " steps, ready: press Play, or Step for one at a time.");
        // what the lesson is about, in the caption's size: the first thing the room reads
        caption.set(next.description() == null ? "" : prose(next.description()));
        figures.set("");
        chart.set(null);
        handout.set(null);
        loaded.set(true);
        message.set("Opened " + next.source() + ".");
        return true;
    }

    /** Plays every step from here on, each captioned one left on screen for the dwell. */
    public void play() {
        if (!loaded.get() || releasedTheEnd()) {
            return;
        }
        startIfNeeded().play();
        playing.set(true);
    }

    /** The step under way ends; the next waits for Play or Step. */
    public void pause() {
        if (gate != null) {
            gate.pause();
        }
        playing.set(false);
    }

    /** Lets exactly one more step through. */
    public void step() {
        if (!loaded.get() || releasedTheEnd()) {
            return;
        }
        playing.set(false);
        StepGate started = startIfNeeded();
        started.pause();
        started.step();
    }

    /** Stops a lesson under way; the window's cluster is given back as it was. Never blocks; from any thread. */
    public void stop() {
        if (releasedTheEnd()) {
            return;
        }
        ScenarioPlayer now = player;
        if (now != null && running.get()) {
            fx.execute(() -> message.set("Stopping the lesson…"));
            now.stop();
        }
    }

    /** A lesson held after its last step goes on to its end (servers given back, handout written). */
    private boolean releasedTheEnd() {
        StepGate held = gate;
        if (held != null && running.get() && held.heldAtEnd()) {
            held.release();
            message.set("Giving the window's servers back and writing the handout…");
            return true;
        }
        return false;
    }

    /** Puts the lesson away (the panel hides); refused while it plays. */
    public void close() {
        if (running.get()) {
            message.set("A lesson is playing: stop it before closing it.");
            return;
        }
        loaded.set(false);
        scenario = null;
        player = null;
        gate = null;
    }

    private StepGate startIfNeeded() {
        if (running.get() && gate != null) {
            return gate;
        }
        if (player != null) {
            open(scenario); // played to the end before: start again from the first step
        }
        gate = StepGate.pausedHoldingTheEnd(dwell);
        long seed = scenario.seed() != null ? scenario.seed() : ThreadLocalRandom.current().nextLong(1, 1_000_000);
        String stem = scenario.source().replaceAll(".*[/\\\\]", "").replaceAll("\\.ya?ml$", "")
                .replaceAll("[^A-Za-z0-9_.-]", "-");
        Path folder = handouts.resolve(stem + "-" + LocalDateTime.now().format(STAMP));
        ScenarioPlayer started = new ScenarioPlayer(scenario, testbeds, backend.get(), folder, seed, new Listener(), gate);
        player = started;
        running.set(true);
        stepping.set(true); // setting the lesson's start up, until the player says it is on show
        playingChanged.accept(true);
        Thread thread = new Thread(() -> finish(started, folder), "ringlab-scenario");
        thread.setDaemon(true);
        thread.start();
        return gate;
    }

    /** On the player's thread: plays, writes the handout, and reports. */
    private void finish(ScenarioPlayer started, Path folder) {
        ScenarioRun run = null;
        Path written = null;
        String problem = null;
        try {
            run = started.play();
            written = new Handout(version()).write(run, folder);
        } catch (java.io.IOException | RuntimeException failure) {
            problem = failure.getMessage();
        } finally {
            playingChanged.accept(false);
        }
        ScenarioRun ended = run;
        Path page = written;
        String why = problem;
        fx.execute(() -> {
            running.set(false);
            playing.set(false);
            handout.set(page);
            // the ring is the window's own again: the last step's caption no longer describes it
            caption.set(ended == null ? "" : "The window has its own servers and ring back, as before the lesson.");
            figures.set("");
            stepping.set(false);
            if (ended == null) {
                heading.set("The lesson could not be played");
                message.set(why);
            } else if (ended.error() != null) {
                heading.set("Stopped after step " + ended.outcomes().size() + " of " + steps.size());
                message.set(ended.error());
            } else {
                heading.set("Done: " + (ended.checks() == 0 ? "every step played"
                        : ended.passed() ? "every expectation held"
                        : ended.failedChecks() + " of " + ended.checks() + " expectations failed"));
                message.set("Handout: " + page);
            }
        });
    }

    /** How long Play leaves a captioned step on screen at 1x: time to read the caption and look at the ring. */
    public static final Duration DWELL = Duration.ofSeconds(4);

    /** The dwell at the window's playback speed (2x halves it). */
    static Duration dwellAt(double speed) {
        return Duration.ofNanos((long) (DWELL.toNanos() / Math.max(Playback.MIN_SPEED, speed)));
    }

        /** A file's text as flowing prose: a YAML block's line breaks joined, its blank lines kept as paragraphs. */
    static String prose(String text) {
        return text.strip().replaceAll("(?<!\n)\n(?!\n)", " ");
    }

    private static String version() {
        String version = ScenarioPanelViewModel.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** From the player's thread to the properties, through {@code fx}. */
    private final class Listener implements ScenarioPlayer.Listener {
        @Override
        public void started(String what) {
            fx.execute(() -> {
                heading.set("The lesson's start: " + what);
                message.set("Step ▸ plays step 1; Play plays them all.");
                stepping.set(false);
            });
        }

        @Override
        public void stepStarted(Step step) {
            fx.execute(() -> {
                current.set(step.number());
                heading.set("Step " + step.number() + " of " + steps.size() + ": " + step.action().summary());
                caption.set(step.caption() == null ? "" : prose(step.caption()));
                figures.set("");
                message.set(""); // "Opened ..." is old news once the lesson plays
                stepping.set(true);
            });
        }

        @Override
        public void stepEnded(StepOutcome outcome) {
            String text = describe(outcome);
            Path picture = outcome.charts().isEmpty() ? null : outcome.charts().get(outcome.charts().size() - 1);
            fx.execute(() -> {
                figures.set(text);
                if (picture != null) {
                    chart.set(picture);
                }
                stepping.set(false);
            });
        }

        @Override
        public void heldAtEnd() {
            fx.execute(() -> {
                playing.set(false);
                heading.set("Last step played: the ring stays as the lesson left it");
                message.set("Press Step or Stop to give the window's servers back and write the handout.");
            });
        }
    }

    /** The expectations with what was measured, else the step's headline figures. */
    static String describe(StepOutcome outcome) {
        if (outcome.error() != null) {
            return "could not be played: " + outcome.error();
        }
        StringBuilder text = new StringBuilder();
        for (Check check : outcome.checks()) {
            text.append(check.passed() ? "✔ " : "✘ ").append(check.expectation().text()).append("   (measured ")
                    .append(check.actual() == null ? "nothing" : figure(check.actual())).append(")\n");
        }
        if (text.length() == 0) {
            outcome.metrics().entrySet().stream().filter(entry -> !entry.getKey().endsWith("_ms") || entry.getKey()
                    .equals("max_ms")).limit(6).forEach(entry -> text.append(entry.getKey()).append(' ')
                    .append(figure(entry.getValue())).append("   "));
        }
        return text.toString().strip();
    }

    private static String figure(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** "Step 3 of 7: kill Server 2", or what to do next: the line shown largest. */
    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    /** The teacher's narration of the step under way. */
    public ReadOnlyStringProperty captionProperty() {
        return caption;
    }

    /** The expectations of the step just played, each with its measured figure. */
    public ReadOnlyStringProperty figuresProperty() {
        return figures;
    }

    /** What happened last: opened, refused (with file, line and step), stopped, where the handout is. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The number of the step under way or last played; 0 before the first. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    /** A lesson is under way (perhaps paused between steps). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Play is on: steps follow each other, a captioned one after the dwell. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing;
    }

    /** A step is being played right now. */
    public ReadOnlyBooleanProperty steppingProperty() {
        return stepping;
    }

    /** The newest chart a step drew (a PNG), or null. */
    public ReadOnlyObjectProperty<Path> chartProperty() {
        return chart;
    }

    /** The handout of the lesson played last, or null. */
    public ReadOnlyObjectProperty<Path> handoutProperty() {
        return handout;
    }

    /** "1. send 5,000 requests", one per step. */
    public ObservableList<String> steps() {
        return FXCollections.unmodifiableObservableList(steps);
    }
}
