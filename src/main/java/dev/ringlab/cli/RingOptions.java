package dev.ringlab.cli;

import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The ring's shape, as {@code serve}, {@code experiment} and {@code gui} all take it: one declaration,
 * so the three commands spell, default and check these options alike.
 */
final class RingOptions {

    /** The option names, for commands that must refuse them in some mode (a remote balancer keeps its own). */
    static final java.util.List<String> NAMES = java.util.List.of("--hash", "--slots", "--vnodes", "--probing");

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--hash", paramLabel = "NAME", defaultValue = "assignment",
            description = "Ring hash: assignment (the course's H(i) = i + 2i^2 + 17), assignment-v2 (H(i) = i^2 + 2i + 17)"
                    + " or murmur3 (default: ${DEFAULT-VALUE}).")
    String hash;

    @Option(names = "--slots", paramLabel = "N", defaultValue = "" + RingConfig.DEFAULT_SLOTS,
            description = "Slots on the ring (default: ${DEFAULT-VALUE}).")
    int slots;

    @Option(names = "--vnodes", paramLabel = "N", defaultValue = "" + RingConfig.DEFAULT_VIRTUAL_NODES,
            description = "Virtual nodes per server (default: ${DEFAULT-VALUE}).")
    int virtualNodes;

    @Option(names = "--probing", paramLabel = "KIND", defaultValue = "linear",
            description = "Probing when a slot is taken: linear or quadratic (default: ${DEFAULT-VALUE}).")
    String probing;

    /** The ring these options describe; a bad value is a usage error of the command, in one line. */
    RingConfig config() {
        try {
            if (slots < 1 || slots > RingConfig.MAX_SLOTS) {
                throw new IllegalArgumentException(
                        "--slots must be between 1 and " + RingConfig.MAX_SLOTS + ", got " + slots);
            }
            return new RingConfig(slots, virtualNodes, RingHash.byName(hash), Probing.byName(probing));
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.ParameterException(mixee.commandLine(), invalid.getMessage());
        }
    }
}
