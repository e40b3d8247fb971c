package dev.ringlab.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an analysis step produced: its figures (for {@code expect} and the handout), tables, charts and
 * data files written into the step's folder, and what in it depends on timing.
 *
 * @param summary      the analysis's own one-line summary
 * @param table        the analysis's own table, as the command line prints it
 * @param charts       PNG files, embedded into the handout
 * @param files        every file written (CSV and PNG)
 * @param timingNotes  which of its figures vary from run to run, and why; empty when none do
 */
public record AnalysisOutcome(String summary, Map<String, Double> metrics, String table, List<Path> charts,
                              List<Path> files, List<String> timingNotes) {

    public AnalysisOutcome {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        charts = List.copyOf(charts);
        files = List.copyOf(files);
        timingNotes = List.copyOf(timingNotes);
    }
}
