package dev.ringlab.experiment;

import java.time.Duration;
import java.util.List;

/**
 * A-1, load distribution: sends the workload (10,000 random requests by default) to N servers and
 * counts how many each one answered. Blocking; run it off any UI thread. {@link #cancel()} or
 * interrupting the running thread stops it with a {@link java.util.concurrent.CancellationException}.
 */
public final class DistributionExperiment {

    private final TestbedFactory testbeds;
    private final Cancellation cancellation = new Cancellation();

    public DistributionExperiment(TestbedFactory testbeds) {
        this.testbeds = testbeds;
    }

    public DistributionResult run(DistributionParameters parameters, ProgressListener listener) {
        ProgressMeter meter = new ProgressMeter(listener, parameters.workload().requests());
        DistributionResult result = run(parameters, meter, "A-1 N=" + parameters.servers());
        meter.report();
        return result;
    }

    /** Stops a run in progress, from any thread; a cancelled runner stays cancelled, so make one per run. */
    public void cancel() {
        cancellation.request();
    }

    DistributionResult run(DistributionParameters parameters, ProgressMeter meter, String stage) {
        cancellation.check();
        meter.stage(stage);
        long started = System.nanoTime();
        try (Testbed testbed = testbeds.open(parameters.ring(), parameters.servers())) {
            Workload workload = parameters.workload();
            List<String> servers = testbed.membership().servers();
            List<ServerTally> tallies = new RequestStream(testbed, workload.concurrency(), meter, cancellation)
                    .send(workload.keys(), ServerTally::new);
            return new DistributionResult(parameters, testbed.description(), ServerTally.loads(servers, tallies),
                    ServerTally.failed(tallies), ServerTally.retried(tallies),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

}
