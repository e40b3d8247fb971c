package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.experiment.Analyses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An experiment over a window whose teacher holds replacements: the run lets replacements in and puts the
 * hold back, and the window neither unticks the box nor logs "released" and "held" for it, as it did.
 */
class LentHoldTest {

    @Test
    void anExperimentBorrowsTheHoldWithoutTheWindowShowingIt() throws Exception {
        try (SimulatedWindow window = new SimulatedWindow()) {
            window.window.holdReplacementProperty().set(true); // the teacher ticks the box
            window.framesUntil(() -> !window.session.cluster().replacesDead());
            List<Boolean> box = new ArrayList<>();
            window.window.holdReplacementProperty().addListener((obs, was, now) -> box.add(now));
            int logged = window.window.status().log().size();

            ExperimentsViewModel experiments = new ExperimentsViewModel(window.session);
            experiments.form().requestsProperty().set("3000");
            experiments.form().analysisProperty().set(Analyses.A3); // kills, and waits for the replacement
            assertThat(experiments.run()).isTrue();
            long[] now = {0};
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                now[0] += ExperimentsViewModel.REDRAW_EVERY_NANOS;
                experiments.frame(now[0], true, false);
                window.framesUntil(() -> true);
                return experiments.outcomeProperty().get() != null || experiments.errorProperty().get();
            });
            window.framesUntil(() -> !window.session.cluster().replacesDead());

            assertThat(experiments.errorProperty().get()).as(experiments.statusProperty().get()).isFalse();
            assertThat(box).as("the Hold box never unticked").isEmpty();
            assertThat(window.window.status().log().subList(logged, window.window.status().log().size()))
                    .noneMatch(line -> line.contains("replacement released") || line.contains("replacement held"));
        }
    }
}
