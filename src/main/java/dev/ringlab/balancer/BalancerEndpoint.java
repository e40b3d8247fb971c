package dev.ringlab.balancer;

import dev.ringlab.cluster.Cluster;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The embedded load balancer: its bootstrap and lifecycle. What it answers is {@link ClassicApi}'s
 * route table ({@code /rep}, {@code /add}, {@code /rm}, {@code /metrics}, {@code /algorithm}, every other
 * {@code GET} forwarded along a {@link FailoverRoute}); each client connection is a
 * {@link ClientConnection} under {@link ClientDeadlines}, and replicas are reached through the
 * {@link ReplicaConnections} of the same event loop.
 *
 * <p>It runs on Netty event loops: a request is read, routed and forwarded on keep-alive connections
 * by the same thread that answers it, so no request waits for a thread hand-off (the JDK server with a
 * blocking client measured a quarter of the throughput on two cores). Membership changes block, so
 * {@code /add} and {@code /rm} run on a thread of their own; the loops never block.
 */
public final class BalancerEndpoint implements AutoCloseable {

    /** Event-loop threads when none are asked for: one per core. */
    public static final int DEFAULT_THREADS = 0;

    /** On an answer that needed more than one server: how many were tried. */
    public static final String ATTEMPTS_HEADER = ClientConnection.ATTEMPTS_HEADER;
    /** Bodies above this are refused with 413 (nginx's {@code client_max_body_size} is 1 MB too). */
    public static final int MAX_REQUEST_BYTES = 1024 * 1024;
    static final int MAX_REQUEST_LINE_BYTES = 4096;
    static final int MAX_HEADER_BYTES = 8192;

    private final FailoverRoute route;
    private final EventLoopGroup loops;
    private final ExecutorService admin;
    private final Map<EventExecutor, ReplicaConnections> connections = new HashMap<>();
    private Channel listening;

    private BalancerEndpoint(FailoverRoute route, int threads) {
        this.route = route;
        this.loops = Transport.loops(threads, new DefaultThreadFactory("balancer", true));
        this.admin = Executors.newSingleThreadExecutor(new DefaultThreadFactory("balancer-admin", true));
        for (EventExecutor loop : loops) {
            connections.put(loop, new ReplicaConnections((EventLoop) loop, route::tryTimeoutMillis));
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
        return start(cluster, new FailoverRoute(cluster, placement), address, adminToken, threads,
                ClientTimeouts.DEFAULT);
    }

    /**
     * As above, along {@code route} (share it with a {@link Dispatcher} and both count in one place),
     * with {@code timeouts} on client connections.
     *
     * @param adminToken null for none (loopback only); never empty
     */
    public static BalancerEndpoint start(Cluster cluster, FailoverRoute route, InetSocketAddress address,
                                         String adminToken, int threads, ClientTimeouts timeouts) throws IOException {
        if (adminToken != null && adminToken.isBlank()) {
            throw new IllegalArgumentException("the admin token is empty: give a token, or none on loopback");
        }
        if (!address.getAddress().isLoopbackAddress() && adminToken == null) {
            throw new IllegalArgumentException("binding to " + address.getAddress().getHostAddress()
                    + " (not loopback) requires an admin token for /add and /rm");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or more, got " + threads);
        }
        BalancerEndpoint endpoint = new BalancerEndpoint(route, threads);
        ClassicApi api = new ClassicApi(cluster, route, adminToken, endpoint.admin);
        BalancerMetrics metrics = route.metrics();
        ServerBootstrap bootstrap = new ServerBootstrap().group(endpoint.loops).channel(Transport.server())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ClientDeadlines deadlines = new ClientDeadlines(timeouts, metrics);
                        channel.pipeline().addLast(deadlines.bytes(),
                                new HttpServerCodec(MAX_REQUEST_LINE_BYTES, MAX_HEADER_BYTES, 8192),
                                deadlines.messages(),
                                new BodyLimit(MAX_REQUEST_BYTES),
                                new ClientConnection(api, deadlines, metrics, endpoint::connectionsOf));
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

    private ReplicaConnections connectionsOf(ChannelHandlerContext context) {
        return connections.get(context.channel().eventLoop());
    }

    /** The placement requests are routed by; {@code placement().use(...)} switches the algorithm live. */
    public LivePlacement placement() {
        return route.placement();
    }

    /** The route requests take, with the one count of what it served. */
    public FailoverRoute route() {
        return route;
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
        return route.metrics();
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
}
