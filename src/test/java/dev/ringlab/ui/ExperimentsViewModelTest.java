package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.DistributionResult;
import dev.ringlab.experiment.GrayFailureResult;
import dev.ringlab.ring.RingConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
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
        model.form().requestsProperty().set("lots");

        assertThat(model.run()).isFalse();

        assertThat(model.statusProperty().get()).isEqualTo("requests must be a whole number, got 'lots'");
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(log).containsExactly("error: requests must be a whole number, got 'lots'");
        assertThat(session.ring().isEmpty()).isTrue();
    }

    @Test
    void theFormGreysOutWhatTheChosenAnalysisDoesNotRead() {
        var servers = model.form().uses(Analysis.Input.SERVERS);
        var range = model.form().uses(Analysis.Input.SERVER_RANGE);
        var failure = model.form().uses(Analysis.Input.FAILURE);
        assertThat(List.of(servers.get(), range.get(), failure.get())).containsExactly(true, false, false);

        model.form().analysisProperty().set(Analyses.A2);
        assertThat(List.of(servers.get(), range.get())).containsExactly(false, true);
        assertThat(model.form().description().get()).isEqualTo(Analyses.A2.description());

        model.form().analysisProperty().set(Analyses.A3);
        assertThat(failure.get()).isTrue();
    }

    @Test
    void theFaultLessonsReadRateDurationAndTheirVictimNotRequestsOrConcurrency() {
        var requests = model.form().uses(Analysis.Input.REQUESTS);
        var concurrency = model.form().uses(Analysis.Input.CONCURRENCY);
        assertThat(List.of(requests.get(), concurrency.get(), model.form().readsVictim().get(), model.form().readsRate().get(),
                model.form().readsDuration().get())).as("A-1").containsExactly(true, true, false, false, false);

        model.form().analysisProperty().set(Analyses.A6);
        assertThat(List.of(requests.get(), concurrency.get(), model.form().readsVictim().get(), model.form().readsRate().get(),
                model.form().readsDuration().get())).as("A-6").containsExactly(false, false, true, true, true);
        assertThat(model.form().victimLabel().get()).isEqualTo("Freeze");
        assertThat(model.form().defaultRate().get()).isEqualTo("200");

        model.form().analysisProperty().set(Analyses.FLAP);
        assertThat(model.form().victimLabel().get()).isEqualTo("Flap");
        assertThat(requests.get()).isFalse();

        model.form().analysisProperty().set(Analyses.A3);
        assertThat(List.of(requests.get(), concurrency.get(), model.form().readsVictim().get(), model.form().readsRate().get(),
                model.form().readsDuration().get())).as("A-3").containsExactly(true, true, true, true, false);
        assertThat(model.form().victimLabel().get()).isEqualTo("Kill");
        assertThat(model.form().defaultRate().get()).isEqualTo("2500");
    }

    @Test
    void anA6FieldBeyondItsLimitsIsOneLineAndNothingRuns() {
        model.form().analysisProperty().set(Analyses.A6);
        model.form().requestsProperty().set("lots"); // greyed out for A-6: not read, so not an error

        model.form().durationProperty().set("soon");
        assertThat(model.run()).isFalse();
        assertThat(model.statusProperty().get())
                .isEqualTo("duration: 'soon' is not a duration: write it like 500ms, 10s or 2m");

        model.form().durationProperty().set("1s");
        assertThat(model.run()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("duration must be between 2 s and 10 min, got 1000 ms");

        model.form().durationProperty().set("");
        model.form().rateProperty().set("0");
        assertThat(model.run()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("rate must be between 1 and 5000 requests/s for a6, got 0");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(session.ring().isEmpty()).isTrue();
    }

    @Test
    void anA6RunSendsRateTimesDurationAndItsLiveChartCountsWhatTheStatusLineSays() throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        model.form().analysisProperty().set(Analyses.A6);
        model.form().requestsProperty().set("10000"); // not A-6's: it paces rate x duration
        model.form().rateProperty().set("50");
        model.form().durationProperty().set("2s");

        assertThat(model.run()).isTrue();
        assertThat(log.get(0)).startsWith("A-6 started: 50 requests/s for 2.0 s, seed ");
        List<String> disagreements = new ArrayList<>();
        List<String> liveTimeAxes = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger compared = new java.util.concurrent.atomic.AtomicInteger();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            frame();
            String status = model.statusProperty().get();
            var charts = model.chartsProperty().get();
            if (model.runningProperty().get() && charts != null && status.startsWith("A-6 passive health")) {
                JFreeChart live = charts.get().get(0);
                liveTimeAxes.add(((XYPlot) live.getPlot()).getDomainAxis().getLabel());
                // its subtitle: "F failed, R retried so far in this run"
                String counts = subtitle(live, "so far in this run");
                java.util.regex.Matcher figures = java.util.regex.Pattern.compile("(\\d+) failed, (\\d+) retried")
                        .matcher(counts);
                if (figures.find()) {
                    compared.incrementAndGet();
                    if (!status.contains(figures.group(1) + " failed, " + figures.group(2) + " retried")) {
                        disagreements.add(status + " / " + counts);
                    }
                }
            }
            return model.outcomeProperty().get() != null;
        });

        GrayFailureResult result = (GrayFailureResult) model.outcomeProperty().get().result();
        assertThat(result.off().sent()).isEqualTo(100);
        assertThat(result.on().sent()).isEqualTo(100);
        assertThat(compared.get()).as("live charts compared with the status line").isPositive();
        assertThat(disagreements).as("the live chart's counts are the status line's").isEmpty();
        assertThat(liveTimeAxes).as("live charts seen").isNotEmpty()
                .containsOnly("time since the first request (s)");
        List<JFreeChart> finals = model.chartsProperty().get().get();
        assertThat(((XYPlot) finals.get(0).getPlot()).getDomainAxis().getLabel())
                .isEqualTo("time since the first request (s)");
        assertThat(model.statusProperty().get()).startsWith("A-6 done")
                .contains("failed " + result.off().failed() + " (off) / " + result.on().failed() + " (on)");
        assertThat(subtitle(finals.get(1), "100 sent")).startsWith("100 sent, " + result.on().failed() + " failed");
    }

    /** The chart's subtitle that holds {@code part}, or "" when none does. */
    private static String subtitle(JFreeChart chart, String part) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle text && text.getText().contains(part)) {
                return text.getText();
            }
        }
        return "";
    }

    @Test
    void anA1RunShowsItsProgressThenItsResultChartsAndSummary() throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        model.form().requestsProperty().set("2000");

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
        // the status is queued by the export's own completion stage, which may run after the handle above
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            frame();
            assertThat(model.statusProperty().get()).isEqualTo("Could not write figures.csv: run an experiment first");
        });
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(file).doesNotExist();
    }
}
