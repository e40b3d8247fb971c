package dev.ringlab.experiment.compare;

import dev.ringlab.ring.algorithm.Algorithm;
import java.util.List;

/**
 * The measures of one algorithm (with its parameters) on one key stream.
 *
 * @param label                 the contender, e.g. {@code ring(V=9)}
 * @param loads                 keys per server, in join order
 * @param peakToMean            busiest server's keys over the mean (1 is perfect)
 * @param minToMean             idlest server's keys over the mean
 * @param stdDevKeys            standard deviation of keys per server
 * @param movedOnAdd            share of keys that changed server when an (N+1)th server joined
 * @param movedOnRemoveMean     share of keys that changed server when one server left, mean over which one (up to 20 evenly spread)
 * @param movedOnRemoveMax      the same, for the costliest server to remove
 * @param needlessOnRemoveMean  share of keys that moved off servers that stayed (0 is minimal disruption)
 * @param nsPerLookup           a rough in-process timing of {@code route}, best of several passes (JMH has the real figures)
 * @param memoryBytes           the estimated size of the lookup structures
 */
public record ContenderResult(String label, Algorithm algorithm, int servers, int keys, List<Integer> loads,
                              double peakToMean, double minToMean, double stdDevKeys,
                              double movedOnAdd, double movedOnRemoveMean, double movedOnRemoveMax,
                              double needlessOnRemoveMean, double nsPerLookup, long memoryBytes) {

    public ContenderResult {
        loads = List.copyOf(loads);
    }

    public double meanKeys() {
        return (double) keys / servers;
    }

    /** Standard deviation as a share of the mean (coefficient of variation). */
    public double stdDevShare() {
        return stdDevKeys / meanKeys();
    }

    /** What a perfect algorithm moves when the (N+1)th server joins: 1/(N+1). */
    public double idealOnAdd() {
        return 1.0 / (servers + 1);
    }

    /** What a perfect algorithm moves when one of N servers leaves: 1/N. */
    public double idealOnRemove() {
        return 1.0 / servers;
    }
}
