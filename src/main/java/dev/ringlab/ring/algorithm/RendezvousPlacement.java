package dev.ringlab.ring.algorithm;

import dev.ringlab.ring.EmptyRingException;
import dev.ringlab.ring.Server;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rendezvous or highest-random-weight hashing (Thaler and Ravishankar, 1996/1998): every server
 * scores the key with a hash of (key, server) and the highest score wins. Removing a server moves
 * exactly its own keys (every other key's winner is still there) and a new server takes only the
 * keys it now wins; balance is that of N independent random draws.
 *
 * <p>Trades: no table and nothing to rebuild, and a natural fallback order (the scores, sorted),
 * but a lookup hashes the key once per server: O(N) per request, which a ring avoids.
 *
 * <p>Weights use the logarithmic method (Schindelhauer and Schomaker, "Weighted distributed hash
 * tables", 2005; Resch, "New Hashing Algorithms for Data Storage"): with the hash read as h uniform in
 * (0, 1), a server scores {@code -w / ln(h)}, and a server of weight w wins a share w / (sum of w) of
 * the keys, still moving only its own keys when it leaves. When every weight is equal the raw hash
 * decides, as it always did, so unweighted routing is unchanged to the key.
 */
public final class RendezvousPlacement implements Placement {

    private static final long SEED_SALT = 0x52656e64657a766fL;

    private final List<Server> servers;
    private final Server[] candidates;
    private final long[] seeds;
    /** Whether every server has the same weight: then the raw hashes compare, no logarithm needed. */
    private final boolean equalWeights;

    private RendezvousPlacement(List<Server> servers) {
        this.servers = servers;
        this.candidates = servers.toArray(new Server[0]);
        this.seeds = new long[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            seeds[i] = seedOf(candidates[i]);
        }
        this.equalWeights = servers.stream().mapToInt(Server::weight).distinct().count() <= 1;
    }

    public static RendezvousPlacement empty() {
        return new RendezvousPlacement(List.of());
    }

    /** The server's weight for {@code key}: the highest one wins. Depends only on the key and the server's name. */
    public static long score(long key, Server server) {
        return KeyMix.of(KeyMix.of(key), seedOf(server));
    }

    /**
     * The weighted score {@code -w / ln(h)}, h the hash mapped into (0, 1) in the order of the signed
     * hash, so that among equal weights it ranks servers as {@link #score} does.
     */
    public static double weightedScore(long key, Server server) {
        return weighted(score(key, server), server.weight());
    }

    private static double weighted(long hash, int weight) {
        // Signed order to unsigned (flip the sign bit), the top 53 bits, centred: h is never 0 nor 1.
        double h = (((hash ^ Long.MIN_VALUE) >>> 11) + 0.5) * 0x1.0p-53;
        return -weight / Math.log(h);
    }

    private static long seedOf(Server server) {
        return KeyMix.ofName(server.name(), SEED_SALT);
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.RENDEZVOUS;
    }

    @Override
    public String label() {
        return "rendezvous";
    }

    @Override
    public List<Server> servers() {
        return servers;
    }

    @Override
    public Server route(long key) {
        if (candidates.length == 0) {
            throw new EmptyRingException();
        }
        long mixed = KeyMix.of(key);
        if (!equalWeights) {
            return candidates[bestWeighted(mixed)];
        }
        int best = 0;
        long bestScore = KeyMix.of(mixed, seeds[0]);
        for (int i = 1; i < candidates.length; i++) {
            long score = KeyMix.of(mixed, seeds[i]);
            // Ties (1 in 2^64) go to the smaller name, so the winner never depends on join order.
            if (score > bestScore || score == bestScore && candidates[i].name().compareTo(candidates[best].name()) < 0) {
                best = i;
                bestScore = score;
            }
        }
        return candidates[best];
    }

    private int bestWeighted(long mixed) {
        int best = 0;
        double bestScore = weighted(KeyMix.of(mixed, seeds[0]), candidates[0].weight());
        for (int i = 1; i < candidates.length; i++) {
            double score = weighted(KeyMix.of(mixed, seeds[i]), candidates[i].weight());
            if (score > bestScore || score == bestScore && candidates[i].name().compareTo(candidates[best].name()) < 0) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /** Every server, by falling score: where the key goes as the best ones leave. */
    @Override
    public List<Server> preferenceOrder(long key) {
        List<Server> order = new ArrayList<>(servers);
        Comparator<Server> byScore = equalWeights
                ? Comparator.comparingLong((Server server) -> score(key, server))
                : Comparator.comparingDouble((Server server) -> weightedScore(key, server));
        order.sort(byScore.reversed().thenComparing(Server::name));
        return List.copyOf(order);
    }

    @Override
    public RendezvousPlacement withServer(Server server) {
        return new RendezvousPlacement(Memberships.adding(servers, server));
    }

    @Override
    public RendezvousPlacement withoutServer(Server server) {
        return new RendezvousPlacement(Memberships.removing(servers, server));
    }

    @Override
    public long memoryBytes() {
        return Footprint.array(candidates.length, Footprint.REFERENCE) + Footprint.array(seeds.length, Long.BYTES);
    }

    @Override
    public String toString() {
        return label() + servers;
    }
}
