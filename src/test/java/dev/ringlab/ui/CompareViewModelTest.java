package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.experiment.compare.CompareReport;
import dev.ringlab.experiment.compare.ContenderResult;
import dev.ringlab.ring.algorithm.Algorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Compare tab's logic without a stage: the form's checks, the run's state, the status line, the exports. */
class CompareViewModelTest {

    /** The work the tab hands to the session's threads, run when the test says so. */
    private final List<Runnable> queued = new ArrayList<>();
    private final CompareViewModel model = new CompareViewModel(queued::add, Runnable::run);

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }

    @Test
    void startsWithTheCommandLinesFormAndNothingToExport() {
        assertThat(model.serversProperty().get()).isEqualTo("10");
        assertThat(model.keysProperty().get()).isEqualTo("100000");
        assertThat(model.virtualNodesProperty().get()).isEqualTo("9,100");
        assertThat(model.statusProperty().get()).isEqualTo(CompareViewModel.INTRO);
        assertThat(model.lastProperty().get()).isNull();
        assertThat(model.isRunning()).isFalse();
    }

    @Test
    void badInputSaysWhyAndRunsNothing() {
        model.serversProperty().set("ten");

        CompletableFuture<CompareViewModel.Outcome> refused = model.compare();

        assertThat(refused).isCompletedExceptionally();
        assertThat(model.statusProperty().get()).isEqualTo("servers must be a whole number, got 'ten'");
        assertThat(queued).isEmpty();
        assertThat(model.isRunning()).isFalse();

        model.serversProperty().set("1");
        model.compare();
        assertThat(model.statusProperty().get()).startsWith("--servers must be between 2 and");
        model.serversProperty().set("5");
        model.virtualNodesProperty().set("9,x");
        model.compare();
        assertThat(model.statusProperty().get()).isEqualTo("virtual nodes must be a whole number, got 'x'");
        assertThat(queued).isEmpty();
        assertThat(model.lastProperty().get()).isNull();
    }

    @Test
    void aComparisonRunsOffTheCallerThenShowsItsSummary() throws Exception {
        model.serversProperty().set("5");
        model.keysProperty().set("2000");
        model.virtualNodesProperty().set("9");

        CompletableFuture<CompareViewModel.Outcome> finished = model.compare();

        assertThat(model.isRunning()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Comparing on 5 servers, 2,000 keys…");
        assertThat(queued).hasSize(1);
        assertThat(finished).isNotDone();

        runQueued();

        CompareViewModel.Outcome outcome = finished.get();
        assertThat(model.isRunning()).isFalse();
        assertThat(model.lastProperty().get()).isSameAs(outcome);
        assertThat(outcome.settings().servers()).isEqualTo(5);
        assertThat(outcome.results()).extracting(ContenderResult::algorithm)
                .contains(Algorithm.values());
        assertThat(model.statusProperty().get()).startsWith("Busiest server / mean: ")
                .contains("Keys moved on removal (ideal 20.0 %)");
        // presentation mode may give the status line's room to the charts: it says only what they draw
        assertThat(model.statusRepeatsChartsProperty().get()).isTrue();
    }

    @Test
    void theStatusRepeatsTheChartsOnlyWhenItIsTheirSummary() {
        assertThat(model.statusRepeatsChartsProperty().get()).as("the introduction, before any comparison").isFalse();
        model.serversProperty().set("4");
        model.keysProperty().set("1000");
        model.virtualNodesProperty().set("9");
        model.compare();
        assertThat(model.statusRepeatsChartsProperty().get()).as("while it runs").isFalse();
        runQueued();
        assertThat(model.statusRepeatsChartsProperty().get()).isTrue();

        model.serversProperty().set("1");
        model.compare();
        assertThat(model.statusRepeatsChartsProperty().get()).as("an error, with the last charts still on show").isFalse();
    }

    @Test
    void exportsNeedAComparisonAndThenWriteBothCharts(@TempDir Path folder) throws Exception {
        CompletableFuture<List<Path>> tooEarly = model.exportChartsTo(folder);
        runQueued();
        assertThat(tooEarly).isCompletedExceptionally();
        assertThat(model.statusProperty().get()).isEqualTo("Could not write the charts: compare the algorithms first");

        model.serversProperty().set("4");
        model.keysProperty().set("1000");
        model.virtualNodesProperty().set("9");
        model.compare();
        runQueued();
        CompletableFuture<List<Path>> written = model.exportChartsTo(folder);
        runQueued();

        assertThat(written.get()).extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrder(CompareReport.LOAD_SPREAD_PNG, CompareReport.KEYS_MOVED_PNG);
        assertThat(written.get()).allSatisfy(png -> assertThat(Files.size(png)).isPositive());
        assertThat(model.statusProperty().get()).startsWith("Wrote " + CompareReport.LOAD_SPREAD_PNG);
    }
}
