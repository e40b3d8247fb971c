package dev.ringlab.balancer;

import dev.ringlab.balancer.BalancerMetrics.ErrorReason;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@link ClientTimeouts} of one client connection. It knows what the connection waits for: the
 * header of a request (from its first byte), the rest of a body (since the last read), the next request
 * (since the last answer), or nothing while the balancer itself is answering. A client late with a
 * header or a body gets a JSON 408 and the connection closes; an idle connection, or a new one that
 * never sent a byte, closes silently, as nginx and HAProxy do.
 *
 * <p>Like Netty's {@code IdleStateHandler}, one timer per connection re-arms itself when it fires before
 * the deadline, at most the shortest timeout ahead, so a request costs two clock reads and never
 * schedules a task. {@link #bytes()} sits before the HTTP codec and sees every read,
 * {@link #messages()} after it and sees where a request's header and body end.
 */
final class ClientDeadlines {

    private enum Waiting { NOTHING, HEADER, BODY }

    private final long headerNanos;
    private final long bodyNanos;
    private final long idleNanos;
    private final long checkNanos;
    private final ClientTimeouts timeouts;
    private final BalancerMetrics metrics;
    private ChannelHandlerContext ctx;
    private Waiting waiting = Waiting.NOTHING;
    private boolean busy;
    private boolean served;
    private long lastRead;
    private long headerSince;
    private long idleSince;
    private ScheduledFuture<?> timer;

    ClientDeadlines(ClientTimeouts timeouts, BalancerMetrics metrics) {
        this.timeouts = timeouts;
        this.metrics = metrics;
        this.headerNanos = timeouts.header().toNanos();
        this.bodyNanos = timeouts.body().toNanos();
        this.idleNanos = timeouts.idle().toNanos();
        this.checkNanos = timeouts.shortest().toNanos();
    }

    /** First in the pipeline: every read of raw bytes. */
    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext context) {
                ctx = context;
                idleSince = System.nanoTime();
                arm(checkNanos);
                context.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext context, Object msg) {
                lastRead = System.nanoTime();
                if (waiting == Waiting.NOTHING) {
                    waiting = Waiting.HEADER;
                    headerSince = lastRead;
                }
                context.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext context) {
                if (timer != null) {
                    timer.cancel(false);
                    timer = null;
                }
                context.fireChannelInactive();
            }
        };
    }

    /** After the HTTP codec: a request's header is in, then its last content. */
    ChannelHandler messages() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext context, Object msg) {
                if (msg instanceof HttpRequest) {
                    waiting = Waiting.BODY;
                }
                if (msg instanceof LastHttpContent) {
                    waiting = Waiting.NOTHING;
                    served = true;
                }
                context.fireChannelRead(msg);
            }
        };
    }

    /** The balancer is answering a request of this connection (true), or has answered all it read (false). */
    void busy(boolean answering) {
        if (busy && !answering) {
            idleSince = System.nanoTime();
        }
        busy = answering;
    }

    private void arm(long delayNanos) {
        timer = ctx.executor().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (busy) {
            arm(checkNanos);
            return;
        }
        long deadline = switch (waiting) {
            case NOTHING -> idleSince + (served ? idleNanos : headerNanos);
            case HEADER -> Math.max(headerSince, idleSince) + headerNanos;
            case BODY -> Math.max(lastRead, idleSince) + bodyNanos;
        };
        if (now - deadline < 0) {
            arm(Math.min(deadline - now, checkNanos));
            return;
        }
        switch (waiting) {
            case NOTHING -> ctx.channel().close();
            case HEADER -> late("the request header did not arrive within " + ClientTimeouts.text(timeouts.header()));
            case BODY -> late("the request body paused for more than " + ClientTimeouts.text(timeouts.body()));
        }
    }

    private void late(String message) {
        metrics.recordError(ErrorReason.TIMEOUT);
        FullHttpResponse response = ClientConnection.response(408, ClientConnection.JSON, JsonAnswer.failure(message));
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
