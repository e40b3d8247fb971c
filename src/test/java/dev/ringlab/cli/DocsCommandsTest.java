package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.docker.ReplicaImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Keeps the docs honest: every RingLab command they show (in code blocks and inline) is one the
 * command line accepts as written, and the A-1 figures of the course's hashes are what a run gives.
 */
class DocsCommandsTest {

    /** A command as the docs write it: the installed command or the README's jar, then its arguments. */
    private static final Pattern COMMAND = Pattern.compile("^(?:ringlab|java -jar target/ringlab\\.jar)(?:\\s+(.*))?$");
    private static final Pattern INLINE = Pattern.compile("`((?:ringlab|java -jar target/ringlab\\.jar)(?: [^`]*)?)`");

    @AfterEach
    void forgetTheBase() {
        System.clearProperty(ReplicaImage.BASE_PROPERTY);
    }

    @Test
    void everyDocumentedCommandParses() throws IOException {
        List<String> checked = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc);
            boolean inCode = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    inCode = !inCode;
                    continue;
                }
                List<String> commands = new ArrayList<>();
                if (inCode) {
                    StringBuilder joined = new StringBuilder(line.strip());
                    while (joined.toString().endsWith("\\") && i + 1 < lines.size()) {
                        joined.setLength(joined.length() - 1);
                        joined.append(' ').append(lines.get(++i).strip());
                    }
                    commands.add(withoutShell(joined.toString()));
                } else {
                    Matcher inline = INLINE.matcher(line);
                    while (inline.find()) {
                        commands.add(inline.group(1));
                    }
                }
                for (String command : commands) {
                    Matcher matcher = COMMAND.matcher(command.strip());
                    if (!matcher.matches() || isSynopsis(command)) {
                        continue;
                    }
                    String where = doc.getFileName() + ":" + (i + 1) + " " + command.strip();
                    checked.add(where);
                    String reason = parse(matcher.group(1) == null ? "" : matcher.group(1));
                    if (reason != null) {
                        refused.add(where + " -> " + reason);
                    }
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(20);
        assertThat(refused).isEmpty();
    }

    /** The course's hash table in experiments.md gives what A-1 with seed 42 gives for each hash. */
    @Test
    void theHashTableOfTheExperimentsDocIsWhatA1Gives(@TempDir Path out) throws IOException {
        String doc = Files.readString(Path.of("docs/experiments.md"));
        for (String hash : List.of("assignment", "assignment-v2", "murmur3")) {
            StringWriter printed = new StringWriter();
            int exit = RingLabCommand.commandLine(new PrintWriter(printed, true), new PrintWriter(new StringWriter(), true))
                    .execute("experiment", "a1", "--seed", "42", "--hash", hash, "--out", out.resolve(hash).toString());
            assertThat(exit).isZero();
            List<String> counts = new ArrayList<>();
            Matcher row = Pattern.compile("Server \\d\\s+([\\d,]+)").matcher(printed.toString());
            while (row.find()) {
                counts.add(row.group(1));
            }
            assertThat(counts).hasSize(3);
            assertThat(doc).as("the %s row", hash)
                    .containsPattern("\\| `" + Pattern.quote(hash) + "`.*\\| " + String.join(" · ", counts) + " \\|");
        }
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("replica/README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The command alone: no trailing comment, background '&', or the rest of a '&&', '|' or ';' chain. */
    private static String withoutShell(String line) {
        String command = line;
        int comment = command.indexOf(" #");
        if (comment >= 0) {
            command = command.substring(0, comment);
        }
        for (String end : List.of(" && ", " | ", "; ")) {
            int at = command.indexOf(end);
            if (at >= 0) {
                command = command.substring(0, at);
            }
        }
        command = command.strip();
        return command.endsWith("&") ? command.substring(0, command.length() - 1).strip() : command;
    }

    /** A usage line ({@code --algorithm ring|jump}, {@code [--servers 10]}, {@code <NAME>}, "...") is not a command. */
    private static boolean isSynopsis(String command) {
        return command.contains("|") || command.contains("[") || command.contains("<")
                || command.contains("...") || command.contains("…");
    }

    /** Null when the command line takes {@code arguments}, else why not. */
    private static String parse(String arguments) {
        CommandLine root = RingLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        try {
            root.parseArgs(RingLabCommand.withWindowCommand(root, words(arguments)));
            return null;
        } catch (CommandLine.ParameterException refused) {
            return refused.getMessage();
        }
    }

    /** Shell-like words: spaces split, single and double quotes group. */
    private static String[] words(String arguments) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(arguments);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
        }
        return words.toArray(String[]::new);
    }
}
