package dev.ringlab.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests per answering server, as one sending thread saw them; merged after the stream. */
final class ServerTally implements RequestStream.Sink {

    private final Map<String, long[]> answered = new HashMap<>();
    private long failed;
    private long retried;

    @Override
    public void accept(Delivery delivery, long sentNanos) {
        if (delivery.server() == null) {
            failed++;
            return;
        }
        answered.computeIfAbsent(delivery.server(), server -> new long[1])[0]++;
        if (delivery.retried()) {
            retried++;
        }
    }

    /** The merged counts: {@code servers} first in their order (zero when idle), then any other answerer. */
    static List<ServerLoad> loads(List<String> servers, List<ServerTally> tallies) {
        Map<String, Long> counts = new LinkedHashMap<>();
        servers.forEach(server -> counts.put(server, 0L));
        for (ServerTally tally : tallies) {
            tally.answered.forEach((server, count) -> counts.merge(server, count[0], Long::sum));
        }
        List<ServerLoad> loads = new ArrayList<>();
        counts.forEach((server, count) -> loads.add(new ServerLoad(server, count)));
        return List.copyOf(loads);
    }

    static long failed(List<ServerTally> tallies) {
        return tallies.stream().mapToLong(tally -> tally.failed).sum();
    }

    static long retried(List<ServerTally> tallies) {
        return tallies.stream().mapToLong(tally -> tally.retried).sum();
    }
}
