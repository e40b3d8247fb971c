package dev.ringlab.balancer;

import dev.ringlab.cluster.Replica;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keep-alive connections to the replicas, owned by one event loop: the requests that loop accepted
 * go out on connections it also runs, so forwarding never hands a request to another thread and the
 * pools need no locks. A request that fails on a reused connection (the replica may have closed it
 * while idle) is sent once more on a fresh one before the replica counts as unreachable.
 *
 * <p>The per-try timeout is kept like Netty's {@code IdleStateHandler} keeps its own (and as
 * {@link ClientDeadlines} keeps the client's): one timer per connection, which re-arms itself for what is
 * left when it fires before the request's deadline, so a request costs a clock read instead of scheduling
 * and cancelling a task, and is written without a promise of its own.
 */
final class ReplicaConnections {

    /** What becomes of one request to one replica. */
    interface Reply {
        void answered(int status, String contentType, byte[] body);

        void unreachable(String why);
    }

    static final int CONNECT_TIMEOUT_MS = 250;
    private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    private static final AttributeKey<Line> LINE = AttributeKey.valueOf("ringlab.replica-line");

    private final EventLoop loop;
    /** The route's per-try timeout, read per request so that it can be set while the balancer runs. */
    private final LongSupplier tryTimeoutMs;
    private final Bootstrap bootstrap;
    private final Map<URI, ArrayDeque<Channel>> idle = new HashMap<>();

    ReplicaConnections(EventLoop loop, LongSupplier tryTimeoutMs) {
        this.loop = loop;
        this.tryTimeoutMs = tryTimeoutMs;
        this.bootstrap = new Bootstrap().group(loop).channel(Transport.socket())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE_BYTES),
                                new ReplyHandler());
                    }
                });
    }

    /** Sends {@code GET pathAndQuery} to the replica; call on this loop only. */
    void get(Replica replica, String pathAndQuery, Reply reply) {
        ArrayDeque<Channel> pool = idle.get(replica.address());
        Channel channel = null;
        while (pool != null && (channel = pool.pollFirst()) != null && !channel.isActive()) {
            channel = null;
        }
        if (channel != null) {
            send(channel.attr(LINE).get(), new Exchange(replica, pathAndQuery, reply, true));
        } else {
            connect(new Exchange(replica, pathAndQuery, reply, false));
        }
    }

    private void connect(Exchange exchange) {
        URI address = exchange.replica.address();
        ChannelFuture connecting = bootstrap.connect(address.getHost(), address.getPort());
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                Line line = new Line(connecting.channel(), address);
                connecting.channel().attr(LINE).set(line);
                send(line, exchange);
            } else {
                exchange.reply.unreachable(exchange.replica.server().name() + " refused the connection: "
                        + done.cause().getMessage());
            }
        });
    }

    private void send(Line line, Exchange exchange) {
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                exchange.pathAndQuery, Unpooled.EMPTY_BUFFER);
        request.headers().set(HttpHeaderNames.HOST, line.hostHeader);
        exchange.limitMs = tryTimeoutMs.getAsLong();
        exchange.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(exchange.limitMs);
        line.exchange = exchange;
        line.watch(exchange.deadline);
        // A failed write is fired down the pipeline (exceptionCaught closes the connection): no promise per request.
        line.channel.writeAndFlush(request, line.channel.voidPromise());
    }

    /** The connection broke or timed out with a request on it: retry once fresh, else report. */
    private void failed(Exchange exchange, String why) {
        if (exchange.reused && !exchange.timedOut) {
            connect(new Exchange(exchange.replica, exchange.pathAndQuery, exchange.reply, false));
        } else {
            exchange.reply.unreachable(exchange.replica.server().name() + " " + why);
        }
    }

    private final class ReplyHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Line line = ctx.channel().attr(LINE).get();
            Exchange exchange = line == null ? null : line.exchange;
            if (exchange == null) {
                ctx.close();
                return;
            }
            line.exchange = null;
            byte[] body = ByteBufUtil.getBytes(response.content());
            String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
            if (HttpUtil.isKeepAlive(response) && response.decoderResult().isSuccess()) {
                idle.computeIfAbsent(line.address, a -> new ArrayDeque<>()).addFirst(ctx.channel());
            } else {
                ctx.close();
            }
            exchange.reply.answered(response.status().code(), type, body);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Line line = ctx.channel().attr(LINE).get();
            if (line == null) {
                return;
            }
            line.unwatch();
            ArrayDeque<Channel> pool = idle.get(line.address);
            if (pool != null) {
                pool.remove(ctx.channel());
            }
            Exchange exchange = line.exchange;
            line.exchange = null;
            if (exchange != null) {
                failed(exchange, exchange.timedOut ? "did not answer within " + exchange.limitMs + " ms"
                        : "closed the connection without answering");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** One connection to a replica, its request in flight, and the timer that watches its deadline. */
    private final class Line {
        final Channel channel;
        final URI address;
        final String hostHeader;
        Exchange exchange;
        ScheduledFuture<?> timer;
        long timerAt;

        Line(Channel channel, URI address) {
            this.channel = channel;
            this.address = address;
            this.hostHeader = address.getHost() + ":" + address.getPort();
        }

        /** Makes sure the timer fires by {@code deadline}; mostly it already will (same timeout, earlier arm). */
        void watch(long deadline) {
            if (timer != null && timerAt - deadline <= 0) {
                return;
            }
            unwatch();
            arm(deadline - System.nanoTime());
        }

        void unwatch() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void arm(long delayNanos) {
            timerAt = System.nanoTime() + delayNanos;
            timer = loop.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
        }

        /** The timer fired: the request in flight is late, or sent after the one it was armed for. */
        private void check() {
            timer = null;
            Exchange current = exchange;
            if (current == null || !channel.isActive()) {
                return;
            }
            long left = current.deadline - System.nanoTime();
            if (left > 0) {
                arm(left);
            } else {
                current.timedOut = true;
                channel.close();
            }
        }
    }

    private static final class Exchange {
        final Replica replica;
        final String pathAndQuery;
        final Reply reply;
        final boolean reused;
        long limitMs;
        long deadline;
        boolean timedOut;

        Exchange(Replica replica, String pathAndQuery, Reply reply, boolean reused) {
            this.replica = replica;
            this.pathAndQuery = pathAndQuery;
            this.reply = reply;
            this.reused = reused;
        }
    }
}
