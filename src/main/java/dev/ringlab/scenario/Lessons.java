package dev.ringlab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The lessons bundled in the jar ({@code src/main/resources/lessons}). Their names are listed in
 * {@code lessons/index.txt}, since a jar cannot be listed portably; a test keeps the index and the
 * folder in step.
 */
public final class Lessons {

    static final String FOLDER = "lessons/";
    static final String INDEX = FOLDER + "index.txt";

    /** A bundled lesson: its name (what {@code scenario run NAME} takes) and its checked scenario. */
    public record Lesson(String name, Scenario scenario) {
    }

    private Lessons() {
    }

    /** The names of every bundled lesson, in the index's order. */
    public static List<String> names() {
        return text(INDEX).orElseThrow(() -> new IllegalStateException("the jar has no " + INDEX))
                .lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** The bundled lesson of that name, read and checked, or empty when there is none. */
    public static Optional<Lesson> find(String name) {
        return find(name, new ScenarioReader());
    }

    /** The same, read by {@code reader} (e.g. one that caps the requests for a rehearsal). */
    public static Optional<Lesson> find(String name, ScenarioReader reader) {
        if (!names().contains(name)) {
            return Optional.empty();
        }
        return text(FOLDER + name + ".yaml").map(text -> new Lesson(name, reader.read(name, text)));
    }

    public static List<Lesson> all() {
        return names().stream().map(name -> find(name).orElseThrow(
                () -> new IllegalStateException("lesson '" + name + "' is in the index but not in the jar"))).toList();
    }

    /** The file's text as bundled, for a teacher who wants to copy and change it. */
    public static Optional<String> source(String name) {
        return names().contains(name) ? text(FOLDER + name + ".yaml") : Optional.empty();
    }

    private static Optional<String> text(String resource) {
        try (InputStream in = Lessons.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + resource + " from the jar: " + unreadable.getMessage(), unreadable);
        }
    }
}
