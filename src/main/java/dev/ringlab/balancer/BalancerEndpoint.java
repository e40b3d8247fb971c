package dev.ringlab.balancer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringlab.balancer.BalancerMetrics.ErrorReason;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterException;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.ReplicaReply;
import dev.ringlab.cluster.ReplicaUnreachableException;
import dev.ringlab.ring.RequestKey;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.Placement;
import dev.ringlab.ring.algorithm.RingPlacement;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The embedded load balancer: the classic assignment's API ({@code GET /rep}, {@code POST /add},
 * {@code DELETE /rm}), {@code GET /metrics}, {@code GET}/{@code POST /algorithm} (the placement
 * algorithm, switchable live; POST needs the admin token like /add), and every other {@code GET}
 * routed by the current placement (the ring unless another algorithm was chosen) to a
 * replica, retried clockwise when the replica does not answer.
 *
 * <p>It runs on Netty event loops: a request is read, routed and forwarded on keep-alive connections
 * by the same thread that answers it, so no request waits for a thread hand-off (the JDK server with a
 * blocking client measured a quarter of the throughput on two cores). Membership changes block, so
 * {@code /add} and {@code /rm} run on a thread of their own; the loops never block.
 */
public final class BalancerEndpoint implements AutoCloseable {

    /** Event-loop threads when none are asked for: one per core. */
    public static final int DEFAULT_THREADS = 0;

    private static final String JSON = "application/json";
    private static final String KEY_HEADER = "X-Request-Key";
    /** On an answer that needed more than one server: how many were tried. */
    public static final String ATTEMPTS_HEADER = "X-RingLab-Attempts";
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final Cluster cluster;
    private final BalancerMetrics metrics;
    private final byte[] adminToken;
    private final ObjectMapper json = new ObjectMapper();
    private final NioEventLoopGroup loops;
    private final ExecutorService admin;
    private final Map<EventExecutor, ReplicaConnections> connections = new HashMap<>();
    private Channel listening;
    private final LivePlacement placement;

    private BalancerEndpoint(Cluster cluster, LivePlacement placement, String adminToken, int threads) {
        this.cluster = cluster;
        this.placement = placement;
        this.metrics = new BalancerMetrics(() -> cluster.ring().size(), placement::algorithm);
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.loops = new NioEventLoopGroup(threads, new DefaultThreadFactory("balancer", true));
        this.admin = Executors.newSingleThreadExecutor(new DefaultThreadFactory("balancer-admin", true));
        for (EventExecutor loop : loops) {
            connections.put(loop, new ReplicaConnections((EventLoop) loop));
        }
    }

    /**
     * Binds {@code address} (port 0 picks a free one) and starts answering. Anywhere but loopback
     * needs an admin token, because {@code /add} and {@code /rm} start and stop processes.
     *
     * @param threads event-loop threads; 0 for one per core
     */
    public static BalancerEndpoint start(Cluster cluster, InetSocketAddress address, String adminToken, int threads)
            throws IOException {
        return start(cluster, LivePlacement.ring(cluster), address, adminToken, threads);
    }

    /** As above, routing by {@code placement}: any algorithm, switchable while it runs. */
    public static BalancerEndpoint start(Cluster cluster, LivePlacement placement, InetSocketAddress address,
                                         String adminToken, int threads) throws IOException {
        if (!address.getAddress().isLoopbackAddress() && (adminToken == null || adminToken.isBlank())) {
            throw new IllegalArgumentException("binding to " + address.getAddress().getHostAddress()
                    + " (not loopback) requires an admin token for /add and /rm");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or more, got " + threads);
        }
        BalancerEndpoint endpoint = new BalancerEndpoint(cluster, placement, adminToken, threads);
        ServerBootstrap bootstrap = new ServerBootstrap().group(endpoint.loops).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpServerExpectContinueHandler(),
                                new HttpObjectAggregator(MAX_REQUEST_BYTES), endpoint.new ClientConnection());
                    }
                });
        try {
            endpoint.listening = bootstrap.bind(address).syncUninterruptibly().channel();
        } catch (RuntimeException failure) {
            endpoint.close();
            throw failure;
        } catch (Exception bindFailure) { // Netty rethrows the checked BindException as is
            endpoint.close();
            if (bindFailure instanceof IOException io) {
                throw io;
            }
            throw new IOException(bindFailure.getMessage(), bindFailure);
        }
        return endpoint;
    }

    /** The placement requests are routed by; {@code placement().use(...)} switches the algorithm live. */
    public LivePlacement placement() {
        return placement;
    }

    /** Where clients reach it, e.g. {@code http://127.0.0.1:5000}. */
    public URI address() {
        InetSocketAddress bound = (InetSocketAddress) listening.localAddress();
        String host = bound.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
    }

    public int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    public BalancerMetrics metrics() {
        return metrics;
    }

    /** Stops answering and releases the port and every connection to the replicas; a second call does nothing. */
    @Override
    public void close() {
        if (loops.isShuttingDown()) {
            return;
        }
        if (listening != null) {
            listening.close().syncUninterruptibly();
        }
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        admin.shutdownNow();
    }

    /** The key of a routed request: the {@code key} query parameter, else {@code X-Request-Key}, else a random id. */
    static long requestKey(String rawQuery, String header) {
        String fromQuery = queryParameter(rawQuery, "key");
        if (fromQuery != null && !fromQuery.isBlank()) {
            return RequestKey.of(fromQuery);
        }
        if (header != null && !header.isBlank()) {
            return RequestKey.of(header);
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
            if (rawQuery.startsWith(name, from) && from + name.length() < end
                    && rawQuery.charAt(from + name.length()) == '=') {
                String value = rawQuery.substring(from + name.length() + 1, end);
                return value.indexOf('%') < 0 && value.indexOf('+') < 0 ? value
                        : URLDecoder.decode(value, StandardCharsets.UTF_8);
            }
            from = end + 1;
        }
        return null;
    }

    private byte[] membership() {
        List<String> names = cluster.ring().servers().stream().map(Server::name).toList();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("N", names.size());
        message.put("replicas", names);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("status", "successful");
        return toJson(body);
    }

    private byte[] algorithmAnswer() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("algorithm", placement.algorithm().label());
        message.put("known", java.util.Arrays.stream(Algorithm.values()).map(Algorithm::label).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("status", "successful");
        return toJson(body);
    }

    private byte[] error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "<Error> " + message);
        body.put("status", "failure");
        return toJson(body);
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** One client connection. Requests on it are answered in order, one at a time, even when pipelined. */
    private final class ClientConnection extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final ArrayDeque<Call> waiting = new ArrayDeque<>();
        private boolean busy;
        private ChannelHandlerContext ctx;

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            this.ctx = context;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            waiting.add(new Call(request));
            if (!busy) {
                next();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }

        private void next() {
            Call call = waiting.poll();
            busy = call != null;
            if (call != null) {
                handle(call);
            }
        }

        private void handle(Call call) {
            if (!call.decoded) {
                call.keepAlive = false;
                refuse(call, 400, ErrorReason.BAD_REQUEST, "malformed HTTP request");
                return;
            }
            switch (call.path) {
                case "/rep" -> {
                    if (allowed(call, "GET")) {
                        answer(call, 200, JSON, membership());
                    }
                }
                case "/metrics" -> {
                    if (allowed(call, "GET")) {
                        ByteArrayOutputStream text = new ByteArrayOutputStream(4096);
                        try {
                            metrics.writeTo(text);
                        } catch (IOException impossible) {
                            throw new IllegalStateException(impossible);
                        }
                        answer(call, 200, BalancerMetrics.CONTENT_TYPE, text.toByteArray());
                    }
                }
                case "/algorithm" -> {
                    if (call.method.equals("GET")) {
                        answer(call, 200, JSON, algorithmAnswer());
                    } else if (allowed(call, "POST") && authorised(call)) {
                        switchAlgorithm(call);
                    }
                }
                case "/add" -> {
                    if (allowed(call, "POST") && authorised(call)) {
                        changeMembership(call, request -> cluster.add(request.n(), request.hostnames()));
                    }
                }
                case "/rm" -> {
                    if (allowed(call, "DELETE") && authorised(call)) {
                        changeMembership(call, request -> cluster.remove(request.n(), request.hostnames()));
                    }
                }
                default -> {
                    if (!call.method.equals("GET")) {
                        refuse(call, 405, ErrorReason.BAD_REQUEST, "method " + call.method + " is not allowed on "
                                + call.path + " (routed paths take GET)");
                    } else {
                        new Forwarding(this, call).start();
                    }
                }
            }
        }

        /** Membership changes start and stop replicas, which blocks: off the event loop, answered back on it. */
        private void changeMembership(Call call, java.util.function.Consumer<ScaleRequest> change) {
            admin.execute(() -> {
                int status;
                byte[] body;
                try {
                    change.accept(ScaleRequest.parse(json, call.body));
                    status = 200;
                    body = membership();
                } catch (BadRequestException | ClusterException refused) {
                    metrics.recordError(ErrorReason.BAD_REQUEST);
                    status = refused.getCause() != null ? 500 : 400;
                    body = error(refused.getMessage());
                } catch (RuntimeException failure) {
                    status = 500;
                    body = error(String.valueOf(failure.getMessage()));
                }
                int finalStatus = status;
                byte[] finalBody = body;
                ctx.executor().execute(() -> answer(call, finalStatus, JSON, finalBody));
            });
        }

        /** Building a placement may take milliseconds (Maglev's table): off the event loop, answered back on it. */
        private void switchAlgorithm(Call call) {
            admin.execute(() -> {
                int status;
                byte[] body;
                try {
                    placement.use(AlgorithmRequest.parse(json, call.body).algorithm());
                    status = 200;
                    body = algorithmAnswer();
                } catch (BadRequestException refused) {
                    metrics.recordError(ErrorReason.BAD_REQUEST);
                    status = 400;
                    body = error(refused.getMessage());
                }
                int finalStatus = status;
                byte[] finalBody = body;
                ctx.executor().execute(() -> answer(call, finalStatus, JSON, finalBody));
            });
        }

        private boolean allowed(Call call, String method) {
            if (call.method.equals(method)) {
                return true;
            }
            refuse(call, 405, ErrorReason.BAD_REQUEST, "method " + call.method + " is not allowed on " + call.path
                    + " (use " + method + ")");
            return false;
        }

        private boolean authorised(Call call) {
            if (adminToken == null) {
                return true;
            }
            String given = call.adminToken;
            if (given != null && MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
            refuse(call, 401, ErrorReason.UNAUTHORIZED, call.path
                    + " needs the admin token (header 'Authorization: Bearer <token>')");
            return false;
        }

        void refuse(Call call, int status, ErrorReason reason, String message) {
            metrics.recordError(reason);
            answer(call, status, JSON, error(message));
        }

        void answer(Call call, int status, String contentType, byte[] body) {
            answer(call, status, contentType, body, 1);
        }

        /**
         * Writes the answer, then takes the next pipelined request (or closes when the client asked to).
         * A request that needed more than one server says so in {@value #ATTEMPTS_HEADER}.
         */
        void answer(Call call, int status, String contentType, byte[] body, int attempts) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
            HttpHeaders headers = response.headers();
            if (contentType != null) {
                headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
            }
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            if (status == 405) {
                headers.set(HttpHeaderNames.ALLOW, call.path.equals("/add") ? "POST"
                        : call.path.equals("/rm") ? "DELETE" : call.path.equals("/algorithm") ? "GET, POST" : "GET");
            }
            if (attempts > 1) {
                headers.setInt(ATTEMPTS_HEADER, attempts);
            }
            if (status == 401) {
                headers.set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            }
            if (!call.keepAlive) {
                headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.writeAndFlush(response);
            next();
        }
    }

    /**
     * One routed request: the placement's choice first, then its next choices (clockwise on the
     * ring), then 502. The request counts as in flight on the chosen server until it is answered,
     * which is what bounded loads balances.
     */
    private final class Forwarding implements ReplicaConnections.Reply {
        private final ClientConnection client;
        private final Call call;
        private final long begin = System.nanoTime();
        private RingSnapshot ring;
        private Placement current;
        private long key;
        private Server owner;
        private boolean released;
        private Server trying;
        private List<Server> clockwise;
        private int nextClockwise;
        private int attempts;

        Forwarding(ClientConnection client, Call call) {
            this.client = client;
            this.call = call;
        }

        void start() {
            ring = cluster.ring();
            current = placement.current();
            if (current.isEmpty()) {
                released = true;
                metrics.recordDispatch(current.algorithm(), null, 0, System.nanoTime() - begin);
                client.refuse(call, 503, ErrorReason.NO_SERVERS, "no server is on the ring");
                return;
            }
            key = requestKey(call.query, call.requestKey);
            // On the ring, its own O(1) slot lookup, exactly as before placements existed.
            owner = current instanceof RingPlacement onRing && onRing.snapshot() == ring
                    ? ring.ownerOfSlot(ring.slotOf(key)) : current.acquire(key);
            tryServer(owner);
        }

        private void tryServer(Server server) {
            Replica replica = cluster.replicaOf(server);
            if (replica == null) {
                tryNext();
                return;
            }
            attempts++;
            trying = server;
            if (replica.address() == null) {
                answerInMemory(replica);
                return;
            }
            connections.get(client.ctx.channel().eventLoop()).get(replica, call.pathAndQuery, this);
        }

        /** A simulated replica has no address: its backend answers at once, in memory, without blocking. */
        private void answerInMemory(Replica replica) {
            ReplicaReply reply;
            try {
                reply = cluster.backend().client().get(replica, call.pathAndQuery);
            } catch (ReplicaUnreachableException down) {
                unreachable(down.getMessage());
                return;
            }
            answered(reply.status(), reply.contentType(), reply.body());
        }

        private void tryNext() {
            if (clockwise == null) {
                clockwise = current.preferenceOrder(key);
            }
            while (nextClockwise < clockwise.size()) {
                Server server = clockwise.get(nextClockwise++);
                if (!server.equals(owner)) {
                    tryServer(server);
                    return;
                }
            }
            release();
            metrics.recordDispatch(current.algorithm(), null, attempts, System.nanoTime() - begin);
            client.refuse(call, 502, ErrorReason.UNREACHABLE, "no replica answered (" + attempts + " tried clockwise)");
        }

        @Override
        public void answered(int status, String contentType, byte[] body) {
            release();
            metrics.recordDispatch(current.algorithm(), trying, attempts, System.nanoTime() - begin);
            if (status == 404) {
                client.refuse(call, 400, ErrorReason.NOT_FOUND, "'" + call.path
                        + "' endpoint does not exist in server replicas");
            } else {
                client.answer(call, status, contentType, body, attempts);
            }
        }

        @Override
        public void unreachable(String why) {
            tryNext();
        }

        /** Ends the request's in-flight count on the server the placement chose, once. */
        private void release() {
            if (!released) {
                released = true;
                current.release(owner);
            }
        }
    }

    /** What the balancer needs of one request, copied out so Netty can release its buffers. */
    private static final class Call {
        final boolean decoded;
        final String method;
        final String path;
        final String query;
        final String pathAndQuery;
        final String requestKey;
        final String adminToken;
        final byte[] body;
        boolean keepAlive;

        Call(FullHttpRequest request) {
            decoded = request.decoderResult().isSuccess();
            method = request.method().name();
            pathAndQuery = request.uri();
            int question = pathAndQuery.indexOf('?');
            path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
            query = question < 0 ? null : pathAndQuery.substring(question + 1);
            HttpHeaders headers = request.headers();
            requestKey = headers.get(KEY_HEADER);
            String token = headers.get("X-Admin-Token");
            String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
            if (token == null && authorization != null && authorization.startsWith("Bearer ")) {
                token = authorization.substring("Bearer ".length()).trim();
            }
            adminToken = token;
            body = method.equals("GET") ? new byte[0] : ByteBufUtil.getBytes(request.content());
            keepAlive = HttpUtil.isKeepAlive(request);
        }
    }
}
