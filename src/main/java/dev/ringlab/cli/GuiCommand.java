package dev.ringlab.cli;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.docker.DockerEngine;
import dev.ringlab.ui.BackendChoice;
import java.util.List;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ui.LabWindow;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code ringlab gui}: the lab window, and what {@code ringlab} with no arguments opens. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the lab window: the ring, the servers, live experiments.")
final class GuiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--servers", defaultValue = "3", description = "Servers to start with (default: ${DEFAULT-VALUE}).")
    int servers;

    @Option(names = "--hash", defaultValue = "assignment", description = "assignment or murmur3 (default: ${DEFAULT-VALUE}).")
    String hash;

    @Option(names = "--slots", defaultValue = "512", description = "Slots on the ring (default: ${DEFAULT-VALUE}).")
    int slots;

    @Option(names = "--virtual-nodes", defaultValue = "9", description = "Virtual nodes per server (default: ${DEFAULT-VALUE}).")
    int virtualNodes;

    @Option(names = "--probing", defaultValue = "linear", description = "linear or quadratic (default: ${DEFAULT-VALUE}).")
    String probing;

    @Option(names = "--backend", defaultValue = "auto", converter = Backends.ChoiceConverter.class,
            description = "Where replicas run: auto (Docker when an engine answers, else processes), docker, process"
                    + " or sim (default: ${DEFAULT-VALUE}); the window can switch later.")
    Backends.Choice backend;

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
        BackendKind first = backend.resolve(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        List<BackendKind> offered = first == BackendKind.DOCKER || DockerEngine.fromEnvironment().answers()
                ? List.of(BackendKind.SIM, BackendKind.PROCESS, BackendKind.DOCKER)
                : List.of(BackendKind.SIM, BackendKind.PROCESS);
        LabWindow.open(new LabWindow.Options(first,
                new BackendChoice(offered, kind -> Backends.create(kind, HealthMonitor.DEFAULT_INTERVAL,
                        System.out::println)), config, servers));
        return 0;
    }
}
