package dev.ringlab.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.BackendException;
import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.HttpReplicaClient;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.ReplicaClient;
import dev.ringlab.ring.Server;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replicas as Docker containers of {@code ringlab-replica:<version>}, through docker-java.
 *
 * <ul>
 * <li>Every container is labelled {@code dev.ringlab=<version>}, {@code dev.ringlab.run=<run id>},
 * {@code dev.ringlab.server=<server name>} and with its owner (see {@link RunOwner}), and named
 * {@code ringlab-<run>-<server>}.</li>
 * <li>Ports are published on {@code 127.0.0.1} only and the balancer reaches replicas through them,
 * which works the same with Docker Desktop. A RingLab that itself runs in a container (compose)
 * puts replicas on its own network instead and reaches them by name.</li>
 * <li>Hardened: read-only root filesystem, no capabilities, no-new-privileges, memory and pids
 * limits, an unprivileged user (the image's).</li>
 * <li>The engine's event stream reports a container that dies without being stopped here
 * ({@code docker kill}, {@code docker rm -f}, a crash) at once; heartbeats remain the safety net.</li>
 * <li>Everything of this run is removed on close and by a shutdown hook (Ctrl-C, SIGTERM); the
 * containers of runs whose owner is gone are reaped when a backend starts. Containers that are not
 * RingLab's, or belong to a live run, are never touched.</li>
 * </ul>
 */
public final class DockerBackend implements Backend {

    public static final String VERSION_LABEL = "dev.ringlab";
    public static final String RUN_LABEL = "dev.ringlab.run";
    public static final String SERVER_LABEL = "dev.ringlab.server";

    static final long MEMORY_BYTES = 128L << 20;
    static final long PIDS = 128;
    /** One core per replica: a runaway replica cannot take the machine from the balancer and the window. */
    static final long NANO_CPUS = 1_000_000_000L;
    private static final int STOP_GRACE_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(DockerBackend.class);

    private final DockerEngine engine;
    private final DockerClient docker;
    private final String version;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final RunOwner owner = RunOwner.current();
    private final Consumer<String> progress;
    /** The network of RingLab's own container when it runs in one (compose); null otherwise. */
    private final String network;
    /** The run's own network when RingLab runs on the host. */
    private final RunNetwork runNetwork;
    private final Map<String, Replica> replicas = new ConcurrentHashMap<>();
    /** Container names this run uses, so two server names with one slug ("S 1", "s-1") still differ. */
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Map<String, String> nameById = new ConcurrentHashMap<>();
    /** Containers being stopped or removed on purpose: their death is no news. */
    private final Set<String> leaving = ConcurrentHashMap.newKeySet();
    /**
     * Containers the event stream reported dead, and how ("exited with code 137"): they miss
     * heartbeats at once, and a start that waits for one of them stops waiting. Kept until removed.
     */
    private final Map<String, String> dead = new ConcurrentHashMap<>();
    private final HttpReplicaClient requests = HttpReplicaClient.forRequests();
    private final HttpReplicaClient heartbeats;
    /** Removes containers that are already dead off the caller's path. */
    private final ExecutorService cleaner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringlab-docker-cleaner");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String image;
    private volatile boolean closed;

    /**
     * Connects to the engine named by {@code DOCKER_HOST} (or the default socket). Fails with one
     * clear message when no engine answers. The image is built on the first {@link #start} (or {@link #prepareImage}).
     *
     * @param progress where image-build progress and reaping notes go, for the user to read
     */
    public DockerBackend(String version, Duration heartbeatInterval, Consumer<String> progress) {
        this(DockerEngine.fromEnvironment(), version, heartbeatInterval, progress);
    }

    public DockerBackend(DockerEngine engine, String version, Duration heartbeatInterval, Consumer<String> progress) {
        this.engine = engine;
        this.version = version;
        this.progress = progress;
        if (!engine.answers()) {
            throw new BackendException("no Docker engine answers at " + engine.host()
                    + "; start one (scripts/start-docker.sh) or set DOCKER_HOST, or use --backend process");
        }
        this.docker = engine.commands();
        this.heartbeats = HttpReplicaClient.forHeartbeats(heartbeatInterval);
        this.network = owner.container() == null ? null : networkOf(owner.container());
        Map<String, String> networkLabels = new HashMap<>(owner.labels());
        networkLabels.put(VERSION_LABEL, version);
        networkLabels.put(RUN_LABEL, runId);
        this.runNetwork = new RunNetwork(docker, "ringlab-" + runId, networkLabels);
        if (network == null) {
            // The first container waits for the run's network (about 0.1 s of the engine's time): make it
            // now, while the lab reaps and the balancer starts. The first create() waits for it if needed.
            Thread creating = new Thread(runNetwork::ensure, "ringlab-docker-network");
            creating.setDaemon(true);
            creating.start();
        }
    }

    @Override
    public BackendKind kind() {
        return BackendKind.DOCKER;
    }

    /** What this run's containers carry as {@value #RUN_LABEL}. */
    public String runId() {
        return runId;
    }

    /** The replica image this backend runs: its content tag, built if needed. */
    public String image() {
        prepareImage();
        return image;
    }

    /** Builds the replica image now if it is missing or stale, with progress; otherwise returns at once. */
    public synchronized void prepareImage() {
        if (image == null) {
            long began = System.nanoTime();
            image = new ImageBuild(engine, docker, progress).ensure(ReplicaImage.recipe(version)).tag();
            LOG.debug("image {} ready in {} ms", image, (System.nanoTime() - began) / 1_000_000);
        }
    }

    @Override
    public Replica start(Server server) {
        checkOpen();
        prepareImage();
        long began = System.nanoTime();
        String name = containerName(server);
        String id;
        try {
            id = create(server, name).exec().getId();
        } catch (RuntimeException failure) {
            names.remove(name);
            throw engine.failure("cannot create the container " + name + " for " + server, failure);
        }
        nameById.put(id, name);
        try {
            docker.startContainerCmd(id).exec();
            Replica replica = new Replica(server, id, address(server, id, name), Instant.now());
            replicas.put(id, replica);
            LOG.debug("{} created and started in {} ms", name, (System.nanoTime() - began) / 1_000_000);
            if (closed) {
                stop(replica);
                throw new BackendException("the Docker backend closed while " + server + " was starting");
            }
            return replica;
        } catch (RuntimeException failure) {
            leaving.add(id);
            removeQuietly(id);
            releaseName(id);
            throw failure instanceof BackendException backend ? backend
                    : engine.failure("cannot start the container " + name + " for " + server, failure);
        }
    }

    private CreateContainerCmd create(Server server, String name) {
        Map<String, String> labels = new HashMap<>(owner.labels());
        labels.put(VERSION_LABEL, version);
        labels.put(RUN_LABEL, runId);
        labels.put(SERVER_LABEL, server.name());
        ExposedPort port = ExposedPort.tcp(ReplicaImage.PORT);
        HostConfig host = HostConfig.newHostConfig()
                .withReadonlyRootfs(true)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withMemory(MEMORY_BYTES)
                .withMemorySwap(MEMORY_BYTES)
                .withPidsLimit(PIDS)
                .withNanoCPUs(NANO_CPUS);
        if (network == null) {
            String bindIp = engine.isLocal() ? "127.0.0.1" : "0.0.0.0";
            host.withPortBindings(new PortBinding(Ports.Binding.bindIp(bindIp), port));
            String own = runNetwork.ensure();
            if (own != null) {
                host.withNetworkMode(own);
            }
        } else {
            host.withNetworkMode(network);
        }
        return docker.createContainerCmd(image)
                .withName(name)
                .withHostName(slug(server.name()))
                .withLabels(labels)
                .withCmd(server.name())
                .withEnv("SERVER_ID=" + server.name())
                .withExposedPorts(port)
                .withStopTimeout(STOP_GRACE_SECONDS)
                .withHostConfig(host);
    }

    /** Published port on the engine's host, or the container's name on RingLab's own network. */
    private URI address(Server server, String id, String name) {
        InspectContainerResponse container = docker.inspectContainerCmd(id).exec();
        if (network != null) {
            return URI.create("http://" + name + ":" + ReplicaImage.PORT);
        }
        Ports.Binding[] bindings = container.getNetworkSettings().getPorts().getBindings()
                .get(ExposedPort.tcp(ReplicaImage.PORT));
        if (bindings == null || bindings.length == 0) {
            // A container killed as it starts loses its ports: say that, not a riddle about ports.
            InspectContainerResponse.ContainerState state = container.getState();
            if (state != null && !Boolean.TRUE.equals(state.getRunning())) {
                throw new BackendException("the container " + name + " of " + server + " exited with code "
                        + state.getExitCodeLong() + " while starting");
            }
            throw new BackendException("the engine published no port for " + name);
        }
        return URI.create("http://" + engine.publishedHost() + ":" + bindings[0].getHostPortSpec());
    }

    @Override
    public void stop(Replica replica) {
        long began = System.nanoTime();
        String id = replica.backendId();
        leaving.add(id);
        if (dead.containsKey(id)) {
            // Already ended: nothing graceful to wait for, and its replacement should not wait on the removal.
            replicas.remove(id);
            releaseName(id);
            cleaner.execute(() -> removeQuietly(id));
            return;
        }
        try {
            docker.stopContainerCmd(id).withTimeout(STOP_GRACE_SECONDS).exec();
        } catch (NotModifiedException | NotFoundException | ConflictException alreadyStopped) {
            // stopped, gone, or being removed: nothing to stop
        } catch (RuntimeException failure) {
            LOG.debug("stopping {} failed: {}", id, failure.toString());
        }
        removeQuietly(id);
        replicas.remove(id);
        String name = releaseName(id);
        LOG.debug("{} stopped and removed in {} ms", name, (System.nanoTime() - began) / 1_000_000);
    }

    private String releaseName(String id) {
        String name = nameById.remove(id);
        if (name != null) {
            names.remove(name);
        }
        return name;
    }

    @Override
    public void kill(Replica replica) {
        try {
            docker.killContainerCmd(replica.backendId()).exec();
        } catch (NotFoundException gone) {
            throw new BackendException("the container of " + replica.server() + " no longer exists");
        } catch (ConflictException notRunning) {
            throw new BackendException("the container of " + replica.server() + " is not running");
        } catch (RuntimeException failure) {
            throw engine.failure("cannot kill the container of " + replica.server(), failure);
        }
    }

    /** {@code docker pause}: the cgroup freezer stops every process of the container, a hung server. */
    @Override
    public void freeze(Replica replica) {
        try {
            docker.pauseContainerCmd(replica.backendId()).exec();
        } catch (NotFoundException gone) {
            throw new BackendException("the container of " + replica.server() + " no longer exists");
        } catch (ConflictException notRunning) {
            throw new BackendException("the container of " + replica.server() + " is not running or already paused");
        } catch (RuntimeException failure) {
            throw engine.failure("cannot pause the container of " + replica.server(), failure);
        }
    }

    @Override
    public void thaw(Replica replica) {
        try {
            docker.unpauseContainerCmd(replica.backendId()).exec();
        } catch (NotFoundException gone) {
            throw new BackendException("the container of " + replica.server() + " no longer exists");
        } catch (ConflictException notPaused) {
            throw new BackendException("the container of " + replica.server() + " is not paused");
        } catch (RuntimeException failure) {
            throw engine.failure("cannot unpause the container of " + replica.server(), failure);
        }
    }

    @Override
    public List<Replica> list() {
        try {
            return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(RUN_LABEL, runId)).exec()
                    .stream().map(container -> replicas.get(container.getId())).filter(r -> r != null).toList();
        } catch (RuntimeException failure) {
            throw engine.failure("cannot list the containers of run " + runId, failure);
        }
    }

    @Override
    public ReplicaClient client() {
        return requests;
    }

    /** A container the engine reported dead misses at once; otherwise it must answer {@code /heartbeat}. */
    @Override
    public boolean heartbeat(Replica replica) {
        if (dead.containsKey(replica.backendId())) {
            return false;
        }
        return heartbeats.heartbeat(replica);
    }

    /** What the engine's die event said of the container, once it said it. */
    @Override
    public java.util.Optional<String> ended(Replica replica) {
        return java.util.Optional.ofNullable(dead.get(replica.backendId()));
    }

    /** Whether the engine answers a ping now; the cluster asks after a failed start. */
    @Override
    public boolean answers() {
        return engine.answers();
    }

    /** Follows the engine's {@code die} events for this run's containers, reconnecting if the stream drops. */
    @Override
    public AutoCloseable watchDeaths(Consumer<Replica> onDeath) {
        // Recorded even for a container whose start has not returned yet, so that start fails at once.
        return ContainerDeaths.watch(engine, Map.of(RUN_LABEL, runId), event -> {
            String id = event.getId();
            if (id == null || leaving.contains(id)) {
                return;
            }
            if (dead.putIfAbsent(id, ContainerDeaths.exitOf(event)) == null) {
                Replica replica = replicas.get(id);
                if (replica != null) {
                    onDeath.accept(replica);
                }
            }
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cleaner.shutdown();
        removeAllOfRun();
        requests.close();
        heartbeats.close();
        closeQuietly(docker);
    }

    /** Removes every container of this run (force), whatever state it is in. */
    private void removeAllOfRun() {
        synchronized (leaving) {
            removeAllOfRunOnce();
        }
    }

    private void removeAllOfRunOnce() {
        try {
            List<Container> mine = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(RUN_LABEL, runId)).exec();
            mine.forEach(container -> leaving.add(container.getId()));
            mine.parallelStream().forEach(container -> removeQuietly(container.getId()));
        } catch (RuntimeException failure) {
            LOG.warn("could not remove the containers of run {}: {}", runId, engine.explain(failure));
        }
        replicas.clear();
        runNetwork.remove();
    }

    /**
     * Removes the containers and networks of runs whose owner is gone, and says so in the progress
     * notes; returns how many containers. The lab's reaper calls it when a lab opens.
     */
    @Override
    public int reapDeadRuns() {
        List<Container> ringlab;
        try {
            ringlab = docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(RUN_LABEL)).exec();
        } catch (RuntimeException failure) {
            throw engine.failure("cannot list RingLab's containers", failure);
        }
        Map<String, Boolean> runGone = new HashMap<>();
        int reaped = 0;
        for (Container container : ringlab) {
            Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
            String run = labels.get(RUN_LABEL);
            if (run == null || run.equals(runId)) {
                continue;
            }
            if (runGone.computeIfAbsent(run, r -> owner.ownerIsGone(labels, docker))) {
                removeQuietly(container.getId());
                reaped++;
            }
        }
        int networks = RunNetwork.reapDead(docker, owner, runId);
        if (reaped > 0 || networks > 0) {
            progress.accept("removed " + reaped + " container(s) and " + networks
                    + " network(s) left behind by a RingLab that is gone");
        }
        return reaped;
    }

    private void removeQuietly(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException | ConflictException goneOrGoing) {
            // already removed, or removal in progress
        } catch (RuntimeException failure) {
            LOG.warn("could not remove container {}: {}", id, engine.explain(failure));
        }
        dead.remove(id);
    }

    private String networkOf(String container) {
        try {
            Map<String, ContainerNetwork> networks = docker.inspectContainerCmd(container).exec()
                    .getNetworkSettings().getNetworks();
            return networks.keySet().stream()
                    .filter(name -> !Set.of("bridge", "host", "none").contains(name))
                    .findFirst().orElse(null);
        } catch (RuntimeException failure) {
            LOG.debug("cannot inspect my own container {}: {}", container, failure.toString());
            return null;
        }
    }

    /**
     * A name no other container of this run has, reserved until the container is removed:
     * {@code ringlab-<run>-<slug>}, else with the server id appended, else with a counter too. Two
     * valid hostnames can share a slug ("srv", "SRV") and a slug plus id can equal another slug
     * ("SRV" with id 81 and "srv-81"); only a name this call reserved is ever released.
     */
    String containerName(Server server) {
        String base = "ringlab-" + runId + "-" + slug(server.name());
        if (names.add(base)) {
            return base;
        }
        String withId = base + "-" + server.id();
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? withId : withId + "-" + n;
            if (names.add(candidate)) {
                return candidate;
            }
        }
    }



    /** A DNS label from a server name: "Server 12" becomes "server-12". */
    public static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "server" : slug.length() > 40 ? slug.substring(0, 40) : slug;
    }

    private void checkOpen() {
        if (closed) {
            throw new BackendException("the Docker backend is closed");
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing to release beyond connections
        }
    }
}
