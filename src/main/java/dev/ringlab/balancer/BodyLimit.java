package dev.ringlab.balancer;

import dev.ringlab.balancer.BalancerMetrics.ErrorReason;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Netty's aggregator with the balancer's answers: a body over the limit is refused with a JSON 413
 * in its place among pipelined requests, and a client that announced a too large body with
 * {@code Expect: 100-continue} gets that 413 without a {@code 100 Continue} first (Netty would write
 * an empty 413, or a 417 for an unknown expectation, straight to the socket).
 */
final class BodyLimit extends HttpObjectAggregator {

    BodyLimit(int maxBytes) {
        super(maxBytes);
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        String expect = start.headers().get(HttpHeaderNames.EXPECT);
        if (expect == null) {
            return null;
        }
        if (!HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect)) {
            return null; // the request goes on and ClientRequest answers it 417, in order
        }
        if (HttpUtil.getContentLength(start, -1L) > maxContentLength) {
            start.headers().remove(HttpHeaderNames.EXPECT);
            return null; // no 100 Continue: the aggregator finds the length too large and calls handleOversizedMessage
        }
        return super.newContinueResponse(start, maxContentLength, pipeline);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.fireChannelRead(new ClientRequest(new ClientRequest.Refusal(413, ErrorReason.TOO_LARGE,
                "request body is larger than " + maxContentLength() + " bytes", true)));
    }
}
