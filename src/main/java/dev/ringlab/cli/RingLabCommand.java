package dev.ringlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ringlab [command]}: the root of the command line. */
@Command(name = "ringlab",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A lab and live controller for consistent-hashing load balancing.",
        subcommands = {GuiCommand.class, ExperimentCommand.class, ServeCommand.class, ScenarioCommand.class})
public final class RingLabCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** With no command, open the window: that is what a person who double-clicks the jar wants. */
    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("gui").execute();
    }

    /** Parses and runs; bad input is one line on stderr and exit code 2. */
    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
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
