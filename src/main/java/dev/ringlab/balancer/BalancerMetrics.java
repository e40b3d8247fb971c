package dev.ringlab.balancer;

import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the balancer counts, in the Prometheus text format: answered requests per server, errors by
 * reason, clockwise retries, a latency histogram and the replicas on the ring. Label sets are arrays
 * so that a dimension (say the ring's hash {@code algorithm}) is added in one place; the hot path
 * caches one data point per label set, so counting allocates nothing.
 */
public final class BalancerMetrics {

    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    /** Why a request did not get a replica's answer; the values of the {@code reason} label. */
    public enum ErrorReason {
        /** No replica answered, even clockwise (502). */
        UNREACHABLE,
        /** The ring was empty (503). */
        NO_SERVERS,
        /** The replicas do not serve the path (a replica 404, answered as 400). */
        NOT_FOUND,
        /** A bad admin request or method (4xx). */
        BAD_REQUEST,
        /** An admin request without the right token (401). */
        UNAUTHORIZED,
        /** A body over the balancer's limit (413). */
        TOO_LARGE,
        /** A client that did not send its request header or body in time (408). */
        TIMEOUT,
        /** A replica's error answer that was not JSON, answered as a JSON error with the same status. */
        REPLICA_ERROR;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final String[] SERVER_LABELS = {"algorithm", "server"};
    private static final String[] ALGORITHM_LABELS = {"algorithm"};
    private static final String[] ERROR_LABELS = {"reason"};
    private static final double[] LATENCY_BUCKETS =
            {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Counter errors;
    private final Counter retries;
    private final Histogram latency;
    /** Per algorithm, per server name: looked up without building a key, so counting stays allocation-free. */
    private final Map<Algorithm, Map<String, CounterDataPoint>> requestsByServer = new EnumMap<>(Algorithm.class);
    private final Map<Algorithm, DistributionDataPoint> latencyByAlgorithm = new ConcurrentHashMap<>();
    private final Map<ErrorReason, CounterDataPoint> errorsByReason = new ConcurrentHashMap<>();

    public BalancerMetrics(IntSupplier replicasUp) {
        this(replicasUp, () -> Algorithm.RING);
    }

    /** @param algorithm the placement the balancer routes by now, exported as {@code ringlab_placement_algorithm} */
    public BalancerMetrics(IntSupplier replicasUp, Supplier<Algorithm> algorithm) {
        requests = Counter.builder().name("ringlab_requests_total")
                .help("Requests answered by a replica, by placement algorithm and the server that answered")
                .labelNames(SERVER_LABELS).register(registry);
        errors = Counter.builder().name("ringlab_request_errors_total")
                .help("Requests the balancer answered with an error, by reason")
                .labelNames(ERROR_LABELS).register(registry);
        retries = Counter.builder().name("ringlab_retries_total")
                .help("Extra attempts on the placement's next choice after a replica did not answer")
                .register(registry);
        latency = Histogram.builder().name("ringlab_request_duration_seconds")
                .help("Time from receiving a routed request to having its answer, by placement algorithm")
                .labelNames(ALGORITHM_LABELS)
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
        for (Algorithm each : Algorithm.values()) {
            requestsByServer.put(each, new ConcurrentHashMap<>());
        }
        GaugeWithCallback.builder().name("ringlab_placement_algorithm")
                .help("The placement algorithm the balancer routes by now (1 for the current one)")
                .labelNames(ALGORITHM_LABELS)
                .callback(callback -> callback.call(1, algorithm.get().label())).register(registry);
        GaugeWithCallback.builder().name("ringlab_replicas_up")
                .help("Servers on the ring, answering heartbeats")
                .callback(callback -> callback.call(replicasUp.getAsInt())).register(registry);
    }

    /**
     * One routed request: by which algorithm, who answered (null if nobody), how many servers were tried,
     * how long it took (negative: not timed, an in-process request that has no HTTP round trip to time).
     */
    void recordDispatch(Algorithm algorithm, Server answered, int attempts, long nanos) {
        if (answered != null) {
            servedBy(algorithm, answered.name()).inc();
        }
        if (attempts > 1) {
            retries.inc(attempts - 1);
        }
        if (nanos >= 0) {
            latencyByAlgorithm.computeIfAbsent(algorithm, a -> latency.labelValues(a.label())).observe(nanos / 1e9);
        }
    }

    /**
     * The counter of {@code server} under {@code algorithm}: a plain lookup once it exists, because
     * {@code computeIfAbsent} with a lambda that captures the algorithm allocates that lambda on every call.
     */
    private CounterDataPoint servedBy(Algorithm algorithm, String server) {
        Map<String, CounterDataPoint> byServer = requestsByServer.get(algorithm);
        CounterDataPoint point = byServer.get(server);
        return point != null ? point
                : byServer.computeIfAbsent(server, name -> requests.labelValues(algorithm.label(), name));
    }

    void recordError(ErrorReason reason) {
        errorsByReason.computeIfAbsent(reason, r -> errors.labelValues(r.label())).inc();
    }

    /** Answered requests of one server so far, whatever the algorithm (0 when none). */
    public long requestsOf(String server) {
        long total = 0;
        for (Algorithm algorithm : Algorithm.values()) {
            total += requestsOf(algorithm, server);
        }
        return total;
    }

    /** Answered requests of one server while routing by {@code algorithm}. */
    public long requestsOf(Algorithm algorithm, String server) {
        CounterDataPoint point = requestsByServer.get(algorithm).get(server);
        return point == null ? 0 : (long) point.get();
    }

    public long retries() {
        return (long) retries.get();
    }

    /** Exports passive health: ejections so far and servers ejected now. */
    void watchEjections(java.util.function.LongSupplier total, IntSupplier now) {
        io.prometheus.metrics.core.metrics.CounterWithCallback.builder().name("ringlab_ejections_total")
                .help("Servers ejected by passive health checks (failures in a row on real traffic)")
                .callback(callback -> callback.call(total.getAsLong())).register(registry);
        GaugeWithCallback.builder().name("ringlab_servers_ejected")
                .help("Servers skipped by routing now because passive health ejected them")
                .callback(callback -> callback.call(now.getAsInt())).register(registry);
    }

    /** The current values in the Prometheus text format, version 0.0.4. */
    public void writeTo(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
