package dev.ringlab.balancer;

import dev.ringlab.balancer.BalancerMetrics.ErrorReason;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * The front half of the balancer, one per client connection (as the front handler of Netty's proxy
 * example): it takes whole requests, answers them in order one at a time even when pipelined, and
 * writes every answer. Answers may come later from another path (a replica, the admin thread); they
 * are always written on this connection's event loop.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {

    static final String JSON = "application/json";
    /** On an answer that needed more than one server: how many were tried. */
    static final String ATTEMPTS_HEADER = "X-RingLab-Attempts";

    private final ClassicApi api;
    private final ClientDeadlines deadlines;
    private final BalancerMetrics metrics;
    private final Function<ChannelHandlerContext, ReplicaConnections> connectionsOfLoop;
    private final ArrayDeque<ClientRequest> waiting = new ArrayDeque<>();
    private boolean busy;
    private ChannelHandlerContext ctx;
    private ReplicaConnections replicas;

    ClientConnection(ClassicApi api, ClientDeadlines deadlines, BalancerMetrics metrics,
                     Function<ChannelHandlerContext, ReplicaConnections> connectionsOfLoop) {
        this.api = api;
        this.deadlines = deadlines;
        this.metrics = metrics;
        this.connectionsOfLoop = connectionsOfLoop;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.replicas = connectionsOfLoop.apply(context);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ClientRequest request;
        if (msg instanceof FullHttpRequest full) {
            try {
                request = new ClientRequest(full);
            } finally {
                full.release();
            }
        } else if (msg instanceof ClientRequest refused) {
            request = refused;
        } else {
            ReferenceCountUtil.release(msg);
            return;
        }
        waiting.add(request);
        if (!busy) {
            next();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }

    /** The replica connections of this connection's event loop: forwarding never leaves the loop. */
    ReplicaConnections replicas() {
        return replicas;
    }

    /** Runs {@code task} on this connection's event loop. */
    void onLoop(Runnable task) {
        ctx.executor().execute(task);
    }

    private void next() {
        ClientRequest request = waiting.poll();
        busy = request != null;
        deadlines.busy(busy);
        if (request != null) {
            try {
                api.handle(this, request);
            } catch (RuntimeException bug) {
                refuse(request, 500, ErrorReason.BAD_REQUEST, "the balancer failed: " + bug);
            }
        }
    }

    void refuse(ClientRequest request, int status, ErrorReason reason, String message) {
        metrics.recordError(reason);
        answer(request, status, JSON, JsonAnswer.failure(message));
    }

    void notAllowed(ClientRequest request, String allow, String message) {
        metrics.recordError(ErrorReason.BAD_REQUEST);
        FullHttpResponse response = response(405, JSON, JsonAnswer.failure(message));
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        send(request, response);
    }

    void unauthorised(ClientRequest request, String message) {
        metrics.recordError(ErrorReason.UNAUTHORIZED);
        FullHttpResponse response = response(401, JSON, JsonAnswer.failure(message));
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        send(request, response);
    }

    void answer(ClientRequest request, int status, String contentType, byte[] body) {
        send(request, response(status, contentType, body));
    }

    /** A replica's answer: one that needed more than one server says so in {@value #ATTEMPTS_HEADER}. */
    void answer(ClientRequest request, int status, String contentType, byte[] body, int attempts) {
        FullHttpResponse response = response(status, contentType, body);
        if (attempts > 1) {
            response.headers().setInt(ATTEMPTS_HEADER, attempts);
        }
        send(request, response);
    }

    static FullHttpResponse response(int status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        if (contentType != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    /** Writes the answer, then takes the next pipelined request (or closes when the client asked to, or must). */
    private void send(ClientRequest request, FullHttpResponse response) {
        if (!request.keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(response);
        next();
    }
}
