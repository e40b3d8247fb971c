package dev.ringlab.balancer;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections from a client (the experiments' HTTP testbed) to one balancer, all run by one Netty event loop: a
 * request is written without waiting for the one before, and its answer is handed to the caller on
 * that loop, so one thread keeps as many requests in flight as the run asks for (the blocking
 * client needed a thread per request in flight, and on two cores their hand-offs cost more than
 * the requests). The balancer reuses the same Netty classes, so a cold JVM compiles them once.
 *
 * <p>Up to {@code maxConnections} connections are opened, one per request in flight; beyond that,
 * requests are pipelined on the least busy connection (the balancer answers them in order).
 */
public final class BalancerConnections implements AutoCloseable {

    /** What became of one request. Called on the client's event loop; must not block. */
    public interface Answer {
        /** @param body the answer's body as text; {@code attempts} from the balancer's header, else 1 */
        void answered(int status, String body, int attempts);

        void failed(String why);
    }

    static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    private static final long SWEEP_MS = 500;

    private final String host;
    private final String hostHeader;
    private final int port;
    private final int maxConnections;
    private final long readTimeoutNanos;
    private final String attemptsHeader;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    /** Touched on {@link #loop} only, like everything below. */
    private final List<Connection> connections = new ArrayList<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    /** Requests that arrived while every connection was still opening; sent as soon as one opens. */
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private int connecting;
    private boolean closed;

    /**
     * @param attemptsHeader the balancer's header that says how many servers a request tried
     */
    public BalancerConnections(URI balancer, int maxConnections, long readTimeoutMillis, String attemptsHeader) {
        this.host = balancer.getHost();
        this.port = balancer.getPort();
        this.hostHeader = host + ":" + port;
        this.maxConnections = Math.max(1, maxConnections);
        this.readTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
        this.attemptsHeader = attemptsHeader;
        this.group = Transport.loops(1, new DefaultThreadFactory("ringlab-experiment-client", true));
        this.loop = group.next();
        this.bootstrap = new Bootstrap().group(loop).channel(Transport.socket())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE_BYTES),
                                new AnswerHandler());
                    }
                });
        loop.scheduleAtFixedRate(this::sweep, SWEEP_MS, SWEEP_MS, TimeUnit.MILLISECONDS);
    }

    /** Sends {@code GET pathAndQuery}; from any thread. {@code answer} is called exactly once, on the loop. */
    public void get(String pathAndQuery, Answer answer) {
        Exchange exchange = new Exchange(pathAndQuery, answer);
        if (loop.inEventLoop()) {
            dispatch(exchange);
        } else {
            loop.execute(() -> dispatch(exchange));
        }
    }

    /** True when the caller runs on this client's loop, where an answer would arrive. */
    public boolean onLoop() {
        return loop.inEventLoop();
    }

    private void dispatch(Exchange exchange) {
        if (closed) {
            exchange.answer.failed("the client is closed");
            return;
        }
        Connection connection;
        while ((connection = idle.pollFirst()) != null && !connection.channel.isActive()) {
            connection = null;
        }
        if (connection != null) {
            connection.send(exchange);
        } else if (connections.size() + connecting < maxConnections) {
            connect(exchange);
        } else if (!connections.isEmpty()) {
            leastBusy().send(exchange);
        } else {
            // every connection is still being opened: pipeline behind the first one that opens
            waiting.addLast(exchange);
        }
    }

    private void connect(Exchange first) {
        connecting++;
        ChannelFuture opening = bootstrap.connect(host, port);
        opening.addListener(done -> {
            connecting--;
            if (!done.isSuccess()) {
                String why = "cannot connect to " + hostHeader + ": " + done.cause().getMessage();
                first.answer.failed(why);
                if (connections.isEmpty() && connecting == 0) {
                    for (Exchange stranded; (stranded = waiting.pollFirst()) != null; ) {
                        stranded.answer.failed(why);
                    }
                }
                return;
            }
            Connection connection = new Connection(opening.channel());
            opening.channel().pipeline().get(AnswerHandler.class).connection = connection;
            connections.add(connection);
            connection.send(first);
            for (Exchange queued; (queued = waiting.pollFirst()) != null; ) {
                connection.send(queued);
            }
        });
    }

    private Connection leastBusy() {
        Connection best = connections.get(0);
        for (Connection candidate : connections) {
            if (candidate.pending.size() < best.pending.size()) {
                best = candidate;
            }
        }
        return best;
    }

    /** Closes connections whose oldest request has waited longer than the read timeout. */
    private void sweep() {
        long now = System.nanoTime();
        for (Connection connection : List.copyOf(connections)) {
            Exchange oldest = connection.pending.peekFirst();
            if (oldest != null && now - oldest.sentNanos > readTimeoutNanos) {
                connection.timedOut = true;
                connection.channel.close();
            }
        }
    }

    @Override
    public void close() {
        loop.execute(() -> {
            closed = true;
            for (Connection connection : List.copyOf(connections)) {
                connection.channel.close();
            }
        });
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One keep-alive connection and its requests in the order they were written. */
    private final class Connection {
        final Channel channel;
        final ArrayDeque<Exchange> pending = new ArrayDeque<>();
        boolean timedOut;

        Connection(Channel channel) {
            this.channel = channel;
        }

        void send(Exchange exchange) {
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                    exchange.pathAndQuery, Unpooled.EMPTY_BUFFER);
            request.headers().set(HttpHeaderNames.HOST, hostHeader);
            exchange.sentNanos = System.nanoTime();
            exchange.sends++;
            pending.addLast(exchange);
            channel.writeAndFlush(request, channel.voidPromise());
        }

        void answered(FullHttpResponse response) {
            Exchange exchange = pending.pollFirst();
            if (exchange == null) {
                channel.close();
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(response) && response.decoderResult().isSuccess();
            if (!keepAlive) {
                channel.close();
            } else if (pending.isEmpty()) {
                idle.addFirst(this);
            }
            String attempts = response.headers().get(attemptsHeader);
            int tried;
            try {
                tried = attempts == null ? 1 : Integer.parseInt(attempts.trim());
            } catch (NumberFormatException garbled) {
                tried = 1;
            }
            exchange.answer.answered(response.status().code(), response.content().toString(StandardCharsets.UTF_8), tried);
        }

        /**
         * The connection closed with requests on it. A GET the balancer never answered is sent once
         * more (a keep-alive connection may be closed by the server while idle, as any HTTP client
         * expects); after a timeout or a second loss it fails.
         */
        void lost() {
            connections.remove(this);
            idle.remove(this);
            for (Exchange exchange; (exchange = pending.pollFirst()) != null; ) {
                if (!timedOut && exchange.sends < 2 && !closed) {
                    dispatch(exchange);
                } else {
                    exchange.answer.failed(timedOut ? "no answer within " + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos)
                            + " ms" : "the balancer closed the connection without answering");
                }
            }
        }
    }

    private static final class Exchange {
        final String pathAndQuery;
        final Answer answer;
        long sentNanos;
        int sends;

        Exchange(String pathAndQuery, Answer answer) {
            this.pathAndQuery = pathAndQuery;
            this.answer = answer;
        }
    }

    private static final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        Connection connection;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            if (connection == null) {
                ctx.close();
                return;
            }
            connection.answered(response);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (connection != null) {
                connection.lost();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
