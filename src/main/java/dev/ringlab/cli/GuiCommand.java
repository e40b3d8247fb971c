package dev.ringlab.cli;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ui.BackendChoice;
import dev.ringlab.ui.LabWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Option(names = "--backend", defaultValue = "auto", converter = Backends.ChoiceConverter.class,
            description = "Where replicas run: auto (Docker when an engine answers, else processes), docker, swarm, process"
                    + " or sim (default: ${DEFAULT-VALUE}); the window can switch later.")
    Backends.Choice backend;

    @Option(names = "--port", defaultValue = "5000",
            description = "Balancer port on 127.0.0.1; a free one is taken when it is busy (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--servers", defaultValue = "3", description = "Servers to start with (default: ${DEFAULT-VALUE}).")
    int servers;





    @Mixin
    RingOptions ringOptions;

    @Option(names = "--background-traffic", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the traffic the window generates (experiment senders, balancer, replica processes)"
                    + " at background CPU priority, so the window stays smooth while it saturates the machine"
                    + " (Linux; default: ${DEFAULT-VALUE}).")
    boolean backgroundTraffic;

    @Option(names = "--diagnose-pulse",
            description = "Run a 10,000-request A-1 in the Experiments tab, then again with the Ring tab showing;"
                    + " print the gaps between FX pulses (longest, 99th percentile) for each, and exit.")
    boolean diagnosePulse;

    @Option(names = "--screenshots", paramLabel = "DIR",
            description = "Take screenshots of the ring, A-1 and A-3 into DIR, then exit.")
    Path screenshots;

    @Option(names = "--requests", defaultValue = "10000",
            description = "Requests per experiment for --diagnose-pulse and --screenshots (default: ${DEFAULT-VALUE}).")
    int requests;

    @Override
    public Integer call() {
        RingConfig config = ringOptions.config();
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
        BackendChoice choice = new BackendChoice(List.of(BackendKind.DOCKER, BackendKind.SWARM, BackendKind.PROCESS, BackendKind.SIM),
                kind -> Backends.create(kind, Duration.ofMillis(200), System.out::println));
        LabWindow.open(new LabWindow.Options(first, choice, config, servers, port, backgroundTraffic,
                new LabWindow.Tour(diagnosePulse, screenshots, requests)));
        return 0;
    }
}
