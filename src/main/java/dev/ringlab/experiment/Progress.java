package dev.ringlab.experiment;

import java.time.Duration;
import java.util.List;

/**
 * How far a run is, as one immutable value: listeners get a few of these per second, never one per
 * request, so a window can paint each as it comes.
 *
 * @param stage   what is running now, e.g. "N=4" or "murmur3 A-2 N=3"
 * @param done    requests sent so far in the whole run
 * @param total   requests the whole run will send
 * @param failed  requests not answered (or not with a 2xx) so far in this stage
 * @param retried requests answered by a server other than the first one asked, so far in this stage
 * @param elapsed time since the run started
 * @param loads   requests answered per server so far in this stage (a window draws its live chart from
 *                these), ordered by server name
 */
public record Progress(String stage, long done, long total, long failed, long retried, Duration elapsed,
                       List<ServerLoad> loads) {

    public Progress {
        loads = List.copyOf(loads);
    }

    /** In [0, 1]. */
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }

    /** One line for a terminal. */
    public String describe() {
        return String.format("%s: %d/%d requests (%.0f%%), %d failed, %d retried, %.1f s", stage, done, total,
                100 * fraction(), failed, retried, elapsed.toMillis() / 1000.0);
    }
}
