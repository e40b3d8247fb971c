package dev.ringlab.scenario;

import java.time.Instant;
import java.util.List;

/**
 * A played scenario: what each step measured, the event timeline, and where the run stopped if it
 * did not finish.
 *
 * @param seed     the seed the requests were drawn from (the file's, or one drawn for this run)
 * @param backend  the backend it was played on (sim, process, docker)
 * @param summaryCharts charts over several steps (every send side by side)
 * @param error    why the run stopped early (a step failed to play, or it was interrupted), or null
 */
public record ScenarioRun(Scenario scenario, long seed, String backend, Instant started, double elapsedMillis,
                          List<StepOutcome> outcomes, List<TimelineEntry> timeline, List<java.nio.file.Path> summaryCharts,
                          String error) {

    public ScenarioRun {
        summaryCharts = List.copyOf(summaryCharts);
        outcomes = List.copyOf(outcomes);
        timeline = List.copyOf(timeline);
    }

    /** Every step played and every expectation held. */
    public boolean passed() {
        return error == null && outcomes.size() == scenario.steps().size()
                && outcomes.stream().allMatch(StepOutcome::passed);
    }

    public long failedChecks() {
        return outcomes.stream().flatMap(outcome -> outcome.checks().stream()).filter(check -> !check.passed()).count();
    }

    public long checks() {
        return outcomes.stream().mapToLong(outcome -> outcome.checks().size()).sum();
    }
}
