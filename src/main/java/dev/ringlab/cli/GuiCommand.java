package dev.ringlab.cli;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.docker.DockerEngine;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ui.BackendChoice;
import dev.ringlab.ui.LabWindow;
import dev.ringlab.ui.WindowPreferences;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ringlab gui}: the lab window, and what {@code ringlab} with no arguments opens. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the lab window: the ring, the servers, live experiments, and the balancer on 127.0.0.1.")
final class GuiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", paramLabel = "KIND", defaultValue = "auto", converter = Backends.ChoiceConverter.class,
            description = "Where replicas run: auto (Docker when an engine answers, else processes), docker, swarm, process"
                    + " or sim (default: ${DEFAULT-VALUE}); the window can switch later.")
    Backends.Choice backend;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5000",
            description = "Balancer port on 127.0.0.1; a free one is taken when it is busy (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--servers", paramLabel = "N", defaultValue = "3", description = "Servers to start with (default: ${DEFAULT-VALUE}).")
    int servers;
    @Mixin
    RingOptions ringOptions;

    @Option(names = "--background-traffic", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the traffic the window generates (experiment senders, balancer, replica processes)"
                    + " at background CPU priority, so the window stays smooth while it saturates the machine"
                    + " (Linux; default: ${DEFAULT-VALUE}).")
    boolean backgroundTraffic;

    @Option(names = "--fall", paramLabel = "N", defaultValue = "" + dev.ringlab.ui.LabSession.WINDOW_FALL,
            description = "Missed heartbeats in a row before a server is declared dead and replaced, 1..100"
                    + " (default: ${DEFAULT-VALUE}): a frozen server misses one about every 0.7 s, so about 4 s to"
                    + " thaw it; a killed one is noticed in about 1.2 s.")
    int fall;

    @Option(names = "--diagnose-pulse",
            description = "Run a 10,000-request A-1 in the Experiments tab, then again with the Ring tab showing;"
                    + " print the gaps between FX pulses (longest, 99th percentile) for each, and exit.")
    boolean diagnosePulse;

    @Option(names = "--screenshots", paramLabel = "DIR",
            description = "Take screenshots of the window into DIR (the ring, A-1, A-3 and the Compare tab), then exit.")
    Path screenshots;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "10000",
            description = "Requests per experiment for --diagnose-pulse and --screenshots (default: ${DEFAULT-VALUE}).")
    int requests;

    /**
     * What the window remembers from its last run; read only when the window opens (so the other
     * commands never touch the store), and set by tests to a node of their own.
     */
    WindowPreferences remembered;

    private WindowPreferences remembered() {
        if (remembered == null) {
            remembered = WindowPreferences.user();
        }
        return remembered;
    }

    @Override
    public Integer call() {
        RingConfig config = ring();
        if (servers < 0 || servers > config.maxServers()) {
            throw new ParameterException(spec.commandLine(),
                    "--servers must be between 0 and " + config.maxServers() + ", got " + servers);
        }
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (fall < 1 || fall > 100) {
            throw new ParameterException(spec.commandLine(), "--fall must be between 1 and 100, got " + fall);
        }
        if (requests < 1 || requests > 10_000_000) {
            throw new ParameterException(spec.commandLine(), "--requests must be between 1 and 10000000, got " + requests);
        }
        display().ifPresent(missing -> {
            throw new IllegalStateException(missing);
        });
        BackendKind first = firstBackend(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        BackendChoice choice = new BackendChoice(List.of(BackendKind.DOCKER, BackendKind.SWARM, BackendKind.PROCESS, BackendKind.SIM),
                kind -> Backends.create(kind, Duration.ofMillis(200), System.out::println));
        int balancerPort = balancerPort(port, spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        try {
            LabWindow.open(new LabWindow.Options(first, choice, config, servers, balancerPort, backgroundTraffic,
                    new LabWindow.Tour(diagnosePulse, screenshots, requests, System.out), fall));
        } catch (UnsupportedOperationException noDisplay) { // JavaFX: "Unable to open DISPLAY"
            throw new IllegalStateException("cannot open the display '" + System.getenv("DISPLAY") + "' ("
                    + noDisplay.getMessage() + "). " + ELSEWHERE, noDisplay);
        }
        return 0;
    }

    /** The ring of the command line when it names any of its options, else the one the window last used. */
    RingConfig ring() {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        boolean named = RingOptions.NAMES.stream().anyMatch(given::hasMatchedOption);
        return named ? ringOptions.config() : remembered().ring().orElseGet(ringOptions::config);
    }

    /**
     * The backend of the command line when it names one, else the one the window last ran on; a
     * remembered Docker or Swarm whose engine no longer answers gives way to {@code auto}.
     */
    BackendKind firstBackend(java.util.function.Consumer<String> notes) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--backend")) {
            return backend.resolve(notes);
        }
        java.util.Optional<BackendKind> last = remembered().backend();
        if (last.isEmpty()) {
            return backend.resolve(notes);
        }
        boolean needsEngine = last.get() == BackendKind.DOCKER || last.get() == BackendKind.SWARM;
        if (needsEngine && !DockerEngine.fromEnvironment().answers()) {
            notes.accept("backend: " + last.get().label() + " last time, but no Docker engine answers now");
            return Backends.Choice.AUTO.resolve(notes);
        }
        notes.accept("backend: " + last.get().label() + ", as last time (--backend chooses another)");
        return last.get();
    }

    /**
     * {@code wanted}, or 0 (a free port) when another program holds it, said in one line like the
     * backend's. Checked here, before the window, so the note reads like every other message rather
     * than in a logger's format; the window's balancer still takes a free port if one is taken later.
     */
    static int balancerPort(int wanted, java.util.function.Consumer<String> notes) {
        if (wanted == 0) {
            return 0;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), wanted));
            return wanted;
        } catch (java.io.IOException taken) {
            notes.accept("balancer: port " + wanted + " on 127.0.0.1 is taken; using a free port (the window shows"
                    + " its URL; --port chooses another)");
            return 0;
        }
    }

    /** What to do where the window cannot open. */
    private static final String ELSEWHERE = "Start RingLab from a desktop session, or with a virtual one"
            + " (xvfb-run -a ringlab), or use a command that needs none: ringlab serve, ringlab experiment a1"
            + " (see 'ringlab --help')";

    /**
     * Why the window cannot open here, if it cannot: on Linux and other Unix systems JavaFX needs an X11
     * or Wayland display, and without one it fails with a bare "Unable to open DISPLAY".
     */
    static java.util.Optional<String> display() {
        String os = System.getProperty("os.name", "");
        boolean ownDesktop = os.startsWith("Windows") || os.startsWith("Mac");
        boolean headlessGlass = "Monocle".equals(System.getProperty("glass.platform"));
        if (ownDesktop || headlessGlass || !blank(System.getenv("DISPLAY")) || !blank(System.getenv("WAYLAND_DISPLAY"))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("no display to open the window on (DISPLAY is not set). " + ELSEWHERE);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
