package dev.ringlab.cluster;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * What may join a cluster, checked before anything starts, and the servers that will: how many, their
 * weights against the ring's room (every unit of weight takes V slots), their hostnames. The messages
 * are the classic API's 400s, which outside suites read. It changes nothing: the cluster asks it under
 * its lock, with the servers it knows (starting ones included) and its id counter.
 */
final class Admission {

    private Admission() {
    }

    /**
     * The servers to start for {@code n} new ones: the hostnames given first, then generated names
     * ({@code Server 7}) that are not taken, each with its weight (1 beyond the weights given), ids from
     * {@code ids}.
     *
     * @throws ClusterException when the request cannot be met
     */
    static List<Server> plan(int n, List<String> hostnames, List<Integer> weights, boolean checkHostnames,
                             RingConfig config, Collection<Server> known, IntSupplier ids) {
        // With every weight 1 this is maxServers() - members.size(), the classic count.
        int room = roomInWeight(config, known);
        if (n < 1) {
            throw new ClusterException("n must be at least 1, got " + n);
        }
        if (weights.size() > n) {
            throw new ClusterException("there are " + weights.size() + " weights for " + n
                    + " new servers: at most one weight per server");
        }
        for (int weight : weights) {
            if (weight < 1) {
                throw new ClusterException("a weight must be a whole number of at least 1, got " + weight);
            }
        }
        checkWeightRoom(n, weights, room, config);
        if (n > room) {
            throw new ClusterException("cannot add " + n + " servers: the ring has room for " + room
                    + " more (" + config.slots() + " slots, " + config.virtualNodesPerServer()
                    + " virtual nodes each)");
        }
        if (hostnames.size() > n) {
            throw new ClusterException("Length of hostname list is more than newly added instances");
        }
        Set<String> taken = new HashSet<>();
        known.forEach(server -> taken.add(server.name()));
        for (String name : hostnames) {
            if (checkHostnames) {
                checkHostname(name);
            }
            if (!taken.add(name)) {
                throw new ClusterException("hostname '" + name + "' is already in use");
            }
        }
        List<Server> planned = new ArrayList<>();
        Set<Integer> usedIds = new HashSet<>();
        known.forEach(server -> usedIds.add(server.id()));
        for (String name : hostnames) {
            int id = readmitted(name, checkHostnames, usedIds);
            while (id < 0 || usedIds.contains(id)) {
                id = ids.getAsInt();
            }
            usedIds.add(id);
            planned.add(new Server(id, name, weightOf(weights, planned.size())));
        }
        while (planned.size() < n) {
            int id = ids.getAsInt();
            String name = Server.defaultName(id);
            if (taken.add(name)) {
                planned.add(new Server(id, name, weightOf(weights, planned.size())));
            }
        }
        return planned;
    }

    /**
     * The id a server brought back under a generated name had in a fresh lab ({@code Server 2} is id 2)
     * when no one holds it, so a lesson shaped to Server 1..N places its nodes as {@code scenario run} does
     * (the assignment hash places by id); -1 for any other name, which takes the counter's next id.
     */
    private static int readmitted(String name, boolean checkHostnames, Set<Integer> usedIds) {
        String prefix = Server.defaultName(0).replace("0", "");
        if (checkHostnames || !name.startsWith(prefix) || !name.substring(prefix.length()).matches("[1-9][0-9]{0,8}")) {
            return -1;
        }
        int id = Integer.parseInt(name.substring(prefix.length()));
        return usedIds.contains(id) ? -1 : id;
    }

    private static int weightOf(List<Integer> weights, int index) {
        return index < weights.size() ? weights.get(index) : Server.DEFAULT_WEIGHT;
    }

    /**
     * Refuses weights the ring has no room for: every unit of weight takes V slots, counted over the
     * servers known now (starting ones included) and the ones asked for. Equal weights of 1 leave it
     * to the classic count of servers, whose message outside suites know.
     */
    private static void checkWeightRoom(int n, List<Integer> weights, int roomInWeight, RingConfig config) {
        if (weights.stream().allMatch(weight -> weight == Server.DEFAULT_WEIGHT)) {
            return;
        }
        long asked = n - weights.size() + weights.stream().mapToLong(Integer::longValue).sum();
        if (asked > roomInWeight) {
            throw new ClusterException("weights " + weights + " for " + n + " new servers total " + asked
                    + ": the ring has room for a total weight of " + Math.max(0, roomInWeight) + " more ("
                    + config.slots() + " slots, " + config.virtualNodesPerServer()
                    + " virtual nodes per unit of weight)");
        }
    }

    /** How many more units of weight fit: V free slots each, counting the servers starting now. */
    private static int roomInWeight(RingConfig config, Collection<Server> known) {
        long taken = known.stream().mapToLong(Server::weight).sum() * config.virtualNodesPerServer();
        return (int) Math.floorDiv(config.slots() - taken, (long) config.virtualNodesPerServer());
    }

    private static void checkHostname(String name) {
        if (name == null || !Cluster.HOSTNAME.matcher(name).matches()) {
            throw new ClusterException("invalid hostname '" + name
                    + "': use 1 to 63 letters, digits, '-', '_' or '.', starting with a letter or digit");
        }
    }
}
