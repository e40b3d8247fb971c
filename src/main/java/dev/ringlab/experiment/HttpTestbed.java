package dev.ringlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringlab.balancer.BalancerConnections;
import dev.ringlab.balancer.BalancerEndpoint;
import dev.ringlab.balancer.LivePlacement;
import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.ClusterException;
import dev.ringlab.lab.Lab;
import dev.ringlab.ring.RingSnapshot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Experiments over real HTTP: every request is a {@code GET /home?key=<key>} to a balancer, and who
 * answered is read from the replica's reply ({@code Hello from Server: <name>}), as any client would.
 * The balancer is either embedded (started here over a backend, e.g. replica processes) or one that
 * already runs elsewhere ({@code --target}), reached only through its API.
 */
public final class HttpTestbed implements Testbed {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTestbed.class);
    private static final String GREETING = "Hello from Server: ";
    /**
     * Connections to the balancer at most, one per request in flight; more requests in flight are
     * pipelined on them. Closed-loop runs keep --concurrency (64, as bench/wrk.sh) in flight and open
     * no more; an open-loop paced stream keeps every request a frozen or slow server holds up in
     * flight, and pipelined behind one of those a request would wait for it (head-of-line).
     */
    static final int MAX_CONNECTIONS = 256;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final URI balancer;
    private final String description;
    private final Membership membership;
    private final AutoCloseable owned;
    private final BalancerConnections http;
    private final ObjectMapper json = new ObjectMapper();
    /** The embedded balancer's placement, switched in place; null for a balancer reached by URL. */
    private final java.util.function.Consumer<dev.ringlab.ring.algorithm.Algorithm> placement;

    /** The embedded lab and its balancer; null for a balancer reached by URL. */
    private final Lab lab;

    HttpTestbed(URI balancer, String description, Membership membership, AutoCloseable owned) {
        this(balancer, description, membership, owned, null);
    }

    private HttpTestbed(URI balancer, String description, Membership membership, AutoCloseable owned, Lab lab) {
        this.lab = lab;
        this.placement = lab == null ? null : algorithm -> lab.balancer().placement().use(algorithm);
        this.balancer = balancer;
        this.description = description;
        this.membership = membership;
        this.owned = owned;
        this.http = new BalancerConnections(balancer, MAX_CONNECTIONS, READ_TIMEOUT.toMillis(),
                BalancerEndpoint.ATTEMPTS_HEADER);
    }

    /**
     * Testbeds that start a balancer on a free loopback port over a fresh backend from {@code backends},
     * with heartbeats, and stop it all when closed.
     */
    public static TestbedFactory embedded(Supplier<? extends Backend> backends) {
        return (ring, servers) -> {
            long began = System.nanoTime();
            Lab lab = Lab.open(backends.get(), ring);
            long backendReady = System.nanoTime();
            // The replicas take the longest to start (new processes or containers); the balancer and
            // its classes load meanwhile instead of after them. No request is sent before both are up.
            CompletableFuture<Long> replicas = CompletableFuture.supplyAsync(() -> {
                lab.startServers(servers);
                return System.nanoTime();
            }, HttpTestbed::startInBackground);
            BalancerEndpoint started;
            try {
                started = lab.serve(LivePlacement.ring(lab.cluster()),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, BalancerEndpoint.DEFAULT_THREADS);
                long balancerUp = System.nanoTime();
                long replicasUp = awaitReplicas(replicas);
                LOG.debug("testbed up in {} ms: backend {} ms, balancer {} ms, {} replicas {} ms (in parallel)",
                        millis(System.nanoTime() - began), millis(backendReady - began), millis(balancerUp - backendReady),
                        servers, millis(replicasUp - backendReady));
            } catch (IOException | RuntimeException failure) {
                replicas.handle((done, failed) -> null).join();
                lab.close();
                if (failure instanceof RuntimeException unexpected && !(failure instanceof ClusterException)) {
                    throw unexpected;
                }
                throw new TestbedException("cannot start the embedded balancer: " + failure.getMessage(), failure);
            }
            return new HttpTestbed(started.address(), lab.cluster().backend().kind().label()
                    + " behind the embedded balancer at " + started.address(), new ClusterMembership(lab.cluster()), lab,
                    lab);
        };
    }

    private static void startInBackground(Runnable task) {
        Thread starter = new Thread(task, "ringlab-testbed-replicas");
        starter.setDaemon(true);
        starter.start();
    }

    /** When the replicas were all up; their failure as the cluster reported it. */
    private static long awaitReplicas(CompletableFuture<Long> replicas) {
        try {
            return replicas.join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failure;
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /**
     * Testbeds over a balancer that already runs at {@code balancer}: servers are added and removed
     * through {@code /add} and {@code /rm} (with {@code adminToken} when it needs one), and put back as
     * they were (same names) when each testbed closes. Its ring is its own, so {@code ring} must be left
     * as it is, and it cannot crash a replica for A-3.
     */
    public static TestbedFactory remote(URI balancer, String adminToken) {
        RemoteMembership membership = new RemoteMembership(balancer, adminToken, client(Duration.ofSeconds(60)));
        // The balancer is someone else's: every run gives its servers back as they were.
        BorrowedServers borrowed = new BorrowedServers(membership);
        return (ring, servers) -> {
            borrowed.shape(servers, () -> { });
            return new HttpTestbed(balancer, "the balancer at " + balancer,
                    membership, () -> borrowed.restore(() -> { }));
        };
    }

    @Override
    public String description() {
        return description;
    }

    /** Blocks for the answer; runners send through {@link #send(long, Consumer)} instead. */
    @Override
    public Delivery send(long key) {
        if (http.onLoop()) {
            throw new IllegalStateException("a blocking send on the client's own loop would wait for itself");
        }
        CompletableFuture<Delivery> answer = new CompletableFuture<>();
        send(key, answer::complete);
        try {
            return answer.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Delivery(key, slotOf(key), null, 0, 0, 1);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible.getCause());
        }
    }

    /** Answers on the client's event loop: each answer may send the next request without a hand-off. */
    @Override
    public void send(long key, Consumer<Delivery> answered) {
        long started = System.nanoTime();
        http.get(InProcessTestbed.PATH + "?key=" + key, new BalancerConnections.Answer() {
            @Override
            public void answered(int status, String body, int attempts) {
                answered.accept(new Delivery(key, slotOf(key), serverIn(body), status, System.nanoTime() - started,
                        attempts));
            }

            @Override
            public void failed(String why) {
                answered.accept(new Delivery(key, slotOf(key), null, 0, System.nanoTime() - started, 1));
            }
        });
    }

    @Override
    public boolean pipelines() {
        return true;
    }

    @Override
    public void use(dev.ringlab.ring.algorithm.Algorithm algorithm) {
        if (placement == null) {
            Testbed.super.use(algorithm);
        } else {
            placement.accept(algorithm);
        }
    }

    @Override
    public dev.ringlab.balancer.FailoverRoute route() {
        if (lab == null) {
            return Testbed.super.route();
        }
        return lab.balancer().route();
    }

    @Override
    public void hysteresis(int fall, int rise) {
        if (lab == null) {
            Testbed.super.hysteresis(fall, rise);
        } else {
            lab.health().hysteresis(fall, rise);
        }
    }

    @Override
    public Membership membership() {
        return membership;
    }

    @Override
    public void close() {
        http.close();
        try {
            owned.close();
        } catch (Exception failure) {
            throw new TestbedException("could not stop the testbed: " + failure.getMessage(), failure);
        }
    }

    private int slotOf(long key) {
        RingSnapshot ring = membership.ring();
        return ring == null ? -1 : ring.slotOf(key);
    }

    /**
     * The server named in a replica's {@code /home} answer, or null when the answer is something else.
     * A plain search for the greeting on the hot path; JSON only for names with escaped characters.
     */
    private String serverIn(String body) {
        int at = body.indexOf(GREETING);
        if (at < 0) {
            return null;
        }
        int end = body.indexOf('"', at + GREETING.length());
        if (end < 0) {
            return null;
        }
        if (body.lastIndexOf('\\', end) < at) {
            return body.substring(at + GREETING.length(), end);
        }
        try {
            JsonNode message = json.readTree(body).get("message");
            String text = message == null ? "" : message.asText();
            return text.startsWith(GREETING) ? text.substring(GREETING.length()) : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    static OkHttpClient client(Duration readTimeout) {
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(readTimeout)
                .build();
    }
}
