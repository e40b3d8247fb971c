package dev.ringlab.cluster.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.balancer.BalancerEndpoint;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.ClusterException;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.docker.DockerBackend;
import dev.ringlab.cluster.docker.Engine;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replicas as real Swarm services on a real (one-node) swarm: labelled services published in host
 * mode, requests through the HTTP balancer, a task's container killed with the docker CLI and
 * replaced by RingLab (not by Swarm), removal, a node that lacks the image, and nothing left behind.
 */
@ExtendWith(TestSwarm.class)
class SwarmBackendIT {

    private static final Duration HEARTBEAT = HealthMonitor.DEFAULT_INTERVAL;
    @Test
    void servicesServeAreKilledFromOutsideReplacedRemovedAndLeaveNothingBehind() throws Exception {
        List<String> notes = new CopyOnWriteArrayList<>();
        SwarmBackend backend = new SwarmBackend(Engine.VERSION, null, HEARTBEAT, notes::add);
        String run = backend.runId();
        Cluster cluster = new Cluster(backend, RingConfig.DEFAULT);
        HealthMonitor monitor = new HealthMonitor(cluster, HEARTBEAT, HealthMonitor.DEFAULT_MISSES);
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        cluster.subscribe(events::add);
        try (BalancerEndpoint balancer = BalancerEndpoint.start(cluster,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 4)) {
            cluster.add(3, List.of());
            monitor.start();
            assertThat(notes).anyMatch(note -> note.contains("restart on condition 'none'"));

            // One labelled service per server, one task each, published in host mode, restart none.
            assertThat(TestSwarm.servicesLabelled(DockerBackend.RUN_LABEL + "=" + run)).hasSize(3);
            for (Replica replica : backend.list()) {
                String inspect = String.join("\n", Engine.docker("service", "inspect", "--format",
                        "{{.Spec.Name}} {{.Spec.TaskTemplate.RestartPolicy.Condition}} {{json .Spec.EndpointSpec.Ports}}"
                                + " {{json .Spec.Labels}} {{.Spec.Mode.Replicated.Replicas}}"
                                + " {{.Spec.TaskTemplate.ContainerSpec.ReadOnly}}", replica.backendId()));
                assertThat(inspect).startsWith("ringlab-" + run + "-server-")
                        .contains(" none ", "\"PublishMode\":\"host\"", "\"TargetPort\":5000",
                                "\"dev.ringlab.run\":\"" + run + "\"", "\"dev.ringlab\":\"" + Engine.VERSION + "\"",
                                "\"dev.ringlab.server\":\"" + replica.server().name() + "\"",
                                "\"dev.ringlab.server.id\":\"" + replica.server().id() + "\"", "\"dev.ringlab.owner\"")
                        .endsWith(" 1 true");
                assertThat(replica.address().getHost()).isEqualTo("127.0.0.1");
                assertThat(replica.node()).isNotBlank();
                assertThat(replica.placeText()).endsWith(" on node " + replica.node());
            }

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (int key = 0; key < 30; key++) {
                HttpResponse<String> answer = get(http, balancer.address() + "/home?key=" + key);
                Server owner = cluster.ring().route(key);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("{\"message\":\"Hello from Server: " + owner.name()
                        + "\",\"status\":\"successful\"}");
            }
            assertThat(get(http, balancer.address() + "/rep").body())
                    .isEqualTo("{\"message\":{\"N\":3,\"replicas\":[\"Server 1\",\"Server 2\",\"Server 3\"]},"
                            + "\"status\":\"successful\"}");

            // docker kill of the task's container, from a terminal: detected and replaced by RingLab.
            Server victim = cluster.member("Server 2").orElseThrow().server();
            String container = Engine.docker("ps", "-q", "--no-trunc", "--filter", "label=dev.ringlab.run=" + run,
                    "--filter", "label=dev.ringlab.server=Server 2").get(0);
            Instant killedAt = Instant.now();
            Engine.docker("kill", container);
            awaitTrue(() -> replacedBy(events, victim) != null, "Server 2 replaced");
            Instant dead = events.stream().filter(e -> e instanceof ClusterEvent.MemberDead d && d.server().equals(victim))
                    .map(ClusterEvent::at).findFirst().orElseThrow();
            System.out.printf("swarm: docker kill of a task container detected in %d ms, replaced in %d ms%n",
                    Duration.between(killedAt, dead).toMillis(),
                    Duration.between(killedAt, replacedBy(events, victim).at()).toMillis());
            assertThat(cluster.ring().size()).isEqualTo(3);
            // Swarm did not restart it (restart none): the dead service is gone, a new one stands in.
            awaitTrue(() -> TestSwarm.servicesLabelled("dev.ringlab.server=Server 2").isEmpty(), "Server 2's service removed");
            assertThat(TestSwarm.servicesLabelled(DockerBackend.RUN_LABEL + "=" + run)).hasSize(3);

            // Kill through RingLab (a local task: docker kill on this engine), then a removal.
            cluster.kill("Server 1");
            awaitTrue(() -> cluster.member("Server 1").isEmpty(), "Server 1 replaced");
            cluster.remove(1, List.of("Server 3"));
            awaitTrue(() -> TestSwarm.servicesLabelled("dev.ringlab.server=Server 3").isEmpty(), "Server 3's service removed");
            assertThat(cluster.ring().size()).isEqualTo(2);
            assertThat(get(http, balancer.address() + "/home?key=7").statusCode()).isEqualTo(200);
        } finally {
            monitor.close();
            cluster.close();
        }
        assertThat(TestSwarm.servicesLabelled(DockerBackend.RUN_LABEL + "=" + run)).as("services left").isEmpty();
        assertThat(Engine.containersLabelled(DockerBackend.RUN_LABEL + "=" + run)).as("containers left").isEmpty();
    }

    @Test
    void aNodeWithoutTheImageIsOneClearLineAndNothingStays() {
        SwarmBackend backend = new SwarmBackend(Engine.VERSION, "ringlab-replica:no-such-version", HEARTBEAT, line -> { });
        String run = backend.runId();
        try (Cluster cluster = new Cluster(backend, RingConfig.DEFAULT)) {
            long began = System.nanoTime();
            assertThatThrownBy(() -> cluster.add(1, List.of("alpha")))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageContaining("could not start [alpha]")
                    .hasMessageContaining("cannot run ringlab-replica:no-such-version")
                    .hasMessageContaining("docker load")
                    .hasMessageNotContaining("\n");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).as("no hang").isLessThan(Duration.ofSeconds(50));
            assertThat(cluster.ring().isEmpty()).isTrue();
            assertThat(TestSwarm.servicesLabelled(DockerBackend.RUN_LABEL + "=" + run)).isEmpty();
        }
    }

    private static ClusterEvent.MemberUp replacedBy(List<ClusterEvent> events, Server dead) {
        return events.stream().filter(e -> e instanceof ClusterEvent.MemberUp up && dead.equals(up.replaces()))
                .map(ClusterEvent.MemberUp.class::cast).findFirst().orElse(null);
    }

    private static HttpResponse<String> get(HttpClient http, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits on a condition (the swarm acts asynchronously), failing after 60 s. */
    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }
}
