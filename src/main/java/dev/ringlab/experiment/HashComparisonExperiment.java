package dev.ringlab.experiment;

import dev.ringlab.ring.RingHash;
import java.util.ArrayList;
import java.util.List;

/**
 * A-4, the modified hash: again under each hash function on the same keys, so the
 * assignment's clustered virtual nodes and a well-mixed hash can be put side by side. Blocking;
 * {@link #cancel()} or an interrupt stops it with a {@link java.util.concurrent.CancellationException}.
 */
public final class HashComparisonExperiment {

    private final DistributionExperiment distribution;
    private final ScalingExperiment scaling;

    public HashComparisonExperiment(TestbedFactory testbeds) {
        this.distribution = new DistributionExperiment(testbeds);
        this.scaling = new ScalingExperiment(testbeds);
    }

    public HashComparisonResult run(HashComparisonParameters parameters, ProgressListener listener) {
        List<RingHash> hashes = parameters.hashes();
        long perHash = (long) parameters.workload().requests()
                * (1 + parameters.maxServers() - parameters.minServers() + 1);
        ProgressMeter meter = new ProgressMeter(listener, perHash * hashes.size());
        List<HashRun> runs = new ArrayList<>();
        for (RingHash hash : hashes) {
            DistributionParameters a1 = parameters.distribution(hash);
            DistributionResult loads = distribution.run(a1, meter, hash.name() + " A-1 N=" + a1.servers());
            ScalingResult steps = scaling.run(parameters.scaling(hash), meter, hash.name() + " A-2");
            runs.add(new HashRun(hash.name(), loads, steps));
        }
        meter.report();
        return new HashComparisonResult(parameters, runs);
    }

    /** Stops a run in progress, from any thread; a cancelled runner stays cancelled, so make one per run. */
    public void cancel() {
        distribution.cancel();
        scaling.cancel();
    }
}
