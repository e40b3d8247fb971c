package dev.ringlab.balancer;

import dev.ringlab.balancer.BalancerMetrics.ErrorReason;
import dev.ringlab.balancer.JsonAnswer.AlgorithmChoice;
import dev.ringlab.balancer.JsonAnswer.Membership;
import dev.ringlab.balancer.JsonAnswer.WeightedMembership;
import dev.ringlab.balancer.RouteTable.Method;
import dev.ringlab.balancer.RouteTable.Route;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterException;
import dev.ringlab.cluster.Replica;
import dev.ringlab.ring.RequestKey;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The classic API and its additions, as one {@link RouteTable}: {@code GET /rep} (and {@code GET /weights},
 * the same listing with each server's weight, and {@code GET /replicas}, where each one runs), {@code POST /add}, {@code DELETE /rm}, {@code POST /fault},
 * {@code GET /metrics}, {@code GET}/{@code POST /algorithm}, and every other
 * {@code GET} forwarded along the {@link FailoverRoute}. Changes of the cluster block (they start and
 * stop replicas), so they run on the admin thread and are answered back on the connection's loop.
 */
final class ClassicApi {

    private final Cluster cluster;
    private final FailoverRoute route;
    private final byte[] adminToken;
    private final ExecutorService admin;
    private final RouteTable routes;

    ClassicApi(Cluster cluster, FailoverRoute route, String adminToken, ExecutorService admin) {
        this.cluster = cluster;
        this.route = route;
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.admin = admin;
        this.routes = new RouteTable(Route.of("/*", "routed paths take GET", RouteTable.get(this::forward)),
                Route.of("/rep", null, RouteTable.get((client, request) -> client.answer(request, 200,
                        ClientConnection.JSON, membership()))),
                Route.of("/weights", null, RouteTable.get((client, request) -> client.answer(request, 200,
                        ClientConnection.JSON, weights()))),
                Route.of("/replicas", null, RouteTable.get((client, request) -> client.answer(request, 200,
                        ClientConnection.JSON, replicas()))),
                Route.of("/metrics", null, RouteTable.get(this::metrics)),
                Route.of("/algorithm", null,
                        RouteTable.get((client, request) -> client.answer(request, 200, ClientConnection.JSON,
                                algorithmChoice())),
                        RouteTable.admin("POST", this::switchAlgorithm)),
                Route.of("/add", null, RouteTable.admin("POST", (client, request) -> changeMembership(client, request,
                        scale -> cluster.add(scale.n(), scale.hostnames(), scale.weights())))),
                Route.of("/rm", null, RouteTable.admin("DELETE", (client, request) -> changeMembership(client, request,
                        scale -> cluster.remove(scale.n(), scale.hostnamesToRemove())))),
                Route.of("/fault", null, RouteTable.admin("POST", this::injectFault)));
    }

    /** Answers {@code request} (now, or later on the connection's loop), whatever it is. */
    void handle(ClientConnection client, ClientRequest request) {
        if (request.refusal != null) {
            client.refuse(request, request.refusal.status(), request.refusal.reason(), request.refusal.message());
            return;
        }
        Route found = routes.find(request.path);
        Method method = found.method(request.method);
        if (method == null) {
            client.notAllowed(request, found.allow(), "method " + request.method + " is not allowed on "
                    + request.path + " (" + found.hint() + ")");
        } else if (method.admin() && !authorised(request)) {
            client.unauthorised(request, request.path
                    + " needs the admin token (header 'Authorization: Bearer <token>')");
        } else {
            method.action().run(client, request);
        }
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

    /**
     * One parameter of a raw query, decoded by Netty's {@link QueryStringDecoder}. Only the one value is
     * decoded (the decoder's whole parameter map would cost the routed path a map and lists per
     * request); the URL's escapes were checked before ({@link ClientRequest#badUrl}).
     */
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
                return QueryStringDecoder.decodeComponent(rawQuery.substring(from + name.length() + 1, end),
                        StandardCharsets.UTF_8);
            }
            from = end + 1;
        }
        return null;
    }

    private void forward(ClientConnection client, ClientRequest request) {
        new Forwarding(route, requestKey(request.query, request.requestKey), client, request,
                cluster.backend().client()).start();
    }

    private void metrics(ClientConnection client, ClientRequest request) {
        ByteArrayOutputStream text = new ByteArrayOutputStream(4096);
        try {
            route.metrics().writeTo(text);
        } catch (IOException impossible) { // a byte array does not fail
            throw new IllegalStateException(impossible);
        }
        client.answer(request, 200, BalancerMetrics.CONTENT_TYPE, text.toByteArray());
    }

    private byte[] membership() {
        List<String> names = cluster.ring().servers().stream().map(Server::name).toList();
        return JsonAnswer.success(new Membership(names.size(), names));
    }

    /** {@code /rep} with each server's weight beside it, so {@code /rep} itself stays the classic answer. */
    /** Where each server on the ring runs: its address, its node (Swarm), its backend id and weight; {@code /rep} stays classic. */
    private byte[] replicas() {
        List<Server> servers = cluster.ring().servers();
        List<JsonAnswer.ReplicaPlace> places = servers.stream().map(server -> {
            Replica replica = cluster.replicaOf(server);
            return replica == null
                    ? new JsonAnswer.ReplicaPlace(server.name(), null, null, null, server.weight())
                    : new JsonAnswer.ReplicaPlace(server.name(), replica.addressText(), replica.node(), replica.backendId(),
                            server.weight());
        }).toList();
        return JsonAnswer.success(new JsonAnswer.Placed(servers.size(), places));
    }

    private byte[] weights() {
        List<Server> servers = cluster.ring().servers();
        return JsonAnswer.success(new WeightedMembership(servers.size(), servers.stream().map(Server::name).toList(),
                servers.stream().map(Server::weight).toList()));
    }

    private byte[] algorithmChoice() {
        return JsonAnswer.success(new AlgorithmChoice(route.placement().algorithm().label(),
                Arrays.stream(Algorithm.values()).map(Algorithm::label).toList()));
    }

    private void changeMembership(ClientConnection client, ClientRequest request, Consumer<ScaleRequest> change) {
        offLoop(client, request, () -> {
            change.accept(ScaleRequest.parse(request.body));
            return membership();
        });
    }

    /** Freezing a process or pausing a container blocks for milliseconds: off the loop, answered with the server's state. */
    private void injectFault(ClientConnection client, ClientRequest request) {
        offLoop(client, request, () -> {
            FaultRequest ask = FaultRequest.parse(request.body);
            ask.applyTo(cluster);
            return faultState(ask.hostname());
        });
    }

    private byte[] faultState(String hostname) {
        boolean frozen = cluster.member(hostname).map(m -> cluster.isFrozen(m.server())).orElse(false);
        return JsonAnswer.success(new JsonAnswer.FaultState(hostname, frozen, cluster.faultOf(hostname)));
    }

    /** Building a placement may take milliseconds (Maglev's table): off the event loop too. */
    private void switchAlgorithm(ClientConnection client, ClientRequest request) {
        offLoop(client, request, () -> {
            route.placement().use(AlgorithmRequest.parse(request.body).algorithm());
            return algorithmChoice();
        });
    }

    /** Runs {@code work} on the admin thread and answers its JSON, or its refusal, back on the connection's loop. */
    private void offLoop(ClientConnection client, ClientRequest request, Supplier<byte[]> work) {
        admin.execute(() -> {
            int status;
            byte[] body;
            ErrorReason reason = null;
            try {
                body = work.get();
                status = 200;
            } catch (BadRequestException | ClusterException refused) {
                reason = ErrorReason.BAD_REQUEST;
                status = refused.getCause() != null ? 500 : 400;
                body = JsonAnswer.failure(refused.getMessage());
            } catch (RuntimeException failure) {
                status = 500;
                body = JsonAnswer.failure(String.valueOf(failure.getMessage()));
            }
            if (reason != null) {
                route.metrics().recordError(reason);
            }
            int finalStatus = status;
            byte[] finalBody = body;
            client.onLoop(() -> client.answer(request, finalStatus, ClientConnection.JSON, finalBody));
        });
    }

    private boolean authorised(ClientRequest request) {
        if (adminToken == null) {
            return true;
        }
        String given = request.adminToken;
        return given != null && MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8));
    }
}
