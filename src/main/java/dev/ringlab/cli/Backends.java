package dev.ringlab.cli;

import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.cluster.docker.DockerBackend;
import dev.ringlab.cluster.docker.DockerEngine;
import dev.ringlab.cluster.swarm.SwarmBackend;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Which {@link Backend} a command line's {@code --backend} means: the one place that builds them. */
final class Backends {

    private Backends() {
    }

    /** What {@code --backend} accepts: a kind, or {@code auto} (Docker when an engine answers, else processes). */
    enum Choice {
        AUTO, DOCKER, SWARM, PROCESS, SIM;

        String option() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String known() {
            return Arrays.stream(values()).map(Choice::option).collect(Collectors.joining(", "));
        }

        /** The kind this choice means here and now; {@code auto} says which it picked and why. */
        BackendKind resolve(Consumer<String> notes) {
            return switch (this) {
                case DOCKER -> BackendKind.DOCKER;
                case SWARM -> BackendKind.SWARM;
                case PROCESS -> BackendKind.PROCESS;
                case SIM -> BackendKind.SIM;
                case AUTO -> {
                    DockerEngine engine = DockerEngine.fromEnvironment();
                    if (engine.answers()) {
                        notes.accept("backend: Docker (auto: an engine answers at " + engine.host() + ")");
                        yield BackendKind.DOCKER;
                    }
                    notes.accept("backend: processes (auto: no Docker engine answers at " + engine.host() + ")");
                    yield BackendKind.PROCESS;
                }
            };
        }
    }

    /** Lets picocli report an unknown backend in one line. */
    static final class ChoiceConverter implements CommandLine.ITypeConverter<Choice> {
        @Override
        public Choice convert(String value) {
            for (Choice choice : Choice.values()) {
                if (choice.option().equalsIgnoreCase(value.trim())) {
                    return choice;
                }
            }
            throw new CommandLine.TypeConversionException("unknown backend '" + value + "' (known: " + Choice.known() + ")");
        }
    }

    /** @param heartbeat how often replicas are probed, so the backend can time its heartbeats out */
    static Backend create(BackendKind kind, Duration heartbeat) {
        return create(kind, heartbeat, note -> { });
    }

    /**
     * @param notes where a backend's news for the user goes (the Docker image being built, leftovers
     *              of a killed run removed)
     */
    static Backend create(BackendKind kind, Duration heartbeat, Consumer<String> notes) {
        return create(kind, heartbeat, notes, null);
    }

    /**
     * @param image a registry image for Swarm replicas (every node pulls it), or null for RingLab's own
     *              image built on the engine; other backends ignore it
     */
    static Backend create(BackendKind kind, Duration heartbeat, Consumer<String> notes, String image) {
        return switch (kind) {
            // heartbeats that wait for a frozen replica as a process's do: the same freeze is the same miss on every backend
            case SIM -> SimBackend.withRealHeartbeats(heartbeat);
            case PROCESS -> new ProcessBackend(heartbeat);
            case DOCKER -> new DockerBackend(Version.current(), heartbeat, notes);
            case SWARM -> new SwarmBackend(Version.current(), image, heartbeat, notes);
        };
    }
}
