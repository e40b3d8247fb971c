package dev.ringlab.cluster.swarm;

import static dev.ringlab.cluster.swarm.SwarmBackendIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.balancer.BalancerEndpoint;
import dev.ringlab.cluster.BackendException;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.docker.DockerEngine;
import dev.ringlab.cluster.docker.Engine;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two balancers share one membership through the swarm: one owns the run's services, the other
 * follows them. Both route every key to the same server, through kills, additions and removals.
 */
@ExtendWith(TestSwarm.class)
class SwarmFollowIT {

    private static final Duration HEARTBEAT = HealthMonitor.DEFAULT_INTERVAL;
    @Test
    void aFollowingBalancerRoutesEveryKeyLikeTheOwnerThroughChurn() throws Exception {
        SwarmBackend backend = new SwarmBackend(Engine.VERSION, null, HEARTBEAT, line -> { });
        Cluster owner = new Cluster(backend, RingConfig.DEFAULT);
        HealthMonitor monitor = new HealthMonitor(owner, HEARTBEAT, HealthMonitor.DEFAULT_MISSES);
        SwarmFollower follower = new SwarmFollower(DockerEngine.fromEnvironment(), backend.runId(), HEARTBEAT);
        Cluster following = new Cluster(follower, RingConfig.DEFAULT);
        InetSocketAddress anyPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (BalancerEndpoint first = BalancerEndpoint.start(owner, anyPort, null, 2);
             BalancerEndpoint second = BalancerEndpoint.start(following, anyPort, null, 2)) {
            owner.add(3, List.of());
            monitor.start();
            follower.follow(following);
            awaitAgreement(owner, following);

            // Over HTTP: both balancers send each key to the same server.
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (int key = 0; key < 40; key++) {
                String a = get(http, first.address() + "/home?key=" + key).body();
                String b = get(http, second.address() + "/home?key=" + key).body();
                assertThat(b).as("key %d", key).isEqualTo(a).contains("Hello from Server");
            }
            assertThat(get(http, second.address() + "/rep").body()).isEqualTo(get(http, first.address() + "/rep").body());

            // The follower changes nothing itself.
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(second.address() + "/add"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("follows run " + backend.runId());
            assertThat(following.ring().size()).isEqualTo(3);

            // Churn at the owner: a task container killed from a terminal, a server added, one removed.
            String container = Engine.docker("ps", "-q", "--no-trunc", "--filter", "label=dev.ringlab.run=" + backend.runId(),
                    "--filter", "label=dev.ringlab.server=Server 1").get(0);
            Engine.docker("kill", container);
            awaitTrue(() -> owner.member("Server 1").isEmpty() && owner.ring().size() == 3, "Server 1 replaced");
            awaitAgreement(owner, following);
            owner.add(1, List.of("extra"));
            awaitAgreement(owner, following);
            owner.remove(1, List.of("Server 2"));
            awaitAgreement(owner, following);
            assertThat(following.ring().servers()).extracting(s -> s.name()).contains("extra").doesNotContain("Server 2");
        } finally {
            monitor.close();
            owner.close();
        }
        // The owner's services are gone: the follower's ring empties, and it removed nothing itself.
        awaitTrue(() -> following.ring().isEmpty(), "the follower's ring emptied");
        following.close();
    }

    @Test
    void followingWithoutARunNamesTheProblem() {
        assertThatThrownBy(() -> new SwarmFollower(DockerEngine.fromEnvironment(), null, HEARTBEAT).close())
                .satisfiesAnyOf(
                        failure -> assertThat(failure).isInstanceOf(BackendException.class)
                                .hasMessageContaining("no RingLab run has services in this swarm"),
                        failure -> assertThat(failure).isInstanceOf(BackendException.class)
                                .hasMessageContaining("several RingLab runs"));
    }

    /** Same servers, same ids: every one of 10,000 keys routes to the same server on both rings. */
    private static void awaitAgreement(Cluster owner, Cluster following) throws InterruptedException {
        // Join order may differ (the follower adopts in the order it finds services); the ring does not.
        awaitTrue(() -> Set.copyOf(owner.ring().servers()).equals(Set.copyOf(following.ring().servers())),
                "the rings agree");
        RingSnapshot a = owner.ring();
        RingSnapshot b = following.ring();
        assertThat(LongStream.range(0, 10_000).filter(key -> !a.route(key).equals(b.route(key))).count()).isZero();
    }

    private static HttpResponse<String> get(HttpClient http, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
