package dev.ringlab.experiment;

import dev.ringlab.ring.RingSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A-2, scalability: grows one cluster from the smallest N to the largest, one server at a time, and
 * sends the same workload at every N, so the spread of the load and the keys each step moved can be
 * compared. Blocking; {@link #cancel()} or an interrupt stops it with a
 * {@link java.util.concurrent.CancellationException}.
 */
public final class ScalingExperiment {

    private final TestbedFactory testbeds;
    private final Cancellation cancellation = new Cancellation();

    public ScalingExperiment(TestbedFactory testbeds) {
        this.testbeds = testbeds;
    }

    public ScalingResult run(ScalingParameters parameters, ProgressListener listener) {
        ProgressMeter meter = new ProgressMeter(listener, (long) parameters.workload().requests() * parameters.steps());
        ScalingResult result = run(parameters, meter, "A-2");
        meter.report();
        return result;
    }

    /** Stops a run in progress, from any thread; a cancelled runner stays cancelled, so make one per run. */
    public void cancel() {
        cancellation.request();
    }

    ScalingResult run(ScalingParameters parameters, ProgressMeter meter, String stage) {
        cancellation.check();
        long started = System.nanoTime();
        Workload workload = parameters.workload();
        long[] keys = workload.keys();
        List<ScalingStep> steps = new ArrayList<>();
        try (Testbed testbed = testbeds.open(parameters.ring(), parameters.minServers())) {
            RequestStream stream = new RequestStream(testbed, workload.concurrency(), meter, cancellation);
            for (int n = parameters.minServers(); n <= parameters.maxServers(); n++) {
                cancellation.check();
                meter.stage(stage + " N=" + n);
                RingSnapshot before = testbed.membership().ring();
                testbed.membership().resize(n);
                RingSnapshot after = testbed.membership().ring();
                KeyMoves moves = n == parameters.minServers() ? null : moves(before, after, keys);
                List<String> servers = testbed.membership().servers();
                List<ServerTally> tallies = stream.send(keys, ServerTally::new);
                List<ServerLoad> loads = ServerTally.loads(servers, tallies);
                steps.add(new ScalingStep(n, loads, LoadSpread.of(loads), ServerTally.failed(tallies), moves));
            }
            return new ScalingResult(parameters, testbed.description(), steps,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static KeyMoves moves(RingSnapshot before, RingSnapshot after, long[] keys) {
        if (before == null || after == null) {
            return null;
        }
        int movedKeys = 0;
        for (long key : keys) {
            if (!before.route(key).equals(after.route(key))) {
                movedKeys++;
            }
        }
        return new KeyMoves(before.migrationTo(after).movedSlots(), movedKeys, (double) keys.length / after.size());
    }
}
