package dev.ringlab.ring.algorithm;

import dev.ringlab.ring.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded keys and server lists for the algorithm tests. */
final class Keys {

    private Keys() {
    }

    static long[] random(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = random.nextLong();
        }
        return keys;
    }

    static List<Server> servers(int count) {
        List<Server> servers = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            servers.add(new Server(id, "Server " + id));
        }
        return servers;
    }

    /** Share of keys whose server differs between two placements. */
    static double movedShare(Placement before, Placement after, long[] keys) {
        int moved = 0;
        for (long key : keys) {
            if (!before.route(key).equals(after.route(key))) {
                moved++;
            }
        }
        return (double) moved / keys.length;
    }

    /** Keys that changed server although their old server is still there. */
    static double needlesslyMovedShare(Placement before, Placement after, long[] keys) {
        int moved = 0;
        for (long key : keys) {
            Server was = before.route(key);
            Server now = after.route(key);
            if (!was.equals(now) && after.servers().contains(was)) {
                moved++;
            }
        }
        return (double) moved / keys.length;
    }
}
