package dev.ringlab.cli;

import dev.ringlab.experiment.Progress;
import dev.ringlab.experiment.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;

/** Progress on stderr, only for runs that last: a line per second once a run passes one second. */
final class ProgressLine implements ProgressListener {

    private static final Duration QUIET = Duration.ofSeconds(1);

    private final PrintWriter err;
    private Duration printedAt = Duration.ZERO;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(Progress progress) {
        Duration elapsed = progress.elapsed();
        if (elapsed.compareTo(QUIET) < 0 || elapsed.minus(printedAt).compareTo(QUIET) < 0) {
            return;
        }
        printedAt = elapsed;
        err.println(progress.describe());
    }
}
