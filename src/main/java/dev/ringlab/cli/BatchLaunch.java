package dev.ringlab.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a batch command ({@code experiment}) typed as {@code java -jar ringlab.jar ...} in a JVM made for
 * short runs: the client compiler only ({@code -XX:TieredStopAtLevel=1}) and the application's
 * class-data-sharing archive ({@link AppArchive}). A cold {@code experiment a1 --backend process} spends
 * most of its CPU compiling, not running: the optimizing compiler alone took more CPU than the
 * balancer's threads, and C1-only with the archive needs about 40% less CPU for the same run, also for
 * the simulated analyses (docs/performance.md). A jar's manifest cannot carry JVM options, so the first
 * JVM starts a second one with them, its own options after them (they win), and passes its exit code on.
 *
 * <p>The window ({@code gui}, or no command at all) runs so too: during its first A-1 the JIT compilers
 * took 1.3-2.0 s of CPU, and with the client compiler only that A-1 took about half the wall time, the
 * whole run 0.7x the CPU, with shorter pulse gaps, not longer (docs/performance.md): the window's heavy
 * work (painting, rasterizing) is native code that neither compiler touches.
 *
 * <p>Not relaunched: {@code serve} (a long run, where the optimizing compiler pays off), the window's
 * options without its name ({@code ringlab --backend process}), a JVM that already chose its compiler
 * ({@code scripts/ringlab} passes the options itself), one not started with {@code -jar}, a runtime
 * without {@code bin/java}, and {@code -Dringlab.relaunch=false}.
 */
final class BatchLaunch {

    /** Set on the second JVM, so that it runs the command itself. */
    static final String LAUNCHED = "ringlab.launched";
    /** {@code -Dringlab.relaunch=false} runs every command in the first JVM. */
    static final String RELAUNCH = "ringlab.relaunch";
    static final String CLIENT_COMPILER = "-XX:TieredStopAtLevel=1";
    private static final java.util.Set<String> RELAUNCHED = java.util.Set.of("experiment", "gui");

    private BatchLaunch() {
    }

    /**
     * Runs {@code args} in a second JVM when that is worth it.
     *
     * @return the second JVM's exit code, or empty when this JVM should run the command itself
     */
    static Optional<Integer> run(String[] args) {
        if (System.getProperty(LAUNCHED) != null || "false".equals(System.getProperty(RELAUNCH))) {
            return Optional.empty();
        }
        Optional<List<String>> command;
        try {
            // the same launcher as this JVM: javaw for a jar double-clicked on Windows, so no console opens
            Path java = ProcessHandle.current().info().command().map(Path::of).filter(Files::isRegularFile)
                    .orElse(Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java"));
            command = command(ProcessHandle.current().info().arguments().map(List::of).orElse(List.of()), args,
                    java, jar());
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException cannot) {
            return Optional.empty();
        }
        // Ctrl-C reaches both JVMs; a SIGTERM to this one alone is passed on. Either way this JVM ends after
        // the second one has stopped what it started (replicas, containers).
        Thread passOn = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "ringlab-batch-launch");
        Runtime.getRuntime().addShutdownHook(passOn);
        while (true) {
            try {
                int code = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(passOn);
                return Optional.of(code);
            } catch (InterruptedException interrupted) {
                // keep waiting: the child decides when the command ends
            } catch (IllegalStateException shuttingDown) {
                return Optional.of(child.exitValue());
            }
        }
    }

    /**
     * The second JVM's command line, or empty when this one should run the command.
     *
     * @param arguments this JVM's arguments after the executable ({@code ProcessHandle.Info.arguments()})
     * @param args      the command's arguments
     * @param java      the {@code java} of this runtime
     * @param jar       the application jar this JVM runs, or null
     */
    static Optional<List<String>> command(List<String> arguments, String[] args, Path java, Path jar) {
        int dashJar = arguments.indexOf("-jar");
        boolean relaunched = args.length == 0 || RELAUNCHED.contains(args[0]); // no command: the window
        if (!relaunched || dashJar < 0 || jar == null
                || !Files.isRegularFile(java)) {
            return Optional.empty();
        }
        List<String> options = arguments.subList(0, dashJar);
        if (options.stream().anyMatch(option -> option.startsWith("-XX:TieredStopAtLevel")
                || option.startsWith("-XX:+AutoCreateSharedArchive") || option.equals("-XX:-TieredCompilation"))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add(CLIENT_COMPILER);
        Path archive = jar.resolveSibling(AppArchive.ARCHIVE);
        if (newer(archive, jar)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
        }
        command.addAll(options);
        command.add("-D" + LAUNCHED + "=true");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** The jar this class was loaded from, or null when it runs from a folder (tests, an IDE). */
    private static Path jar() {
        try {
            Path source = Path.of(BatchLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(source) ? source.toAbsolutePath() : null;
        } catch (URISyntaxException | RuntimeException unknown) {
            return null;
        }
    }

    private static boolean newer(Path file, Path than) {
        try {
            return Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) >= 0;
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
