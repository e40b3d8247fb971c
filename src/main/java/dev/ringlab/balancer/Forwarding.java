package dev.ringlab.balancer;

import dev.ringlab.balancer.BalancerMetrics.ErrorReason;
import dev.ringlab.cluster.Replica;
import dev.ringlab.cluster.ReplicaClient;
import dev.ringlab.cluster.ReplicaReply;
import dev.ringlab.cluster.ReplicaUnreachableException;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * One routed request on its {@link RouteAttempt}: sent to the placement's choice, then its next
 * choices while a replica does not answer (the back half of Netty's proxy example is
 * {@link ReplicaConnections}), then answered on the client's connection.
 *
 * <p>What a replica answers passes through, with two exceptions. A 404 is the classic API's 400
 * {@code '/<path>' endpoint does not exist in server replicas}. An error (4xx, 5xx) that is not JSON
 * becomes the balancer's JSON error with the same status, as nginx does with
 * {@code proxy_intercept_errors on} and a JSON {@code error_page}: nginx, HAProxy and Envoy pass
 * upstream errors through by default, but RingLab promises JSON for every answer, and an HTML page
 * from a replica's HTTP server would break that promise.
 */
final class Forwarding extends RouteAttempt implements ReplicaConnections.Reply {

    private final ClientConnection client;
    private final ClientRequest request;
    private final ReplicaClient inMemory;
    private final long begin = System.nanoTime();

    Forwarding(FailoverRoute route, long key, ClientConnection client, ClientRequest request, ReplicaClient inMemory) {
        super(route, key);
        this.client = client;
        this.request = request;
        this.inMemory = inMemory;
    }

    void start() {
        Replica replica = first(-1);
        if (replica == null) {
            noneAnswered();
        } else {
            send(replica);
        }
    }

    private void send(Replica replica) {
        if (replica.address() == null) {
            answerInMemory(replica);
        } else {
            client.replicas().get(replica, request.pathAndQuery, this);
        }
    }

    /** A simulated replica has no address: its backend answers at once, in memory, without blocking. */
    private void answerInMemory(Replica replica) {
        ReplicaReply reply;
        try {
            reply = inMemory.get(replica, request.pathAndQuery);
        } catch (ReplicaUnreachableException down) {
            unreachable(down.getMessage());
            return;
        }
        answered(reply.status(), reply.contentType(), reply.body());
    }

    @Override
    public void unreachable(String why) {
        judge(false);
        Replica next = next();
        if (next == null) {
            noneAnswered();
        } else {
            send(next);
        }
    }

    @Override
    public void answered(int status, String contentType, byte[] body) {
        judge(status < 500);
        answered(System.nanoTime() - begin);
        if (status == 404) {
            client.refuse(request, 400, ErrorReason.NOT_FOUND, "'" + request.path
                    + "' endpoint does not exist in server replicas");
        } else if (status >= 400 && !isJson(contentType)) {
            client.refuse(request, status, ErrorReason.REPLICA_ERROR, server().name() + " answered " + status + " "
                    + HttpResponseStatus.valueOf(status).reasonPhrase() + " without a JSON body");
        } else {
            client.answer(request, status, contentType, body, attempts());
        }
    }

    private void noneAnswered() {
        failed(System.nanoTime() - begin);
        if (table.isEmpty()) {
            client.refuse(request, 503, ErrorReason.NO_SERVERS, "no server is on the ring");
        } else {
            client.refuse(request, 502, ErrorReason.UNREACHABLE, "no replica answered (" + attempts()
                    + " tried clockwise)");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim();
        return type.equalsIgnoreCase("application/json") || type.regionMatches(true, type.length() - 5, "+json", 0, 5);
    }
}
