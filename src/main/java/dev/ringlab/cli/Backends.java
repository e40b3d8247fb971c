package dev.ringlab.cli;

import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.cluster.SimBackend;
import java.time.Duration;

/** Which {@link Backend} a command line's {@code --backend} means: the one place that builds them. */
final class Backends {

    private Backends() {
    }

    /** @param heartbeat how often replicas are probed, so the backend can time its heartbeats out */
    static Backend create(BackendKind kind, Duration heartbeat) {
        return switch (kind) {
            case SIM -> new SimBackend();
            case PROCESS -> new ProcessBackend(heartbeat);
            case DOCKER -> throw new IllegalArgumentException("the docker backend is not built yet; use --backend process or sim");
        };
    }
}
