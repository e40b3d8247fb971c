package dev.ringlab.balancer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.ring.RingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A real balancer on a free loopback port over real replica processes, as {@code serve} wires it. */
final class RunningBalancer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final ProcessBackend backend;
    final Cluster cluster;
    final HealthMonitor monitor;
    final BalancerEndpoint endpoint;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningBalancer(ProcessBackend backend, Cluster cluster, HealthMonitor monitor, BalancerEndpoint endpoint) {
        this.backend = backend;
        this.cluster = cluster;
        this.monitor = monitor;
        this.endpoint = endpoint;
    }

    /** {@code replicas} process replicas, heartbeats on (unless {@code monitored} is false), optional admin token. */
    static RunningBalancer start(int replicas, boolean monitored, String adminToken) throws IOException {
        return start(replicas, monitored, adminToken, ClientTimeouts.DEFAULT);
    }

    /** As above, with {@code timeouts} on client connections. */
    static RunningBalancer start(int replicas, boolean monitored, String adminToken, ClientTimeouts timeouts)
            throws IOException {
        return start(replicas, monitored, adminToken, timeouts, route -> route);
    }

    /** As above, with the route set up by {@code setup} (a per-try timeout, passive health). */
    static RunningBalancer start(int replicas, boolean monitored, String adminToken, ClientTimeouts timeouts,
                                 java.util.function.UnaryOperator<FailoverRoute> setup) throws IOException {
        ProcessBackend backend = new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL);
        Cluster cluster = new Cluster(backend, RingConfig.DEFAULT);
        HealthMonitor monitor = new HealthMonitor(cluster, HealthMonitor.DEFAULT_INTERVAL, HealthMonitor.DEFAULT_MISSES);
        try {
            cluster.add(replicas, List.of());
            if (monitored) {
                monitor.start();
            }
            BalancerEndpoint endpoint = BalancerEndpoint.start(cluster, setup.apply(FailoverRoute.ring(cluster)),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), adminToken, 32, timeouts);
            return new RunningBalancer(backend, cluster, monitor, endpoint);
        } catch (RuntimeException | IOException failure) {
            monitor.close();
            cluster.close();
            throw failure;
        }
    }

    /** The whole answer, headers included, for what the balancer says of its attempts. */
    HttpResponse<String> exchange(String pathAndQuery) {
        try {
            return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    Answer get(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).GET());
    }

    Answer post(String path, String body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer delete(String path, String body, String... headers) {
        return send(request(path, headers).method("DELETE", HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The replicas listed by {@code GET /rep}. */
    List<String> replicas() {
        JsonNode message = get("/rep").json().get("message");
        return JSON.convertValue(message.get("replicas"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private HttpRequest.Builder request(String pathAndQuery, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.address() + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        endpoint.close();
        monitor.close();
        cluster.close();
    }

    record Answer(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new AssertionError("not JSON: " + body, notJson);
            }
        }

        String message() {
            return json().get("message").asText();
        }
    }
}
