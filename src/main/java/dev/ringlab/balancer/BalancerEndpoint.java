package dev.ringlab.balancer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ringlab.balancer.BalancerMetrics.ErrorReason;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterException;
import dev.ringlab.cluster.ReplicaReply;
import dev.ringlab.ring.RequestKey;
import dev.ringlab.ring.Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded load balancer: the classic assignment's API ({@code GET /rep}, {@code POST /add},
 * {@code DELETE /rm}), {@code GET /metrics}, and every other {@code GET} routed by the ring to a
 * replica. It runs on the JDK's HTTP server with Nagle off and a fixed pool of worker threads, each of
 * which blocks on one forwarded request at a time.
 */
public final class BalancerEndpoint implements AutoCloseable {

    /** Workers: enough that 64 client connections each blocking on a replica never queue. */
    public static final int DEFAULT_WORKERS = 96;

    private static final String JSON = "application/json";
    private static final String KEY_HEADER = "X-Request-Key";

    private final Cluster cluster;
    private final Dispatcher dispatcher;
    private final BalancerMetrics metrics;
    private final byte[] adminToken;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer http;
    private final ExecutorService workers;

    private BalancerEndpoint(Cluster cluster, HttpServer http, ExecutorService workers, String adminToken) {
        this.cluster = cluster;
        this.dispatcher = new Dispatcher(cluster, cluster.backend().client());
        this.metrics = new BalancerMetrics(() -> cluster.ring().size());
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.http = http;
        this.workers = workers;
    }

    /**
     * Binds {@code address} (port 0 picks a free one) and starts answering. Anywhere but loopback
     * needs an admin token, because {@code /add} and {@code /rm} start and stop processes.
     */
    public static BalancerEndpoint start(Cluster cluster, InetSocketAddress address, String adminToken, int workers)
            throws IOException {
        if (!address.getAddress().isLoopbackAddress() && (adminToken == null || adminToken.isBlank())) {
            throw new IllegalArgumentException("binding to " + address.getAddress().getHostAddress()
                    + " (not loopback) requires an admin token for /add and /rm");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        // Without it the JDK server answers keep-alive requests ~40 ms late (Nagle against delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http = HttpServer.create(address, 1024);
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "balancer-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        BalancerEndpoint endpoint = new BalancerEndpoint(cluster, http, pool, adminToken);
        http.createContext("/", endpoint::handle);
        http.setExecutor(pool);
        http.start();
        return endpoint;
    }

    /** Where clients reach it, e.g. {@code http://127.0.0.1:5000}. */
    public URI address() {
        InetSocketAddress bound = http.getAddress();
        return URI.create("http://" + hostText(bound) + ":" + bound.getPort());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public BalancerMetrics metrics() {
        return metrics;
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            try {
                switch (path) {
                    case "/rep" -> {
                        requireMethod(exchange, "GET");
                        send(exchange, 200, JSON, membership());
                    }
                    case "/add" -> {
                        requireMethod(exchange, "POST");
                        requireToken(exchange);
                        ScaleRequest request = ScaleRequest.parse(json, readBody(exchange));
                        cluster.add(request.n(), request.hostnames());
                        send(exchange, 200, JSON, membership());
                    }
                    case "/rm" -> {
                        requireMethod(exchange, "DELETE");
                        requireToken(exchange);
                        ScaleRequest request = ScaleRequest.parse(json, readBody(exchange));
                        cluster.remove(request.n(), request.hostnames());
                        send(exchange, 200, JSON, membership());
                    }
                    case "/metrics" -> {
                        requireMethod(exchange, "GET");
                        ByteArrayOutputStream text = new ByteArrayOutputStream(4096);
                        metrics.writeTo(text);
                        send(exchange, 200, BalancerMetrics.CONTENT_TYPE, text.toByteArray());
                    }
                    default -> {
                        if (!"GET".equals(method)) {
                            exchange.getResponseHeaders().set("Allow", "GET");
                            throw new Refusal(405, ErrorReason.BAD_REQUEST, "method " + method
                                    + " is not allowed on " + path + " (routed paths take GET)");
                        }
                        forward(exchange, path);
                    }
                }
            } catch (Refusal refusal) {
                metrics.recordError(refusal.reason);
                sendError(exchange, refusal.status, refusal.getMessage());
            } catch (BadRequestException | ClusterException refused) {
                boolean backendFailed = refused.getCause() != null;
                metrics.recordError(ErrorReason.BAD_REQUEST);
                sendError(exchange, backendFailed ? 500 : 400, refused.getMessage());
            }
        } catch (IOException | UncheckedIOException clientGone) {
            // the client hung up; nothing to answer
        }
    }

    private void forward(HttpExchange exchange, String path) throws IOException {
        long begin = System.nanoTime();
        URI uri = exchange.getRequestURI();
        String query = uri.getRawQuery();
        long key = requestKey(query, exchange.getRequestHeaders());
        Dispatch dispatch = dispatcher.dispatch(key, query == null ? path : path + "?" + query);
        metrics.recordDispatch(dispatch.server(), dispatch.attempts(), System.nanoTime() - begin);
        if (!dispatch.answered()) {
            boolean empty = dispatch.attempts() == 0;
            metrics.recordError(empty ? ErrorReason.NO_SERVERS : ErrorReason.UNREACHABLE);
            sendError(exchange, empty ? 503 : 502, empty ? "no server is on the ring"
                    : "no replica answered (" + dispatch.attempts() + " tried clockwise)");
            return;
        }
        ReplicaReply reply = dispatch.reply();
        if (reply.status() == 404) {
            metrics.recordError(ErrorReason.NOT_FOUND);
            sendError(exchange, 400, "'" + path + "' endpoint does not exist in server replicas");
            return;
        }
        send(exchange, reply.status(), reply.contentType(), reply.body());
    }

    /** The {@code key} query parameter, else the {@code X-Request-Key} header, else a random request id. */
    static long requestKey(String rawQuery, Headers headers) {
        String fromQuery = queryParameter(rawQuery, "key");
        if (fromQuery != null && !fromQuery.isBlank()) {
            return RequestKey.of(fromQuery);
        }
        String fromHeader = headers.getFirst(KEY_HEADER);
        if (fromHeader != null && !fromHeader.isBlank()) {
            return RequestKey.of(fromHeader);
        }
        // As the original: a random six-digit request id.
        return ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        int from = 0;
        while (from <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', from);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (rawQuery.startsWith(name, from) && from + name.length() < end && rawQuery.charAt(from + name.length()) == '=') {
                String value = rawQuery.substring(from + name.length() + 1, end);
                return value.indexOf('%') < 0 && value.indexOf('+') < 0 ? value
                        : URLDecoder.decode(value, StandardCharsets.UTF_8);
            }
            from = end + 1;
        }
        return null;
    }

    private byte[] membership() throws IOException {
        List<String> names = cluster.ring().servers().stream().map(Server::name).toList();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("N", names.size());
        message.put("replicas", names);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("status", "successful");
        return json.writeValueAsBytes(body);
    }

    private void requireMethod(HttpExchange exchange, String allowed) {
        if (!allowed.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw new Refusal(405, ErrorReason.BAD_REQUEST, "method " + exchange.getRequestMethod() + " is not allowed on "
                    + exchange.getRequestURI().getRawPath() + " (use " + allowed + ")");
        }
    }

    private void requireToken(HttpExchange exchange) {
        if (adminToken == null) {
            return;
        }
        String given = exchange.getRequestHeaders().getFirst("X-Admin-Token");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (given == null && authorization != null && authorization.startsWith("Bearer ")) {
            given = authorization.substring("Bearer ".length()).trim();
        }
        if (given == null || !MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            throw new Refusal(401, ErrorReason.UNAUTHORIZED, exchange.getRequestURI().getRawPath()
                    + " needs the admin token (header 'Authorization: Bearer <token>')");
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(ScaleRequest.MAX_BODY_BYTES + 1);
            in.transferTo(OutputStream.nullOutputStream());
            return body;
        }
    }

    private void sendError(HttpExchange exchange, int status, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "<Error> " + message);
        body.put("status", "failure");
        send(exchange, status, JSON, json.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String hostText(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Stops answering (in-flight requests get a moment to finish) and releases the port. */
    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
    }

    /** A refusal with its HTTP status, raised anywhere in a handler. */
    private static final class Refusal extends RuntimeException {
        final int status;
        final ErrorReason reason;

        Refusal(int status, ErrorReason reason, String message) {
            super(message, null, false, false);
            this.status = status;
            this.reason = reason;
        }
    }
}
