package dev.ringlab.cluster.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.ringlab.cluster.BackendException;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.docker.DockerEngine;
import dev.ringlab.ring.Server;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The swarm behind one engine, which must be a manager: its nodes (where a task runs and the address
 * its published port is reached at) and its tasks. The engine is found as for the Docker backend
 * ({@code DOCKER_HOST}, the context, the local socket).
 */
final class SwarmEngine implements AutoCloseable {

    /** A node's name and the address the balancer reaches its published ports at. */
    record Node(String id, String name, String address) {
    }

    private final DockerEngine engine;
    private final DockerClient docker;
    private final String localNode;
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    /** Connects and checks that the engine manages a swarm; one clear line otherwise. */
    SwarmEngine(DockerEngine engine) {
        this.engine = engine;
        if (!engine.answers()) {
            throw new BackendException("no Docker engine answers at " + engine.host()
                    + "; start one (scripts/start-docker.sh) or set DOCKER_HOST");
        }
        this.docker = engine.commands();
        SwarmInfo swarm;
        try {
            Info info = docker.infoCmd().exec();
            swarm = info.getSwarm();
        } catch (RuntimeException failure) {
            throw engine.failure("cannot ask the engine at " + engine.host() + " about its swarm", failure);
        }
        LocalNodeState state = swarm == null ? null : swarm.getLocalNodeState();
        if (state != LocalNodeState.ACTIVE || !Boolean.TRUE.equals(swarm.getControlAvailable())) {
            close();
            throw new BackendException("the engine at " + engine.host() + " is not a swarm manager (swarm: "
                    + (state == null ? "inactive" : state.name().toLowerCase()) + "); make it one with"
                    + " 'docker swarm init --advertise-addr <its address>' (docs/swarm.md) or use --backend docker");
        }
        this.localNode = swarm.getNodeID();
    }

    DockerEngine engine() {
        return engine;
    }

    DockerClient docker() {
        return docker;
    }

    /** The node this engine is: its tasks' containers can be killed here like any container. */
    boolean isLocal(String nodeId) {
        return localNode.equals(nodeId);
    }

    /**
     * Where a node's published ports are reached: loopback for this engine's own node when the
     * engine is on this machine, otherwise the address the node advertises to the swarm.
     */
    Node node(String nodeId) {
        Node known = nodes.get(nodeId);
        if (known != null) {
            return known;
        }
        SwarmNode found;
        try {
            found = docker.listSwarmNodesCmd().withIdFilter(List.of(nodeId)).exec().stream()
                    .filter(n -> nodeId.equals(n.getId())).findFirst()
                    .orElseThrow(() -> new BackendException("the swarm has no node " + nodeId));
        } catch (BackendException missing) {
            throw missing;
        } catch (RuntimeException failure) {
            throw engine.failure("cannot look up swarm node " + nodeId, failure);
        }
        String name = found.getDescription() == null ? nodeId : found.getDescription().getHostname();
        String advertised = found.getStatus() == null ? null : found.getStatus().getAddress();
        String address;
        if (isLocal(nodeId) && engine.isLocal()) {
            address = "127.0.0.1";
        } else if (advertised == null || advertised.isBlank() || advertised.equals("0.0.0.0")) {
            address = engine.publishedHost();
        } else {
            address = advertised;
        }
        Node node = new Node(nodeId, name, address);
        nodes.put(nodeId, node);
        return node;
    }

    /** The replica a running task is for {@code server}: its node's address and published port. */
    Replica replica(Server server, String serviceId, SwarmTask task) {
        Node node = node(task.nodeId());
        return new Replica(server, serviceId, URI.create("http://" + node.address() + ":" + task.publishedPort()),
                Instant.now(), node.name());
    }

    /** The tasks of these services, read from the API's JSON (docker-java lacks their published ports). */
    List<SwarmTask> tasksOf(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return List.of();
        }
        String filters = json.createObjectNode().set("service", json.valueToTree(List.copyOf(serviceIds))).toString();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/tasks?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8))
                .build();
        try (DockerHttpClient.Response response = http().execute(request); InputStream body = response.getBody()) {
            JsonNode tasks = json.readTree(body);
            if (response.getStatusCode() != 200 || !tasks.isArray()) {
                throw new BackendException("the swarm manager did not list tasks (" + response.getStatusCode() + ": "
                        + tasks.path("message").asText("") + ")");
            }
            List<SwarmTask> result = new ArrayList<>();
            tasks.forEach(task -> result.add(task(task)));
            return result;
        } catch (IOException | RuntimeException failure) {
            if (failure instanceof BackendException backend) {
                throw backend;
            }
            throw engine.failure("cannot list the tasks of " + serviceIds.size() + " service(s)", failure);
        }
    }

    private static SwarmTask task(JsonNode task) {
        JsonNode status = task.path("Status");
        int port = 0;
        for (JsonNode published : status.path("PortStatus").path("Ports")) {
            port = published.path("PublishedPort").asInt(0);
        }
        return new SwarmTask(task.path("ID").asText(), task.path("ServiceID").asText(), task.path("NodeID").asText(null),
                status.path("State").asText(), status.path("Err").asText(null), status.path("Message").asText(null),
                status.path("ContainerStatus").path("ContainerID").asText(null), port);
    }

    /** docker-java's own transport, for the one call its model cannot express. */
    private DockerHttpClient http() {
        return ((DockerClientImpl) docker).getHttpClient();
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException ignored) {
            // nothing beyond connections to release
        }
    }
}
