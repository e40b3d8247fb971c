package dev.ringlab.cli;

import dev.ringlab.cluster.docker.ImageRecipe;
import dev.ringlab.cluster.docker.ReplicaImage;
import java.io.PrintWriter;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code ringlab [command]}: the root of the command line. */
@Command(name = "ringlab",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A lab and live controller for consistent-hashing load balancing.",
        synopsisSubcommandLabel = "[COMMAND]",
        footer = {"",
            "With no command, or with only the window's options, it opens the window:",
            "  ringlab --backend process      is   ringlab gui --backend process"},
        subcommands = {GuiCommand.class, ExperimentCommand.class, ServeCommand.class, ScenarioCommand.class,
            ImagesCommand.class})
public final class RingLabCommand implements java.util.concurrent.Callable<Integer> {

    /** What picocli itself answers at the root; anything else without a command is the window's. */
    private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Inherited by every command, so it reads the same before or after the command's name. A system
     * property rather than a value passed along: the Docker backend reads it where the image is made,
     * whichever command (window, serve, experiment) started that backend.
     */
    @Option(names = "--replica-image-base", paramLabel = "IMAGE", scope = ScopeType.INHERIT,
            description = "Build the replica image on IMAGE (a Java 17+ runtime image the engine pulls,"
                    + " e.g. eclipse-temurin:17-jre-alpine) instead of offline from this JDK; the default on"
                    + " macOS and Windows, where it is " + ImageRecipe.DEFAULT_BASE + ".")
    void replicaImageBase(String image) {
        if (image == null) { // picocli's reset to the (absent) default
            return;
        }
        if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--replica-image-base must name an image, such as eclipse-temurin:17-jre-alpine, got '" + image + "'");
        }
        System.setProperty(ReplicaImage.BASE_PROPERTY, image);
    }

    /** With no command, open the window: that is what a person who double-clicks the jar wants. */
    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("gui").execute();
    }

    /** Parses and runs; bad input is one line on stderr and exit code 2. */
    public static int run(String... args) {
        CommandLine commandLine = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        return commandLine.execute(withWindowCommand(commandLine, args));
    }

    /**
     * {@code args} with {@code gui} in front when they name no command but are options: the window
     * is the default command, so its options work without its name ({@code ringlab --backend process}).
     */
    static String[] withWindowCommand(CommandLine root, String... args) {
        Set<String> commands = root.getSubcommands().keySet();
        boolean namesCommand = Stream.of(args).anyMatch(commands::contains);
        if (args.length == 0 || namesCommand || (args.length == 1 && ROOT_OPTIONS.contains(args[0]))) {
            return args;
        }
        return Stream.concat(Stream.of("gui"), Stream.of(args)).toArray(String[]::new);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RingLabCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failing = exception.getCommandLine();
            failing.getErr().println("ringlab: " + exception.getMessage()
                    + " (see '" + failing.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((exception, failing, parseResult) -> {
            failing.getErr().println("ringlab: " + (exception.getMessage() == null
                    ? exception.toString() : exception.getMessage()));
            return 1;
        });
        return commandLine;
    }
}
