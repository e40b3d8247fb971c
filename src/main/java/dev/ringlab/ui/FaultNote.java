package dev.ringlab.ui;

import dev.ringlab.cluster.ClusterEvent;
import java.time.Instant;

/**
 * A fault injected into a server, in the words of the "What just happened" panel: what was done and
 * what it means for the ring and the requests. A fault moves no key (the ring only changes once the
 * health monitor declares a server dead), so the panel says that rather than a migration.
 *
 * @param at       when it was done: two equal faults at different times are two notes, each shown
 * @param headline one line: who, and what was done to it
 * @param detail   what happens next, and why no key moved
 */
public record FaultNote(Instant at, String headline, String detail) {

    /** Words for a {@link ClusterEvent.MemberFaulted} event, whether the window, a scenario or {@code POST /fault} caused it. */
    static FaultNote of(ClusterEvent.MemberFaulted event) {
        String server = event.server().name();
        return switch (event.what()) {
            case "frozen" -> new FaultNote(event.at(), server + " frozen",
                    "It hangs with its port open and keeps its slots: requests for them wait until the try timeout, "
                            + "then go to the next server clockwise. Its heartbeats time out, and after a few missed in a "
                            + "row it is declared dead and replaced. No key moved yet.");
            case "thawed" -> new FaultNote(event.at(), server + " thawed",
                    "It answers again, still on the ring with the same slots: no key moved.");
            case "no fault" -> new FaultNote(event.at(), server + ": faults cleared",
                    "It answers /home at full speed and without injected errors again; no key moved.");
            default -> new FaultNote(event.at(), server + " slowed: " + event.what(),
                    "Only /home is slowed and fails; /heartbeat still answers at once, so the health monitor never "
                            + "notices and its keys stay on it: every request for them pays. No key moved.");
        };
    }
}
