package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.DistributionResult;
import dev.ringlab.ring.RingConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Experiments tab's form, run state and progress without a stage: a real run over a simulated cluster. */
class ExperimentsViewModelTest {

    private static final long FRAME = 16_666_667L;

    @TempDir
    Path folder;

    private final LabSession session = new LabSession(new SimBackend(), RingConfig.DEFAULT).start();
    private final ExperimentsViewModel model = new ExperimentsViewModel(session);
    private final List<String> log = new ArrayList<>();
    private long now;

    ExperimentsViewModelTest() {
        model.logTo(log::add);
    }

    @AfterEach
    void close() {
        model.stop();
        session.close();
    }

    /** One pulse of the window with the tab on screen and the chart free. */
    private void frame() {
        now += ExperimentsViewModel.REDRAW_EVERY_NANOS;
        model.frame(now, true, false);
    }

    @Test
    void aBadFieldIsOneLineAndNothingRuns() {
        model.requestsProperty().set("lots");

        assertThat(model.run()).isFalse();

        assertThat(model.statusProperty().get()).isEqualTo("requests must be a whole number, got 'lots'");
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(log).containsExactly("error: requests must be a whole number, got 'lots'");
        assertThat(session.ring().isEmpty()).isTrue();
    }

    @Test
    void theFormGreysOutWhatTheChosenAnalysisDoesNotRead() {
        var servers = model.uses(Analysis.Input.SERVERS);
        var range = model.uses(Analysis.Input.SERVER_RANGE);
        var failure = model.uses(Analysis.Input.FAILURE);
        assertThat(List.of(servers.get(), range.get(), failure.get())).containsExactly(true, false, false);

        model.analysisProperty().set(Analyses.A2);
        assertThat(List.of(servers.get(), range.get())).containsExactly(false, true);
        assertThat(model.description().get()).isEqualTo(Analyses.A2.description());

        model.analysisProperty().set(Analyses.A3);
        assertThat(failure.get()).isTrue();
    }

    @Test
    void anA1RunShowsItsProgressThenItsResultChartsAndSummary() throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        model.requestsProperty().set("2000");

        assertThat(model.run()).isTrue();
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).startsWith("A-1 running (seed ");
        assertThat(model.run()).as("a second Run while one goes").isFalse();

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            frame();
            return model.outcomeProperty().get() != null;
        });
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.outcomeProperty().get().result()).isInstanceOf(DistributionResult.class);
        DistributionResult result = (DistributionResult) model.outcomeProperty().get().result();
        assertThat(result.loads()).hasSize(3);
        assertThat(result.loads().stream().mapToLong(load -> load.requests()).sum()).isEqualTo(2000);
        assertThat(model.chartsProperty().get().get()).isNotEmpty();
        assertThat(model.statusProperty().get()).startsWith("A-1 done").contains("2000 answered");
        assertThat(model.baseName()).startsWith("a1-");
        assertThat(log.get(0)).startsWith("A-1 started: 2000 requests, seed ");
        assertThat(log).last().asString().startsWith("A-1 done");
    }

    @Test
    void exportingBeforeAnyRunSaysSoAndWritesNothing() throws Exception {
        Path file = folder.resolve("figures.csv");

        model.exportCsvTo(file).handle((path, failure) -> failure).get(5, TimeUnit.SECONDS);
        frame();

        assertThat(model.statusProperty().get()).isEqualTo("Could not write figures.csv: run an experiment first");
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(file).doesNotExist();
    }
}
