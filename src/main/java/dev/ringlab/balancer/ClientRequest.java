package dev.ringlab.balancer;

import dev.ringlab.balancer.BalancerMetrics.ErrorReason;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * What the balancer needs of one request, copied out so that Netty can release its buffers; or, when
 * the request cannot be served as it came, the refusal to answer in its place (in order, even when
 * pipelined).
 */
final class ClientRequest {

    static final String KEY_HEADER = "X-Request-Key";

    /** Why a request is answered with an error before it is routed; the connection closes after {@code close} ones. */
    record Refusal(int status, ErrorReason reason, String message, boolean close) {
    }

    final String method;
    final String path;
    final String query;
    final String pathAndQuery;
    final String requestKey;
    final String adminToken;
    final byte[] body;
    final boolean keepAlive;
    final Refusal refusal;

    ClientRequest(FullHttpRequest request) {
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
        Refusal refused = malformed(request.decoderResult());
        if (refused == null) {
            refused = badUrl(pathAndQuery);
        }
        if (refused == null) {
            refused = unsupportedExpectation(headers);
        }
        refusal = refused;
        keepAlive = HttpUtil.isKeepAlive(request) && (refused == null || !refused.close());
    }

    /** A request the pipeline refused before it was whole (a body over the limit): only the refusal is known. */
    ClientRequest(Refusal refusal) {
        method = "";
        path = "";
        query = null;
        pathAndQuery = "";
        requestKey = null;
        adminToken = null;
        body = new byte[0];
        keepAlive = false;
        this.refusal = refusal;
    }

    private static Refusal malformed(DecoderResult result) {
        if (result.isSuccess()) {
            return null;
        }
        if (result.cause() instanceof TooLongHttpLineException) {
            return new Refusal(414, ErrorReason.BAD_REQUEST, "the request line is longer than "
                    + BalancerEndpoint.MAX_REQUEST_LINE_BYTES + " bytes", true);
        }
        if (result.cause() instanceof TooLongHttpHeaderException) {
            return new Refusal(431, ErrorReason.BAD_REQUEST, "the request header is larger than "
                    + BalancerEndpoint.MAX_HEADER_BYTES + " bytes", true);
        }
        return new Refusal(400, ErrorReason.BAD_REQUEST, "malformed HTTP request", true);
    }

    /**
     * A URL the balancer will not route or forward: a control character (a raw NUL, a tab) or a
     * {@code %} that is not a percent escape. One pass over the characters, nothing allocated when the
     * URL is fine, so the routed path pays almost nothing for it.
     */
    static Refusal badUrl(String url) {
        int length = url.length();
        for (int i = 0; i < length; i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return new Refusal(400, ErrorReason.BAD_REQUEST, String.format(
                        "malformed URL: control character 0x%02x at position %d (percent-encode it)", (int) c, i + 1),
                        false);
            }
            if (c == '%' && (i + 2 >= length || !hex(url.charAt(i + 1)) || !hex(url.charAt(i + 2)))) {
                String escape = url.substring(i, Math.min(length, i + 3));
                return new Refusal(400, ErrorReason.BAD_REQUEST, "malformed URL: '" + escape + "' at position " + (i + 1)
                        + " is not a percent escape (write % as %25)", false);
            }
        }
        return null;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The aggregator answers {@code 100-continue} itself; any other expectation is one the balancer cannot meet. */
    private static Refusal unsupportedExpectation(HttpHeaders headers) {
        String expect = headers.get(HttpHeaderNames.EXPECT);
        if (expect == null || HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect)) {
            return null;
        }
        return new Refusal(417, ErrorReason.BAD_REQUEST, "unsupported expectation 'Expect: " + expect
                + "' (only 100-continue is)", true);
    }
}
