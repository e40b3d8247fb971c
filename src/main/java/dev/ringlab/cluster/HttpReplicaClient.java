package dev.ringlab.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends requests to replicas that answer HTTP (processes, containers) over one pooled keep-alive
 * client. Connect timeouts are short: on loopback a live replica accepts in microseconds, so a slow
 * connect means a dead or frozen one, and the balancer would rather try the next server clockwise.
 */
public final class HttpReplicaClient implements ReplicaClient, AutoCloseable {

    /** Idle keep-alive connections kept per client: more than the balancer's concurrent requests. */
    private static final int POOLED_CONNECTIONS = 512;

    private final OkHttpClient http;

    public HttpReplicaClient(Duration connectTimeout, Duration readTimeout) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(POOLED_CONNECTIONS);
        dispatcher.setMaxRequestsPerHost(POOLED_CONNECTIONS);
        this.http = new OkHttpClient.Builder()
                // Replicas speak plain http. Without TLS specs OkHttp never loads the platform's trust
                // store: 700 classes and 0.15 s -> 1.3 s (loaded machine) off every start (speed, issue 13).
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .connectionPool(new ConnectionPool(POOLED_CONNECTIONS, 5, TimeUnit.MINUTES))
                .dispatcher(dispatcher)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                // One stale pooled connection to a restarted replica is retried on a fresh one by
                // OkHttp; anything beyond that is the balancer's clockwise retry.
                .retryOnConnectionFailure(true)
                .followRedirects(false)
                .build();
    }

    /** For the balancer's forwarding: fail fast on connect, allow a replica a few seconds to answer. */
    public static HttpReplicaClient forRequests() {
        return new HttpReplicaClient(Duration.ofMillis(250), Duration.ofSeconds(10));
    }

    /**
     * For heartbeats: a replica slower than this counts as a miss. Generous (at least 500 ms) because a
     * loaded machine delays a live replica by hundreds of ms; a killed one is refused at once anyway.
     */
    public static HttpReplicaClient forHeartbeats(Duration interval) {
        return new HttpReplicaClient(Duration.ofMillis(500), heartbeatTimeout(interval));
    }

    /** How long a heartbeat waits for its answer at {@code interval}: twice the interval, at least 500 ms. */
    public static Duration heartbeatTimeout(Duration interval) {
        return interval.multipliedBy(2).compareTo(Duration.ofMillis(500)) < 0
                ? Duration.ofMillis(500) : interval.multipliedBy(2);
    }

    @Override
    public ReplicaReply get(Replica replica, String pathAndQuery) throws ReplicaUnreachableException {
        return get(replica, pathAndQuery, 0);
    }

    /** The whole call (connect, write, read) within {@code timeoutMillis}; 0 leaves only the client's own timeouts. */
    @Override
    public ReplicaReply get(Replica replica, String pathAndQuery, long timeoutMillis) throws ReplicaUnreachableException {
        if (replica.address() == null) {
            throw new ReplicaUnreachableException(replica.server().name() + " has no HTTP address");
        }
        Request request;
        try {
            request = new Request.Builder().url(replica.address() + pathAndQuery).get().build();
        } catch (IllegalArgumentException badUrl) {
            throw new ReplicaUnreachableException("cannot address " + replica.server().name() + pathAndQuery, badUrl);
        }
        okhttp3.Call call = http.newCall(request);
        if (timeoutMillis > 0) {
            call.timeout().timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            MediaType type = body.contentType();
            return new ReplicaReply(response.code(), type == null ? ReplicaReply.JSON : type.toString(), body.bytes());
        } catch (IOException failure) {
            throw new ReplicaUnreachableException(replica.server().name() + " at " + replica.addressText()
                    + " did not answer: " + failure.getMessage(), failure);
        }
    }

    /** One heartbeat: true when the replica answered {@code /heartbeat} with 200 within this client's timeouts. */
    public boolean heartbeat(Replica replica) {
        try {
            return get(replica, "/heartbeat").status() == 200;
        } catch (ReplicaUnreachableException unreachable) {
            return false;
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
