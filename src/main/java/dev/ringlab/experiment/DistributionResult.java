package dev.ringlab.experiment;

import java.time.Duration;
import java.util.List;

/**
 * A-1's figures: requests per server, in the order the servers joined.
 *
 * @param testbed what the requests went through
 * @param failed  requests no server answered
 * @param retried requests answered by a server other than their owner
 */
public record DistributionResult(DistributionParameters parameters, String testbed, List<ServerLoad> loads,
                                 long failed, long retried, Duration elapsed) {

    public DistributionResult {
        loads = List.copyOf(loads);
    }

    public String hash() {
        return parameters.ring().hash().name();
    }

    /** Requests some server answered: with {@link #failed()} the whole workload. */
    public long answered() {
        return loads.stream().mapToLong(ServerLoad::requests).sum();
    }

    public LoadSpread spread() {
        return LoadSpread.of(loads);
    }
}
