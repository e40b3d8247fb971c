package dev.ringlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Experiments over real HTTP: every request is a {@code GET /home?key=<key>} to a balancer, and who
 * answered is read from the replica's reply ({@code Hello from Server: <name>}), as any client would.
 * The balancer is either embedded (started here over a backend, e.g. replica processes) or one that
 * already runs elsewhere ({@code --target}), reached only through its API.
 */
public final class HttpTestbed implements Testbed {

    private static final String GREETING = "Hello from Server: ";

    private final URI balancer;
    private final String description;
    private final Membership membership;
    private final AutoCloseable owned;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    /** The embedded balancer's placement, switched in place; null for a balancer reached by URL. */
    private final java.util.function.Consumer<dev.ringlab.ring.algorithm.Algorithm> placement;

    HttpTestbed(URI balancer, String description, Membership membership, AutoCloseable owned) {
        this(balancer, description, membership, owned, null);
    }

    private HttpTestbed(URI balancer, String description, Membership membership, AutoCloseable owned,
                        java.util.function.Consumer<dev.ringlab.ring.algorithm.Algorithm> placement) {
        this.placement = placement;
        this.balancer = balancer;
        this.description = description;
        this.membership = membership;
        this.owned = owned;
        this.http = client(Duration.ofSeconds(10));
    }

    /**
     * Testbeds that start a balancer on a free loopback port over a fresh backend from {@code backends},
     * with heartbeats, and stop it all when closed.
     */
    public static TestbedFactory embedded(Supplier<? extends Backend> backends) {
        return (ring, servers) -> {
            Lab lab = Lab.open(backends.get(), ring);
            BalancerEndpoint started;
            try {
                lab.startServers(servers);
                started = lab.serve(LivePlacement.ring(lab.cluster()),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, BalancerEndpoint.DEFAULT_THREADS);
            } catch (ClusterException | IOException failure) {
                lab.close();
                throw new TestbedException("cannot start the embedded balancer: " + failure.getMessage(), failure);
            }
            return new HttpTestbed(started.address(), lab.cluster().backend().kind().label()
                    + " behind the embedded balancer at " + started.address(), new ClusterMembership(lab.cluster()), lab,
                    algorithm -> started.placement().use(algorithm));
        };
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

    @Override
    public Delivery send(long key) {
        long started = System.nanoTime();
        Request request = new Request.Builder().url(balancer + InProcessTestbed.PATH + "?key=" + key).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            long latency = System.nanoTime() - started;
            String attempts = response.header(BalancerEndpoint.ATTEMPTS_HEADER);
            return new Delivery(key, slotOf(key), serverIn(body), response.code(), latency,
                    attempts == null ? 1 : Integer.parseInt(attempts));
        } catch (IOException | RuntimeException failure) {
            return new Delivery(key, slotOf(key), null, 0, System.nanoTime() - started, 1);
        }
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
    public Membership membership() {
        return membership;
    }

    @Override
    public void close() {
        http.connectionPool().evictAll();
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
