package dev.ringlab.balancer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The paths the balancer answers itself, each with the methods it takes, and the route every other
 * path takes (forwarded to a replica), as data in the way Helidon's routing declares them: the
 * {@code Allow} header of a 405 and its message are derived from the table, never written twice.
 */
final class RouteTable {

    /** What answers a request; it must answer it exactly once, now or later on the connection's loop. */
    @FunctionalInterface
    interface Action {
        void run(ClientConnection client, ClientRequest request);
    }

    /** One method of a path; {@code admin}: it changes the cluster, so it needs the admin token when one is set. */
    record Method(String name, boolean admin, Action action) {
    }

    /**
     * A path and its methods; {@code allow} is the {@code Allow} header of its 405s, {@code hint} what
     * the 405 message suggests.
     */
    record Route(String path, List<Method> methods, String allow, String hint) {

        static Route of(String path, String hint, Method... methods) {
            List<Method> all = List.of(methods);
            String allow = all.stream().map(Method::name).collect(Collectors.joining(", "));
            return new Route(path, all, allow, hint != null ? hint
                    : "use " + all.stream().map(Method::name).collect(Collectors.joining(" or ")));
        }

        /** The method named {@code name}, or null when this path does not take it. */
        Method method(String name) {
            for (Method method : methods) {
                if (method.name().equals(name)) {
                    return method;
                }
            }
            return null;
        }
    }

    private final Map<String, Route> byPath = new HashMap<>();
    private final Route otherwise;

    /** @param otherwise the route of every path not in {@code routes}: the replicas' paths */
    RouteTable(Route otherwise, Route... routes) {
        this.otherwise = otherwise;
        for (Route route : routes) {
            if (byPath.put(route.path(), route) != null) {
                throw new IllegalArgumentException("path " + route.path() + " is declared twice");
            }
        }
    }

    Route find(String path) {
        Route route = byPath.get(path);
        return route != null ? route : otherwise;
    }

    static Method get(Action action) {
        return new Method("GET", false, action);
    }

    static Method admin(String method, Action action) {
        return new Method(method, true, action);
    }
}
