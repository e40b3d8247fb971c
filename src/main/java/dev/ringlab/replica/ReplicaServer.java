package dev.ringlab.replica;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The replica: answers {@code GET /home} with its id, {@code GET /heartbeat} with 200 and nothing,
 * {@code POST /fault} by setting an injected latency and error rate on {@code /home} ({@link ReplicaFaults}),
 * and 404 otherwise. JDK only, so the same jar runs as a child process and in a tiny jlinked image.
 *
 * <p>{@code sun.net.httpserver.nodelay} must be true: without it the JDK server answers keep-alive
 * requests some 40 ms late (Nagle against delayed ACKs), which turns 40k requests/s into 1.4k.
 */
public final class ReplicaServer implements AutoCloseable {

    private static final byte[] NOT_FOUND =
            "{\"message\":\"not found\",\"status\":\"failure\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer http;
    private final ExecutorService workers;
    private final byte[] home;
    private final ReplicaFaults faults = new ReplicaFaults();

    private ReplicaServer(HttpServer http, ExecutorService workers, String id) {
        this.http = http;
        this.workers = workers;
        this.home = homeBody(id);
    }

    /** The body of {@code /home}; the simulated replicas answer the same bytes. */
    public static byte[] homeBody(String id) {
        return ("{\"message\":\"Hello from Server: " + escape(id) + "\",\"status\":\"successful\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Binds {@code bind:port} (port 0 picks a free one) and starts answering. */
    public static ReplicaServer start(String id, InetAddress bind, int port, int threads) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The JDK closes keep-alive connections beyond 200 idle ones; a replica behind several balancers
        // (RingLab, nginx and HAProxy in the benchmark, each with its pool) holds more than that.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 512);
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "replica-" + id);
            thread.setDaemon(true);
            return thread;
        });
        ReplicaServer replica = new ReplicaServer(http, workers, id);
        http.createContext("/", replica::handle);
        http.setExecutor(workers);
        http.start();
        return replica;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean deferred = false;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] sent = body.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            boolean get = "GET".equals(exchange.getRequestMethod());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (get && "/home".equals(path)) {
                // An injected latency answers later from the fault timer, not from a sleeping worker, so
                // the workers stay free for /heartbeat: the server is slow, not hung, as the fault means.
                deferred = faults.answerLater(() -> sendHome(exchange));
                if (!deferred) {
                    sendHome(exchange);
                }
            } else if ("POST".equals(exchange.getRequestMethod()) && "/fault".equals(path)) {
                setFault(exchange, new String(sent, StandardCharsets.UTF_8));
            } else if (get && "/heartbeat".equals(path)) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                send(exchange, 404, NOT_FOUND);
            }
        } finally {
            if (!deferred) {
                exchange.close();
            }
        }
    }

    /** {@code /home}: this replica's id, or the injected error at the injected rate. */
    private void sendHome(HttpExchange exchange) {
        try (exchange) {
            if (faults.failsNow()) {
                send(exchange, 500, ReplicaFaults.FAULTY);
            } else {
                send(exchange, 200, home);
            }
        } catch (IOException clientGone) {
            // the balancer gave up on this request (its try timeout): nothing left to answer
        }
    }

    /** {@code POST /fault}: the balancer's side sets this replica's latency and error rate on {@code /home}. */
    private void setFault(HttpExchange exchange, String body) throws IOException {
        try {
            send(exchange, 200, faults.apply(body).json().getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException refused) {
            send(exchange, 400, ("{\"message\":\"" + escape(refused.getMessage()) + "\",\"status\":\"failure\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
        faults.close();
    }

    /**
     * {@code java -cp ringlab.jar dev.ringlab.replica.ReplicaServer [id] [port]}; falls back to the
     * environment ({@code SERVER_ID}, {@code PORT}, {@code BIND}) as in the original's containers.
     */
    public static void main(String[] args) throws IOException {
        String id = args.length > 0 ? args[0] : env("SERVER_ID", "1");
        int port = Integer.parseInt(args.length > 1 ? args[1] : env("PORT", "5000"));
        InetAddress bind = InetAddress.getByName(env("BIND", "0.0.0.0"));
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        ReplicaServer replica = start(id, bind, port, threads);
        // The parent reads this line to learn the port when it asked for port 0.
        System.out.println("replica " + id + " listening on " + replica.port());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close));
        exitWithParent(System.getProperty("dev.ringlab.exit-with"));
    }

    /** A replica started by RingLab's process backend ends when RingLab does, even after a kill -9 of it. */
    private static void exitWithParent(String pid) {
        if (pid == null || pid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid.trim())).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
