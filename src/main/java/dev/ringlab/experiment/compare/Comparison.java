package dev.ringlab.experiment.compare;

import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.BoundedLoadPlacement;
import dev.ringlab.ring.algorithm.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs every algorithm over the same seeded key stream and the same membership changes: N servers,
 * then an (N+1)th joins, then (from N again) each server in turn leaves (20 of them, evenly spread,
 * when there are more). Bounded loads places the
 * keys one after another as requests that never finish, so its loads are the ones it admits with
 * every key in flight.
 */
public final class Comparison {

    private static final int TIMING_PASSES = 5;
    static final int MAX_LEAVERS = 20;

    private final CompareSettings settings;

    public Comparison(CompareSettings settings) {
        this.settings = settings;
    }

    /** The stream every contender sees: {@code keys} random 64-bit keys from {@code seed}. */
    public static long[] keyStream(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = random.nextLong();
        }
        return keys;
    }

    public static List<Server> servers(int count) {
        List<Server> servers = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            servers.add(new Server(id, "Server " + id));
        }
        return servers;
    }

    /** The placements to compare: one ring per virtual-node count, bounded loads over the ring with the fewest. */
    public List<Placement> contenders() {
        List<Server> servers = servers(settings.servers());
        List<Placement> contenders = new ArrayList<>();
        int fewest = settings.virtualNodes().get(0);
        for (Algorithm algorithm : settings.algorithms()) {
            if (algorithm == Algorithm.RING) {
                for (int v : settings.virtualNodes()) {
                    contenders.add(algorithm.of(settings.placementSettings(v), servers));
                }
            } else {
                contenders.add(algorithm.of(settings.placementSettings(fewest), servers));
            }
        }
        return contenders;
    }

    public List<ContenderResult> run() {
        return run(result -> { });
    }

    /** Measures each contender in turn and hands each result on as soon as it is ready. */
    public List<ContenderResult> run(Consumer<ContenderResult> progress) {
        long[] keys = keyStream(settings.keys(), settings.seed());
        List<Placement> contenders = contenders();
        // Warm every route path up first, so the contender measured first is not the one paying for the JIT.
        for (Placement placement : contenders) {
            nsPerLookup(placement, keys);
        }
        List<ContenderResult> results = new ArrayList<>();
        for (Placement placement : contenders) {
            ContenderResult result = measure(placement, keys);
            progress.accept(result);
            results.add(result);
        }
        return List.copyOf(results);
    }

    private ContenderResult measure(Placement placement, long[] keys) {
        List<Server> servers = placement.servers();
        Server[] before = assign(placement, keys);
        List<Integer> loads = loads(servers, before);
        int n = servers.size();
        double mean = (double) keys.length / n;
        int max = loads.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = loads.stream().mapToInt(Integer::intValue).min().orElseThrow();
        double variance = loads.stream().mapToDouble(load -> (load - mean) * (load - mean)).sum() / n;

        Server joining = new Server(n + 1, "Server " + (n + 1));
        double movedOnAdd = moved(before, assign(placement.withServer(joining), keys));

        double removedSum = 0;
        double removedMax = 0;
        double needlessSum = 0;
        List<Server> leavers = leavers(servers);
        for (Server leaving : leavers) {
            Server[] after = assign(placement.withoutServer(leaving), keys);
            double share = moved(before, after);
            removedSum += share;
            removedMax = Math.max(removedMax, share);
            needlessSum += needless(before, after, leaving);
        }
        return new ContenderResult(placement.label(), placement.algorithm(), n, keys.length, loads,
                max / mean, min / mean, Math.sqrt(variance), movedOnAdd, removedSum / leavers.size(), removedMax,
                needlessSum / leavers.size(), nsPerLookup(placement, keys), placement.memoryBytes());
    }

    /**
     * Who leaves in turn: every server up to {@value #MAX_LEAVERS}, else that many spread evenly from
     * the first to the last joined (jump's cheapest and costliest cases are both in).
     */
    static List<Server> leavers(List<Server> servers) {
        if (servers.size() <= MAX_LEAVERS) {
            return servers;
        }
        List<Server> chosen = new ArrayList<>(MAX_LEAVERS);
        for (int i = 0; i < MAX_LEAVERS; i++) {
            chosen.add(servers.get((int) Math.round(i * (servers.size() - 1) / (double) (MAX_LEAVERS - 1))));
        }
        return chosen;
    }

    /** Where each key goes; bounded loads starts from no load each time, so runs are comparable. */
    private static Server[] assign(Placement placement, long[] keys) {
        Placement fresh = placement instanceof BoundedLoadPlacement bounded
                ? BoundedLoadPlacement.over(bounded.snapshot(), bounded.loadFactor())
                : placement;
        Server[] assigned = new Server[keys.length];
        for (int i = 0; i < keys.length; i++) {
            assigned[i] = fresh.acquire(keys[i]);
        }
        return assigned;
    }

    private static List<Integer> loads(List<Server> servers, Server[] assigned) {
        java.util.Map<Server, Integer> counts = new java.util.HashMap<>();
        for (Server server : assigned) {
            counts.merge(server, 1, Integer::sum);
        }
        return servers.stream().map(server -> counts.getOrDefault(server, 0)).toList();
    }

    private static double moved(Server[] before, Server[] after) {
        int moved = 0;
        for (int i = 0; i < before.length; i++) {
            if (!before[i].equals(after[i])) {
                moved++;
            }
        }
        return (double) moved / before.length;
    }

    private static double needless(Server[] before, Server[] after, Server leaving) {
        int moved = 0;
        for (int i = 0; i < before.length; i++) {
            if (!before[i].equals(after[i]) && !before[i].equals(leaving)) {
                moved++;
            }
        }
        return (double) moved / before.length;
    }

    /** Best of a few timed passes over the stream: rough, but the same yardstick for everyone. */
    private static double nsPerLookup(Placement placement, long[] keys) {
        int sample = Math.min(keys.length, 200_000);
        long best = Long.MAX_VALUE;
        int sink = 0;
        for (int pass = 0; pass < TIMING_PASSES; pass++) {
            long start = System.nanoTime();
            for (int i = 0; i < sample; i++) {
                sink += placement.route(keys[i]).id();
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        if (sink == 42) {
            // keeps the JIT from dropping the loop; never true in practice, harmless if it is
            Thread.onSpinWait();
        }
        return (double) best / sample;
    }
}
