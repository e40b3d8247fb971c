package dev.ringlab.cli;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ui.BackendChoice;
import dev.ringlab.ui.LabWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--backend", defaultValue = "auto", converter = Backends.ChoiceConverter.class,
            description = "Where replicas run: auto (Docker when an engine answers, else processes), docker, process"
                    + " or sim (default: ${DEFAULT-VALUE}); the window can switch later.")
    Backends.Choice backend;

    @Option(names = "--port", defaultValue = "5000",
            description = "Balancer port on 127.0.0.1; a free one is taken when it is busy (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--servers", defaultValue = "3", description = "Servers to start with (default: ${DEFAULT-VALUE}).")
    int servers;

    @Option(names = "--hash", defaultValue = "assignment", description = "assignment or murmur3 (default: ${DEFAULT-VALUE}).")
    String hash;

    @Option(names = "--slots", defaultValue = "512", description = "Slots on the ring (default: ${DEFAULT-VALUE}).")
    int slots;

    @Option(names = "--vnodes", defaultValue = "9", description = "Virtual nodes per server (default: ${DEFAULT-VALUE}).")
    int virtualNodes;

    @Option(names = "--probing", defaultValue = "linear", description = "linear or quadratic (default: ${DEFAULT-VALUE}).")
    String probing;

    @Option(names = "--diagnose-pulse",
            description = "Run a 10,000-request A-1 in the window, print the longest FX pulse gap, and exit.")
    boolean diagnosePulse;

    @Option(names = "--screenshots", paramLabel = "DIR",
            description = "Take screenshots of the ring, A-1 and A-3 into DIR, then exit.")
    Path screenshots;

    @Option(names = "--requests", defaultValue = "10000",
            description = "Requests per experiment for --diagnose-pulse and --screenshots (default: ${DEFAULT-VALUE}).")
    int requests;

    @Override
    public Integer call() {
        RingConfig config;
        try {
            config = new RingConfig(slots, virtualNodes, RingHash.byName(hash), Probing.byName(probing));
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
        if (servers < 0 || servers > config.maxServers()) {
            throw new ParameterException(spec.commandLine(),
                    "--servers must be between 0 and " + config.maxServers() + ", got " + servers);
        }
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (requests < 1 || requests > 10_000_000) {
            throw new ParameterException(spec.commandLine(), "--requests must be between 1 and 10000000, got " + requests);
        }
        BackendKind first = backend.resolve(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        BackendChoice choice = new BackendChoice(List.of(BackendKind.DOCKER, BackendKind.PROCESS, BackendKind.SIM),
                kind -> Backends.create(kind, Duration.ofMillis(200), System.out::println));
        LabWindow.open(new LabWindow.Options(first, choice, config, servers, port,
                new LabWindow.Tour(diagnosePulse, screenshots, requests)));
        return 0;
    }
}
