package dev.ringlab.scenario;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.algorithm.Algorithm;
import java.util.List;
import java.util.Locale;

/**
 * A lab run as a lesson file describes it, checked and ready to play: nothing here has started.
 *
 * @param source      the file's name (or {@code lesson:NAME} for a bundled one)
 * @param seed        the seed of every random request id, or null to draw one when played
 * @param backend     the backend the file asks for (sim, process, docker, auto)
 * @param servers     servers on the ring before the first step
 * @param requestCap  0, or the most requests any send or analysis was allowed (a quick rehearsal)
 */
public record Scenario(String source, String title, String description, Long seed, String backend, RingConfig ring,
                       Algorithm algorithm, int servers, List<Step> steps, int requestCap) {

    /** What {@code backend:} accepts; the command line maps them to testbeds. */
    public static final List<String> BACKENDS = List.of("sim", "process", "docker", "auto");

    public Scenario {
        steps = List.copyOf(steps);
    }

    /** "murmur3 hash, 512 slots, 9 virtual nodes per server, linear probing, ring placement" (no placement when null) */
    static String describe(RingConfig ring, Algorithm algorithm) {
        return ring.hash().name() + " hash, " + ring.slots() + " slots, " + ring.virtualNodesPerServer()
                + " virtual node" + (ring.virtualNodesPerServer() == 1 ? "" : "s") + " per server, "
                + ring.probing().name().toLowerCase(Locale.ROOT) + " probing" + (algorithm == null ? "" : ", " + algorithm.label()
                + " placement");
    }
}
