package dev.ringlab.cluster.swarm;

import com.github.dockerjava.api.model.Service;
import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.BackendException;
import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.HttpReplicaClient;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.ReplicaClient;
import dev.ringlab.cluster.docker.DockerBackend;
import dev.ringlab.cluster.docker.DockerEngine;
import dev.ringlab.ring.Server;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The membership of a balancer that starts no servers: it follows one RingLab run's Swarm services.
 * A service whose task runs (and answered one heartbeat, as its owner waited for) is put on the
 * ring with the server id and name its labels carry, so the ring is the owner's, slot for slot; a
 * service that is gone, or whose task ended, is taken off. The manager is asked every
 * {@value #LOOK_MILLIS} ms (two light API calls; a new task's start is not an event the engine
 * streams, so looking is what bounds how late the follower adopts a server); a task container of the
 * run that dies on this node is taken off at once, from the engine's die event.
 *
 * <p>It declares nobody dead and replaces nobody: that is the owner's work, and a second opinion
 * would make the two rings differ. Starting, stopping and killing are refused: the servers are the
 * owner's.
 */
public final class SwarmFollower implements Backend {

    /** How often the manager is asked: a new server is on this ring at most this much later than on the owner's. */
    public static final long LOOK_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(SwarmFollower.class);

    private final SwarmEngine swarm;
    private final String runId;
    private final Duration interval;
    private final HttpReplicaClient requests = HttpReplicaClient.forRequests();
    private final HttpReplicaClient heartbeats;
    /** The replicas on this balancer's ring, by service id. */
    private final Map<String, Replica> followed = new ConcurrentHashMap<>();
    /** Services whose task container died here: off the ring on the next look, whatever the manager says yet. */
    private final Set<String> died = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringlab-swarm-follower");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Cluster cluster;
    private AutoCloseable deaths;

    /**
     * @param runId the run to follow, or null for the only run with services in this swarm
     */
    /** @param heartbeat the owner's heartbeat interval: a new replica's first answer is awaited as long */
    public SwarmFollower(DockerEngine engine, String runId, Duration heartbeat) {
        this.swarm = new SwarmEngine(engine);
        this.interval = Duration.ofMillis(LOOK_MILLIS);
        this.heartbeats = HttpReplicaClient.forHeartbeats(heartbeat);
        try {
            this.runId = runId == null || runId.isBlank() ? onlyRun() : runId.strip();
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    public SwarmFollower(String runId, Duration heartbeat) {
        this(DockerEngine.fromEnvironment(), runId, heartbeat);
    }

    /** The run this balancer follows. */
    public String runId() {
        return runId;
    }

    /** Starts keeping {@code cluster}'s ring in step with the run's services; the first look is done on return. */
    public synchronized SwarmFollower follow(Cluster cluster) {
        if (this.cluster != null) {
            throw new IllegalStateException("already following for a cluster");
        }
        this.cluster = cluster;
        look();
        // Off the ring at once, on the event's thread: a look at the manager can take a while when it is busy.
        deaths = TaskDeaths.watch(swarm.engine(), runId, service -> {
            died.add(service);
            Replica gone = followed.remove(service);
            if (gone != null) {
                cluster.forget(gone.server());
            }
        });
        looker.scheduleWithFixedDelay(this::lookSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The runs that have RingLab services in this swarm. */
    static Set<String> runs(SwarmEngine swarm) {
        return ringlabServices(swarm).stream().map(service -> labels(service).get(DockerBackend.RUN_LABEL))
                .filter(run -> run != null).collect(Collectors.toCollection(TreeSet::new));
    }

    private String onlyRun() {
        Set<String> runs = runs(swarm);
        if (runs.size() == 1) {
            return runs.iterator().next();
        }
        throw new BackendException(runs.isEmpty()
                ? "no RingLab run has services in this swarm: start one first (ringlab serve --backend swarm)"
                : "several RingLab runs have services in this swarm (" + String.join(", ", runs)
                        + "): name the one to follow, --follow-swarm=RUN");
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException failure) {
            LOG.warn("could not look at the services of run {}: {}", runId, failure.getMessage());
        }
    }

    /** One look at the manager: adopt what runs, forget what is gone. */
    private synchronized void look() {
        Map<String, Server> services = new HashMap<>();
        for (Service service : swarm.docker().listServicesCmd()
                .withLabelFilter(Map.of(DockerBackend.RUN_LABEL, runId)).exec()) {
            ReplicaService.serverOf(labels(service)).ifPresent(server -> services.put(service.getId(), server));
        }
        Map<String, SwarmTask> running = new HashMap<>();
        for (SwarmTask task : swarm.tasksOf(services.keySet())) {
            if (task.running()) {
                running.put(task.serviceId(), task);
            }
        }
        for (String service : List.copyOf(followed.keySet())) {
            if (!running.containsKey(service) || died.contains(service)) {
                Replica gone = followed.remove(service);
                if (gone != null) {
                    cluster.forget(gone.server());
                }
            }
        }
        died.retainAll(services.keySet());
        // In id order, the order the owner added them in, so that /rep lists them as the owner does.
        List<Map.Entry<String, SwarmTask>> found = running.entrySet().stream()
                .sorted(Comparator.comparing(entry -> services.get(entry.getKey()))).toList();
        for (Map.Entry<String, SwarmTask> entry : found) {
            String service = entry.getKey();
            if (followed.containsKey(service) || died.contains(service)) {
                continue;
            }
            Replica replica = swarm.replica(services.get(service), service, entry.getValue());
            if (heartbeats.heartbeat(replica)) {
                followed.put(service, replica);
                cluster.adopt(replica);
            }
        }
    }

    private static List<Service> ringlabServices(SwarmEngine swarm) {
        return swarm.docker().listServicesCmd().withNameFilter(List.of("ringlab-")).exec();
    }

    private static Map<String, String> labels(Service service) {
        return Optional.ofNullable(service.getSpec()).map(spec -> spec.getLabels()).orElse(Map.of());
    }

    @Override
    public BackendKind kind() {
        return BackendKind.SWARM;
    }

    @Override
    public Replica start(Server server) {
        throw refused("starts no servers");
    }

    /** The replica is the owner's: forgetting it (the cluster already did) is all there is to do. */
    @Override
    public void stop(Replica replica) {
        followed.values().remove(replica);
    }

    @Override
    public void kill(Replica replica) {
        throw refused("kills no servers");
    }

    private BackendException refused(String what) {
        return new BackendException("this balancer follows run " + runId + " and " + what
                + "; change the membership at the balancer that owns the run");
    }

    @Override
    public Optional<String> membershipOwnedElsewhere() {
        return Optional.of("this balancer follows run " + runId + " and changes no servers;"
                + " add, remove or kill them at the balancer that owns the run");
    }

    @Override
    public List<Replica> list() {
        return List.copyOf(followed.values());
    }

    @Override
    public ReplicaClient client() {
        return requests;
    }

    @Override
    public boolean heartbeat(Replica replica) {
        return heartbeats.heartbeat(replica);
    }

    @Override
    public synchronized void close() {
        looker.shutdownNow();
        if (deaths != null) {
            try {
                deaths.close();
            } catch (Exception ignored) {
                // the event stream's connection is all it holds
            }
        }
        requests.close();
        heartbeats.close();
        swarm.close();
    }
}
