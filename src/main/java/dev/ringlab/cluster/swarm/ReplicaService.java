package dev.ringlab.cluster.swarm;

import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.ResourceRequirements;
import com.github.dockerjava.api.model.ResourceSpecs;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.TaskSpec;
import dev.ringlab.cluster.docker.DockerBackend;
import dev.ringlab.cluster.docker.ReplicaImage;
import dev.ringlab.ring.Server;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Swarm service that runs one server: one task of the replica image, labelled like the Docker
 * backend's containers plus the server's id (a following balancer rebuilds the very same ring from
 * the labels), its port published in host mode on whatever node runs it.
 *
 * <p>Restart condition {@code none}: when the replica dies its task stays dead, and RingLab detects
 * it and starts a replacement under a new name, exactly as on the other backends. Swarm restarting
 * it would bring the same server back at the same place on the ring, hiding the failure the lesson
 * is about, and racing RingLab's own replacement.
 */
final class ReplicaService {

    /** The server's numeric id, which the assignment hash places virtual nodes by. */
    static final String SERVER_ID_LABEL = "dev.ringlab.server.id";
    static final long MEMORY_BYTES = 128L << 20;
    private static final long STOP_GRACE_NANOS = 2_000_000_000L;

    private ReplicaService() {
    }

    /** The labels that say which run and server a service (and its task's container) belongs to. */
    static Map<String, String> labels(String version, String runId, Server server, Map<String, String> owner) {
        Map<String, String> labels = new HashMap<>(owner);
        labels.put(DockerBackend.VERSION_LABEL, version);
        labels.put(DockerBackend.RUN_LABEL, runId);
        labels.put(DockerBackend.SERVER_LABEL, server.name());
        labels.put(SERVER_ID_LABEL, Integer.toString(server.id()));
        return labels;
    }

    /** The server a service's labels name, if they name one well. */
    static Optional<Server> serverOf(Map<String, String> labels) {
        try {
            String name = labels.get(DockerBackend.SERVER_LABEL);
            String id = labels.get(SERVER_ID_LABEL);
            return name == null || id == null ? Optional.empty() : Optional.of(new Server(Integer.parseInt(id), name));
        } catch (IllegalArgumentException garbled) {
            return Optional.empty();
        }
    }

    static ServiceSpec spec(String name, String image, Server server, Map<String, String> labels) {
        ContainerSpec container = new ContainerSpec()
                .withImage(image)
                .withArgs(List.of(server.name()))
                .withEnv(List.of("SERVER_ID=" + server.name()))
                .withHostname(DockerBackend.slug(server.name()))
                .withLabels(labels)
                .withReadOnly(true)
                .withStopGracePeriod(STOP_GRACE_NANOS);
        TaskSpec task = new TaskSpec()
                .withContainerSpec(container)
                .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.NONE))
                .withResources(new ResourceRequirements().withLimits(new ResourceSpecs().withMemoryBytes(MEMORY_BYTES)));
        // Host mode, no published port given: the node picks a free one, reported in the task's status.
        // The routing mesh (ingress) would answer on every node and hide which task serves.
        EndpointSpec endpoint = new EndpointSpec().withPorts(List.of(new PortConfig()
                .withProtocol(PortConfigProtocol.TCP)
                .withTargetPort(ReplicaImage.PORT)
                .withPublishMode(PortConfig.PublishMode.host)));
        return new ServiceSpec()
                .withName(name)
                .withLabels(labels)
                .withTaskTemplate(task)
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
                .withEndpointSpec(endpoint);
    }

    /** {@code ringlab-<run>-<slug>}: readable in {@code docker service ls}. */
    static String name(String runId, Server server) {
        return "ringlab-" + runId + "-" + DockerBackend.slug(server.name());
    }

    /** The same with the server id, for a second server whose name has the same slug ("S 1", "s-1"). */
    static String uniqueName(String runId, Server server) {
        return name(runId, server) + "-" + server.id();
    }
}
