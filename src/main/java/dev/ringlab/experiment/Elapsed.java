package dev.ringlab.experiment;

import java.time.Duration;
import java.util.Locale;

/** How long a run took, as its one-line summary says it: "1.4 s", or "45 ms" under a second ("0.0 s" said nothing). */
final class Elapsed {

    private Elapsed() {
    }

    static String said(Duration elapsed) {
        long millis = elapsed.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
