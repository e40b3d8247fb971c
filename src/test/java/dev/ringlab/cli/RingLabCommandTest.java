package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.docker.ReplicaImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The top level: the window's options without {@code gui}, inherited options, consistent help. */
class RingLabCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void forgetTheBase() {
        System.clearProperty(ReplicaImage.BASE_PROPERTY);
    }

    private CommandLine root() {
        return RingLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void theWindowsOptionsWorkWithoutNamingTheWindow() {
        CommandLine root = root();
        CommandLine.ParseResult parsed = root.parseArgs(
                RingLabCommand.withWindowCommand(root, "--backend", "process", "--servers", "2"));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("gui");
        GuiCommand gui = (GuiCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(gui.backend).isEqualTo(Backends.Choice.PROCESS);
        assertThat(gui.servers).isEqualTo(2);
    }

    @Test
    void commandsAndTheRootsOwnOptionsAreLeftAsTheyAre() {
        CommandLine root = root();
        assertThat(RingLabCommand.withWindowCommand(root)).isEmpty();
        assertThat(RingLabCommand.withWindowCommand(root, "--version")).containsExactly("--version");
        assertThat(RingLabCommand.withWindowCommand(root, "-h")).containsExactly("-h");
        assertThat(RingLabCommand.withWindowCommand(root, "serve", "--replicas", "2"))
                .containsExactly("serve", "--replicas", "2");
        assertThat(RingLabCommand.withWindowCommand(root, "--replica-image-base", "eclipse-temurin:17-jre", "serve"))
                .containsExactly("--replica-image-base", "eclipse-temurin:17-jre", "serve");
    }

    @Test
    void aBadWindowOptionIsTheWindowsUsageError() {
        CommandLine root = root();
        int exit = root.execute(RingLabCommand.withWindowCommand(root, "--backend", "cloud"));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown backend 'cloud'", "auto, docker, swarm, process, sim",
                "see 'ringlab gui --help'");
    }

    @Test
    void aFallOutsideOneToAHundredIsRefusedBeforeTheWindowOpens() {
        CommandLine root = root();
        assertThat(((GuiCommand) root.parseArgs(RingLabCommand.withWindowCommand(root, "--fall", "25"))
                .subcommand().commandSpec().userObject()).fall).isEqualTo(25);
        int exit = root().execute("gui", "--fall", "0", "--backend", "sim");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--fall must be between 1 and 100, got 0");
    }

    @Test
    void theReplicaImageBaseIsTakenBeforeOrAfterTheCommand() {
        root().parseArgs("serve", "--replica-image-base", "eclipse-temurin:17-jre-alpine");
        assertThat(ReplicaImage.recipe("1").base()).isEqualTo("eclipse-temurin:17-jre-alpine");
        root().parseArgs("--replica-image-base", "eclipse-temurin:21-jre", "experiment", "a1");
        assertThat(ReplicaImage.recipe("1").base()).isEqualTo("eclipse-temurin:21-jre");

        System.clearProperty(ReplicaImage.BASE_PROPERTY);
        int exit = root().execute("experiment", "a1", "--replica-image-base", " ");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--replica-image-base must name an image");
        assertThat(ReplicaImage.recipe("1").offline()).isTrue();
    }

    /** Every option's placeholder is a word in capitals, and every --backend lists the kinds it takes. */
    @Test
    void helpPlaceholdersAreCapitalWordsAndBackendsAreListed() {
        List<String> wrong = new ArrayList<>();
        List<CommandSpec> commands = new ArrayList<>();
        collect(root().getCommandSpec(), commands);
        for (CommandSpec command : commands) {
            for (OptionSpec option : command.options()) {
                if (option.arity().max() > 0 && !option.paramLabel().matches("[A-Z][A-Z0-9_]*")) {
                    wrong.add(command.qualifiedName() + " " + option.longestName() + " " + option.paramLabel());
                }
                if (option.longestName().equals("--backend")) {
                    String help = String.join(" ", option.description());
                    for (String kind : List.of("auto", "docker", "process", "sim")) {
                        if (!help.contains(kind)) {
                            wrong.add(command.qualifiedName() + " --backend does not list " + kind);
                        }
                    }
                }
            }
        }
        assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
        assertThat(wrong).isEmpty();
    }

    private static void collect(CommandSpec command, List<CommandSpec> into) {
        into.add(command);
        command.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), into));
    }

    @Test
    void aTakenBalancerPortIsSaidInOneLineAndAFreeOneTaken() throws IOException {
        List<String> notes = new ArrayList<>();
        try (java.net.ServerSocket holder = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(GuiCommand.balancerPort(holder.getLocalPort(), notes::add)).isZero();
        }
        assertThat(notes).singleElement().asString()
                .startsWith("balancer: port ").contains("is taken; using a free port");
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        assertThat(GuiCommand.balancerPort(free, notes::add)).isEqualTo(free);
        assertThat(GuiCommand.balancerPort(0, notes::add)).isZero();
        assertThat(notes).hasSize(1);
    }

    /** A real start without a display: a hint, not JavaFX's bare "Unable to open DISPLAY". */
    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutADisplayTheWindowSaysWhatToDo() throws IOException, InterruptedException {
        assertThat(startWithDisplay(null)).contains("ringlab: no display to open the window on", "xvfb-run",
                "ringlab serve").doesNotContain("Exception");
    }

    /** A display that does not answer (no X server on it): the same hint, after JavaFX's own words. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aDisplayThatDoesNotAnswerGetsTheSameHint() throws IOException, InterruptedException {
        assertThat(Path.of("/tmp/.X4093-lock")).doesNotExist();
        assertThat(startWithDisplay(":4093")).contains("ringlab: cannot open the display ':4093'", "xvfb-run")
                .doesNotContain("Exception");
    }

    /** What the launcher says, in a process of its own, with {@code display} as DISPLAY (none when null); exit 1. */
    private static String startWithDisplay(String display) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--backend", "sim", "--servers", "0", "--port", "0")
                .redirectErrorStream(true);
        builder.environment().remove("WAYLAND_DISPLAY");
        if (display == null) {
            builder.environment().remove("DISPLAY");
        } else {
            builder.environment().put("DISPLAY", display);
        }
        Process process = builder.start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(said).isEqualTo(1);
        return said;
    }
}
