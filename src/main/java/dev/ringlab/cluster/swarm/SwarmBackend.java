package dev.ringlab.cluster.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Service;
import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.BackendException;
import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.HttpReplicaClient;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.ReplicaClient;
import dev.ringlab.cluster.docker.DockerBackend;
import dev.ringlab.cluster.docker.DockerEngine;
import dev.ringlab.cluster.docker.ImageBuild;
import dev.ringlab.cluster.docker.ReplicaImage;
import dev.ringlab.cluster.docker.RunOwner;
import dev.ringlab.ring.Server;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replicas as Docker Swarm services, one task each, through docker-java; the engine it talks to must
 * be a swarm manager. Each server's service is labelled like the Docker backend's containers (and
 * with the server's id), publishes the replica's port in host mode on its node, and is reached at
 * that node's address and port.
 *
 * <ul>
 * <li>Restart condition {@code none}: RingLab, not Swarm, replaces a dead replica (see
 * {@link ReplicaService}), so detection and replacement look the same as on every backend.</li>
 * <li>Kill: a task on this engine's node is killed like a container ({@code docker kill}, SIGKILL);
 * a task on another node cannot be reached from here, so its service is removed through the manager
 * (its container gets SIGTERM and ends) and heartbeats notice.</li>
 * <li>Stop removes the service. Everything of this run is removed on close and by a shutdown hook;
 * services of runs whose owner is gone are removed when a backend starts.</li>
 * </ul>
 */
public final class SwarmBackend implements Backend {

    /** How often a starting service's task is looked at. */
    private static final Duration POLL = Duration.ofMillis(50);
    /** How long removal waits for Swarm to remove the removed services' containers (2 s stop grace, then gone). */
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(SwarmBackend.class);

    private final SwarmEngine swarm;
    private final DockerClient docker;
    private final String version;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final RunOwner owner = RunOwner.current();
    private final Consumer<String> progress;
    private final Duration startTimeout;
    /** A registry image every node pulls, or null to build RingLab's own image on this engine. */
    private final String givenImage;
    private final Map<String, Replica> replicas = new ConcurrentHashMap<>();
    /** Services being removed on purpose: their task's death is no news. */
    private final Set<String> leaving = ConcurrentHashMap.newKeySet();
    /** Services whose task the engine reported dead: they miss heartbeats at once. */
    private final Set<String> dead = ConcurrentHashMap.newKeySet();
    private final HttpReplicaClient requests = HttpReplicaClient.forRequests();
    private final HttpReplicaClient heartbeats;
    private volatile String image;
    private volatile boolean closed;

    /**
     * Connects to the engine named by {@code DOCKER_HOST} (or the default socket), checks it manages
     * a swarm, removes what dead runs left behind, and registers the exit cleanup.
     *
     * @param image    a registry image for the replicas (every node pulls it), or null to build
     *                 RingLab's replica image on this engine (enough for one node)
     * @param progress where image-build progress and reaping notes go, for the user to read
     */
    public SwarmBackend(String version, String image, Duration heartbeatInterval, Consumer<String> progress) {
        this(DockerEngine.fromEnvironment(), version, image, heartbeatInterval, progress);
    }

    public SwarmBackend(DockerEngine engine, String version, String image, Duration heartbeatInterval,
                        Consumer<String> progress) {
        this.swarm = new SwarmEngine(engine);
        this.docker = swarm.docker();
        this.version = version;
        this.givenImage = image == null || image.isBlank() ? null : image.strip();
        this.progress = progress;
        this.startTimeout = Duration.ofSeconds(60);
        this.heartbeats = HttpReplicaClient.forHeartbeats(heartbeatInterval);
        progress.accept("swarm: services restart on condition 'none'; RingLab detects a dead replica and"
                + " replaces it, as on every backend");
    }

    @Override
    public BackendKind kind() {
        return BackendKind.SWARM;
    }

    /** What this run's services carry as {@code dev.ringlab.run}: a following balancer names it. */
    public String runId() {
        return runId;
    }

    /** The replica image: the one given, or RingLab's own built here if missing. */
    public synchronized String image() {
        if (image == null) {
            image = givenImage != null ? givenImage
                    : new ImageBuild(swarm.engine(), docker, progress).ensure(ReplicaImage.recipe(version)).tag();
        }
        return image;
    }

    @Override
    public Replica start(Server server) {
        checkOpen();
        String image = image();
        Map<String, String> labels = ReplicaService.labels(version, runId, server, owner.labels());
        String name = ReplicaService.name(runId, server);
        String serviceId;
        try {
            serviceId = create(name, image, server, labels);
        } catch (ConflictException taken) {
            name = ReplicaService.uniqueName(runId, server);
            serviceId = create(name, image, server, labels);
        }
        try {
            SwarmTask task = awaitRunning(serviceId, name, image);
            Replica replica = swarm.replica(server, serviceId, task);
            replicas.put(serviceId, replica);
            if (closed) {
                stop(replica);
                throw new BackendException("the Swarm backend closed while " + server + " was starting");
            }
            return replica;
        } catch (RuntimeException failure) {
            leaving.add(serviceId);
            removeQuietly(serviceId);
            throw failure instanceof BackendException backend ? backend
                    : swarm.engine().failure("cannot start the service " + name + " for " + server, failure);
        }
    }

    private String create(String name, String image, Server server, Map<String, String> labels) {
        try {
            return docker.createServiceCmd(ReplicaService.spec(name, image, server, labels)).exec().getId();
        } catch (ConflictException taken) {
            throw taken;
        } catch (RuntimeException failure) {
            throw swarm.engine().failure("cannot create the service " + name + " for " + server, failure);
        }
    }

    /**
     * Waits until the service's task runs and has published its port. A task the node rejects (no such
     * image) or that fails ends the wait at once with the node's reason: with restart condition none
     * nothing would come after it.
     */
    private SwarmTask awaitRunning(String serviceId, String name, String image) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        SwarmTask last = null;
        while (true) {
            for (SwarmTask task : swarm.tasksOf(List.of(serviceId))) {
                last = task;
                if (task.running()) {
                    return task;
                }
                if (task.ended()) {
                    throw new BackendException(ended(name, image, task));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new BackendException("the task of " + name + " did not run within " + startTimeout.toSeconds()
                        + " s (" + (last == null ? "no task scheduled" : last.why()) + ")");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new BackendException("interrupted while " + name + " was starting");
            }
        }
    }

    private String ended(String name, String image, SwarmTask task) {
        String where = task.nodeId().isEmpty() ? "" : " on node " + swarm.node(task.nodeId()).name();
        if (task.missingImage()) {
            return "node" + where.replace(" on node", "") + " cannot run " + image + " (" + task.why() + "): give every"
                    + " node the image ('ringlab images save FILE' here, 'docker load -i FILE' on each node) or"
                    + " name a registry image with --image";
        }
        return "the task of " + name + where + " ended before it ran (" + task.why() + ")";
    }

    @Override
    public void stop(Replica replica) {
        String id = replica.backendId();
        leaving.add(id);
        removeQuietly(id);
        replicas.remove(id);
        dead.remove(id);
    }

    @Override
    public void kill(Replica replica) {
        String id = replica.backendId();
        SwarmTask task = swarm.tasksOf(List.of(id)).stream().filter(SwarmTask::running).findFirst()
                .orElseThrow(() -> new BackendException("the service of " + replica.server() + " has no running task"));
        if (swarm.isLocal(task.nodeId()) && !task.containerId().isEmpty()) {
            try {
                docker.killContainerCmd(task.containerId()).exec();
                return;
            } catch (NotFoundException | ConflictException gone) {
                throw new BackendException("the task container of " + replica.server() + " is not running");
            } catch (RuntimeException failure) {
                throw swarm.engine().failure("cannot kill the task container of " + replica.server(), failure);
            }
        }
        // Another node's containers are not reachable from this engine: the manager removes the service.
        try {
            docker.removeServiceCmd(id).exec();
        } catch (NotFoundException gone) {
            throw new BackendException("the service of " + replica.server() + " no longer exists");
        } catch (RuntimeException failure) {
            throw swarm.engine().failure("cannot remove the service of " + replica.server(), failure);
        }
    }

    @Override
    public List<Replica> list() {
        try {
            return runServices().stream().map(service -> replicas.get(service.getId())).filter(r -> r != null).toList();
        } catch (RuntimeException failure) {
            throw swarm.engine().failure("cannot list the services of run " + runId, failure);
        }
    }

    @Override
    public ReplicaClient client() {
        return requests;
    }

    /** A service whose task the engine reported dead misses at once; otherwise it must answer {@code /heartbeat}. */
    @Override
    public boolean heartbeat(Replica replica) {
        return !dead.contains(replica.backendId()) && heartbeats.heartbeat(replica);
    }

    /** The engine's die events for this run's task containers on this node; heartbeats catch the rest. */
    @Override
    public AutoCloseable watchDeaths(Consumer<Replica> onDeath) {
        return TaskDeaths.watch(swarm.engine(), runId, serviceId -> {
            if (leaving.contains(serviceId)) {
                return;
            }
            Replica replica = replicas.get(serviceId);
            if (replica != null && dead.add(serviceId)) {
                onDeath.accept(replica);
            }
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeAllOfRun(SETTLE);
        requests.close();
        heartbeats.close();
        swarm.close();
    }

    private List<Service> runServices() {
        return docker.listServicesCmd().withLabelFilter(Map.of(DockerBackend.RUN_LABEL, runId)).exec();
    }

    /**
     * Removes every service of this run, then waits up to {@code settle} for their task containers on
     * this node to be gone too (Swarm removes them shortly after the service), so nothing is left.
     */
    private void removeAllOfRun(Duration settle) {
        synchronized (leaving) {
            try {
                List<Service> mine = runServices();
                mine.forEach(service -> leaving.add(service.getId()));
                mine.parallelStream().forEach(service -> removeQuietly(service.getId()));
                awaitNoContainers(settle);
            } catch (RuntimeException failure) {
                LOG.warn("could not remove the services of run {}: {}", runId, failure.toString());
            }
            replicas.clear();
        }
    }

    private void awaitNoContainers(Duration settle) {
        long deadline = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < deadline) {
            if (docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(DockerBackend.RUN_LABEL, runId))
                    .exec().isEmpty()) {
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Removes the services of runs whose owner is gone and says so; returns how many. The lab's one
     * reaper calls it when a lab opens (Ctrl-C and SIGTERM are the lab's shutdown hook's, too).
     */
    @Override
    public int reapDeadRuns() {
        int reaped = reapServicesOfDeadRuns();
        if (reaped > 0) {
            progress.accept("removed " + reaped + " Swarm service(s) left behind by a RingLab that is gone");
        }
        return reaped;
    }

    private int reapServicesOfDeadRuns() {
        List<Service> ringlab;
        try {
            // The services API filters labels by value only: take RingLab's names, then read their labels.
            ringlab = docker.listServicesCmd().withNameFilter(List.of("ringlab-")).exec();
        } catch (RuntimeException failure) {
            throw swarm.engine().failure("cannot list RingLab's Swarm services", failure);
        }
        Map<String, Boolean> runGone = new HashMap<>();
        int reaped = 0;
        for (Service service : ringlab) {
            Map<String, String> labels = service.getSpec() == null || service.getSpec().getLabels() == null
                    ? Map.of() : service.getSpec().getLabels();
            String run = labels.get(DockerBackend.RUN_LABEL);
            if (run == null || run.equals(runId)) {
                continue;
            }
            if (runGone.computeIfAbsent(run, r -> owner.ownerIsGone(labels, docker))) {
                removeQuietly(service.getId());
                reaped++;
            }
        }
        return reaped;
    }

    private void removeQuietly(String serviceId) {
        try {
            docker.removeServiceCmd(serviceId).exec();
        } catch (NotFoundException gone) {
            // already removed
        } catch (RuntimeException failure) {
            LOG.warn("could not remove service {}: {}", serviceId, failure.toString());
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new BackendException("the Swarm backend is closed");
        }
    }
}
