package dev.ringlab.cluster.swarm;

import dev.ringlab.cluster.docker.ContainerDeaths;
import dev.ringlab.cluster.docker.DockerBackend;
import dev.ringlab.cluster.docker.DockerEngine;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The engine's {@code die} events for one run's task containers on this engine's node, reported as
 * the service they belong to. Tasks on other nodes die without an event here: heartbeats (and, for a
 * following balancer, the task's state) notice those.
 */
final class TaskDeaths {

    /** The label Swarm puts on every task container: the service it runs for. */
    static final String SERVICE_ID_LABEL = "com.docker.swarm.service.id";

    private TaskDeaths() {
    }

    static AutoCloseable watch(DockerEngine engine, String runId, Consumer<String> onServiceDeath) {
        return ContainerDeaths.watch(engine, Map.of(DockerBackend.RUN_LABEL, runId), event -> {
            Map<String, String> attributes = event.getActor() == null ? null : event.getActor().getAttributes();
            String service = attributes == null ? null : attributes.get(SERVICE_ID_LABEL);
            if (service != null) {
                onServiceDeath.accept(service);
            }
        });
    }
}
