package dev.ringlab.cli;

import dev.ringlab.cluster.BackendException;
import dev.ringlab.cluster.docker.DockerEngine;
import dev.ringlab.cluster.swarm.ImageArchive;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ringlab images}: RingLab's replica image for the other nodes of a swarm. */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = "The replica image for the nodes of a swarm (docs/swarm.md).",
        subcommands = {ImagesCommand.Save.class})
final class ImagesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code ringlab images save FILE}. */
    @Command(name = "save", mixinStandardHelpOptions = true,
            description = {"Builds RingLab's replica image on this engine if missing (offline) and writes it to FILE,"
                    + " a tar that 'docker load -i FILE' takes on each node of the swarm."})
    static final class Save implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The tar to write, e.g. ringlab-replica.tar (replaced if it exists).")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ImageArchive.Saved saved;
            try {
                saved = ImageArchive.save(DockerEngine.fromEnvironment(), Version.current(), file, note -> {
                    out.println(note);
                    out.flush();
                });
            } catch (BackendException failed) {
                throw new CommandLine.ParameterException(spec.commandLine(), failed.getMessage());
            }
            out.printf(Locale.ROOT, "wrote %s (%.1f MB): %s%n", saved.file(), saved.bytes() / 1e6, saved.image());
            out.printf("on each node of the swarm: docker load -i %s%n", saved.file().getFileName());
            out.flush();
            return 0;
        }
    }
}
