package dev.ringlab.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What playing one step measured and wrote.
 *
 * @param startMillis  from the start of the run
 * @param testbed      what requests went through, for steps that sent any (else null)
 * @param ring         the ring the requests were routed by, for a send (else null)
 * @param summary      an analysis's own one-line summary (else null)
 * @param text         an analysis's own table as text (else null)
 * @param fingerprint  for a send: a digest of which server answered each request in order, equal on
 *                     every backend when the routing is the same (else null)
 * @param timingNotes  which of its figures depend on timing, and why
 * @param error        why the step could not be played (the run stopped there), or null
 */
public record StepOutcome(Step step, double startMillis, double elapsedMillis, String testbed, String ring,
                          String summary, String text,
                          Map<String, Double> metrics, List<Check> checks, List<Table> tables, List<Path> charts,
                          List<Path> files, String fingerprint, List<String> timingNotes, String error) {

    public StepOutcome {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        checks = List.copyOf(checks);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        files = List.copyOf(files);
        timingNotes = List.copyOf(timingNotes);
    }

    public boolean passed() {
        return error == null && checks.stream().allMatch(Check::passed);
    }

    /** Collects a step's figures and files while it plays. */
    static final class Builder {
        private final Step step;
        private final double start;
        private final Map<String, Double> metrics = new java.util.LinkedHashMap<>();
        private final List<Table> tables = new java.util.ArrayList<>();
        private final List<Path> charts = new java.util.ArrayList<>();
        private final List<Path> files = new java.util.ArrayList<>();
        private final List<String> timing = new java.util.ArrayList<>();
        private String testbed;
        private String ring;
        private String summary;
        private String text;
        private String fingerprint;

        Builder(Step step, double start) {
            this.step = step;
            this.start = start;
        }

        Builder metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        Builder table(Table table) {
            tables.add(table);
            return this;
        }

        Builder chart(Path png) {
            charts.add(png);
            return this;
        }

        Builder file(Path file) {
            files.add(file);
            return this;
        }

        Builder timing(String note) {
            timing.add(note);
            return this;
        }

        Builder testbed(String description) {
            testbed = description;
            return this;
        }

        Builder summary(String line) {
            summary = line;
            return this;
        }

        Builder text(String table) {
            text = table;
            return this;
        }

        Builder ring(String description) {
            ring = description;
            return this;
        }

        Builder fingerprint(String digest) {
            fingerprint = digest;
            return this;
        }

        StepOutcome build(double elapsed) {
            List<Check> checks = step.expectations().stream()
                    .map(expectation -> new Check(expectation, metrics.get(expectation.metric()))).toList();
            return new StepOutcome(step, start, elapsed, testbed, ring, summary, text, metrics, checks, tables, charts, files, fingerprint,
                    timing, null);
        }

        static StepOutcome failed(Step step, double start, double elapsed, String error) {
            List<Check> checks = step.expectations().stream().map(expectation -> new Check(expectation, null)).toList();
            return new StepOutcome(step, start, elapsed, null, null, null, null, Map.of(), checks, List.of(), List.of(), List.of(), null,
                    List.of(), error);
        }
    }
}
