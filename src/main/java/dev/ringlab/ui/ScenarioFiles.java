package dev.ringlab.ui;

import dev.ringlab.scenario.Lessons;
import dev.ringlab.scenario.ScenarioFileException;
import dev.ringlab.scenario.ScenarioReader;
import dev.ringlab.scenario.SessionRecorder;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * What the File menu and a file dropped on the window do with scenarios: open one (or a bundled
 * lesson) in the lesson panel, and save the session's recorded actions as a file that
 * {@code ringlab scenario run} plays back. Dialogs here; the work is in {@link ScenarioPanelViewModel}
 * and {@link SessionRecorder}. Messages go to the status line.
 */
final class ScenarioFiles {

    private final ScenarioPanelViewModel lesson;
    private final Supplier<SessionRecorder> recorder;
    private final StatusViewModel status;
    private final Executor fx;

    ScenarioFiles(ScenarioPanelViewModel lesson, Supplier<SessionRecorder> recorder, StatusViewModel status, Executor fx) {
        this.lesson = lesson;
        this.recorder = recorder;
        this.status = status;
        this.fx = fx;
    }

    /** Whether a drag carries something to open here: one scenario file. */
    static boolean isScenario(List<File> files) {
        if (files == null || files.size() != 1) {
            return false;
        }
        String name = files.get(0).getName().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** File → Open scenario…: a file chooser, then the lesson panel. */
    void choose(Window owner) {
        FileChooser chooser = chooser("Open a scenario");
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Opens a file (chosen or dropped) in the lesson panel; a bad one is one line on the status line. */
    void open(Path file) {
        if (lesson.open(file)) {
            status.info("Opened the scenario " + file.getFileName() + ": press Play or Step.");
        } else {
            status.error(lesson.messageProperty().get());
        }
    }

    void openLesson(String name) {
        if (lesson.openLesson(name)) {
            status.info("Opened the bundled lesson " + name + ": press Play or Step.");
        } else {
            status.error(lesson.messageProperty().get());
        }
    }

    /** The bundled lessons as the File menu lists them: name and title. */
    static List<Lessons.Lesson> lessons() {
        return Lessons.all();
    }

    /** File → Save session as scenario…: a file chooser, then {@link #save}. */
    void chooseAndSave(Window owner) {
        FileChooser chooser = chooser("Save the session as a scenario");
        chooser.setInitialFileName("my-session.yaml");
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            save(file.toPath());
        }
    }

    /**
     * Writes what the session did as a scenario, after reading it back as {@code scenario run} would;
     * a session with nothing to play yet is refused and nothing is written. The file is written off the
     * FX thread; the status line says where when it is done.
     */
    CompletableFuture<Path> save(Path file) {
        String name = file.getFileName().toString();
        String title = name.replaceAll("\\.ya?ml$", "").replace('-', ' ').replace('_', ' ').strip();
        String text = recorder.get().yaml(title.isEmpty() ? "My session" : title);
        int steps;
        try {
            steps = new ScenarioReader().read(name, text).steps().size();
        } catch (ScenarioFileException unplayable) {
            boolean namedStart = recorder.get().scenario(title, name).servers() == 0 && recorder.get().steps() > 0;
            status.error(namedStart
                    ? "Cannot save this session: a scenario starts from plain servers (servers: N, named Server 1..N), "
                            + "and this window's first servers had names or weights of their own. Start the window "
                            + "with servers, or add plain ones first, then add named ones."
                    : "Nothing to save yet: add, remove, kill or send something first (" + unplayable.getMessage() + ")");
            return CompletableFuture.failedFuture(unplayable);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return file;
            } catch (IOException failed) {
                throw new java.io.UncheckedIOException(failed);
            }
        }).whenComplete((written, failure) -> fx.execute(() -> {
            if (failure == null) {
                status.info("Saved the session as " + written + " (" + steps + " steps); play it with "
                        + "'ringlab scenario run " + written.getFileName() + "'.");
            } else {
                status.error("Could not save " + file + ": " + Failures.reason(failure));
            }
        }));
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios (*.yaml, *.yml)", "*.yaml", "*.yml"));
        return chooser;
    }
}
