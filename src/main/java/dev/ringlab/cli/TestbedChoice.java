package dev.ringlab.cli;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.HttpTestbed;
import dev.ringlab.experiment.InProcessTestbed;
import dev.ringlab.experiment.TestbedFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * What {@code --backend} names: one row per kind of testbed the experiments can run on. A new backend
 * (process, docker, auto, a remote balancer) is one more constant here; the runners do not change.
 */
enum TestbedChoice {

    SIM("in-memory simulation, the balancer's dispatcher in this process") {
        @Override
        TestbedFactory factory() {
            // Heartbeats wait for a frozen replica as a process's do, so A-6 and flapping teach the same on both.
            return InProcessTestbed.factory(() -> SimBackend.withRealHeartbeats(HealthMonitor.DEFAULT_INTERVAL));
        }
    },
    PROCESS("replica processes behind the embedded HTTP balancer, requests over loopback HTTP") {
        @Override
        TestbedFactory factory() {
            return on(BackendKind.PROCESS);
        }
    },
    DOCKER("replica containers behind the embedded HTTP balancer, requests over loopback HTTP") {
        @Override
        TestbedFactory factory() {
            return on(BackendKind.DOCKER);
        }
    },
    SWARM("replica Swarm services behind the embedded HTTP balancer, requests over HTTP to their nodes") {
        @Override
        TestbedFactory factory() {
            return on(BackendKind.SWARM);
        }
    },
    AUTO("docker when an engine answers, else process") {
        @Override
        TestbedFactory factory() {
            return on(Backends.Choice.AUTO.resolve(System.err::println));
        }
    };

    /**
     * Real replicas of {@code kind} behind the real balancer, so experiments measure what clients get;
     * the backend's news (an image being built) goes to stderr.
     */
    private static TestbedFactory on(BackendKind kind) {
        return HttpTestbed.embedded(() -> Backends.create(kind, HealthMonitor.DEFAULT_INTERVAL, System.err::println));
    }

    private final String description;

    TestbedChoice(String description) {
        this.description = description;
    }

    /** Opens testbeds of this kind; called once per command, before anything runs. */
    abstract TestbedFactory factory();

    String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    String description() {
        return description;
    }

    static TestbedChoice byName(String name) {
        for (TestbedChoice choice : values()) {
            if (choice.option().equalsIgnoreCase(name.trim())) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + name + "' (known: " + known() + ")");
    }

    static String known() {
        return Arrays.stream(values()).map(TestbedChoice::option).collect(Collectors.joining(", "));
    }

    /** Lets picocli report an unknown backend in one line. */
    static final class Converter implements CommandLine.ITypeConverter<TestbedChoice> {
        @Override
        public TestbedChoice convert(String value) {
            try {
                return byName(value);
            } catch (IllegalArgumentException unknown) {
                throw new CommandLine.TypeConversionException(unknown.getMessage());
            }
        }
    }
}
