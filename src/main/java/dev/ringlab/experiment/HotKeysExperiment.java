package dev.ringlab.experiment;

import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.Placement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A-5, hot keys: the same Zipf-distributed stream placed by the ring, Maglev, rendezvous and
 * bounded loads, request by request, each request in flight while the next few are placed. Uniform
 * keys spread well under all of them; a hot key pins its share of the traffic on one server under
 * every algorithm that places by key alone, while bounded loads walks the overflow on clockwise and
 * keeps the busiest server within c times the mean. The placements are RingLab's own, the ones the
 * balancer routes with; the run needs no replicas, so it is the same on every backend.
 * Blocking; {@link #cancel()} or an interrupt stops it with a {@link java.util.concurrent.CancellationException}.
 */
public final class HotKeysExperiment {

    private static final int REPORT_EVERY = 1_000;

    private final Cancellation cancellation = new Cancellation();

    public HotKeysResult run(HotKeysParameters parameters, ProgressListener listener) {
        cancellation.check();
        long started = System.nanoTime();
        Workload workload = parameters.workload();
        ZipfKeys zipf = new ZipfKeys(parameters.keySpace(), parameters.exponent(), workload.seed());
        long[] keys = zipf.stream(workload.seed(), workload.requests());
        ProgressMeter meter = new ProgressMeter(listener, (long) keys.length * HotKeysParameters.ALGORITHMS.size());
        List<Server> servers = new ArrayList<>();
        for (int id = 1; id <= parameters.servers(); id++) {
            servers.add(new Server(id, "Server " + id));
        }
        List<HotKeysRun> runs = new ArrayList<>();
        for (Algorithm algorithm : HotKeysParameters.ALGORITHMS) {
            meter.stage("A-5 " + algorithm.label());
            Placement placement = algorithm.of(parameters.placement(), servers);
            // A key's first choice: its owner on the plain ring for bounded loads, the placement itself otherwise.
            Placement firstChoice = algorithm == Algorithm.BOUNDED
                    ? Algorithm.RING.of(parameters.placement(), servers) : placement;
            runs.add(place(placement, firstChoice, parameters, keys, meter));
        }
        meter.report();
        List<Double> hottest = new ArrayList<>();
        for (int rank = 1; rank <= Math.min(10, parameters.keySpace()); rank++) {
            hottest.add(zipf.share(rank));
        }
        return new HotKeysResult(parameters, runs, hottest, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Stops a run in progress, from any thread; a cancelled runner stays cancelled, so make one per run. */
    public void cancel() {
        cancellation.request();
    }

    private HotKeysRun place(Placement placement, Placement firstChoice, HotKeysParameters parameters, long[] keys,
                             ProgressMeter meter) {
        List<Server> servers = placement.servers();
        Map<Server, Integer> index = new HashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            index.put(servers.get(i), i);
        }
        long[] total = new long[servers.size()];
        long[] stretch = new long[servers.size()];
        Server[] inFlight = new Server[parameters.inFlight()];
        int bucket = parameters.bucket();
        List<Integer> ends = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        long pastFirstChoice = 0;
        int inStretch = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i % REPORT_EVERY == 0) {
                cancellation.check();
            }
            // The request placed W requests ago is answered now and frees its place.
            Server leaving = inFlight[i % inFlight.length];
            if (leaving != null) {
                placement.release(leaving);
            }
            Server first = firstChoice.route(keys[i]);
            Server chosen = placement.acquire(keys[i]);
            inFlight[i % inFlight.length] = chosen;
            if (!chosen.equals(first)) {
                pastFirstChoice++;
            }
            int at = index.get(chosen);
            total[at]++;
            stretch[at]++;
            inStretch++;
            if (inStretch == bucket || i == keys.length - 1) {
                long busiest = 0;
                for (long count : stretch) {
                    busiest = Math.max(busiest, count);
                }
                ends.add(i + 1);
                ratios.add(busiest / ((double) inStretch / servers.size()));
                java.util.Arrays.fill(stretch, 0);
                inStretch = 0;
            }
            if ((i + 1) % REPORT_EVERY == 0) {
                meter.advance(REPORT_EVERY, 0, 0, Map.of());
            }
        }
        meter.advance(keys.length % REPORT_EVERY, 0, 0, Map.of());
        for (Server server : inFlight) {
            if (server != null) {
                placement.release(server);
            }
        }
        List<ServerLoad> loads = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            loads.add(new ServerLoad(servers.get(i).name(), total[i]));
        }
        return new HotKeysRun(placement.algorithm().label(), ends, ratios, loads, pastFirstChoice);
    }
}
