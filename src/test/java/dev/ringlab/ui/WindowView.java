package dev.ringlab.ui;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the lab window shows, read the way a person checks it: the servers table with its counts, the
 * labels, the event log and the ring. Shared by the window tests; a timed-out wait says what the
 * window showed at that moment.
 */
final class WindowView {

    private final LabWindow window;

    WindowView(LabWindow window) {
        this.window = window;
    }

    RingCanvas ring() {
        return window.ring();
    }

    /** The table's rows, copied on the FX thread: a copy taken elsewhere can meet a replacement half done. */
    List<ServerRow> rows() {
        if (javafx.application.Platform.isFxApplicationThread()) {
            return List.copyOf(table().getItems());
        }
        try {
            return WaitForAsyncUtils.asyncFx(() -> List.copyOf(table().getItems())).get(10, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException("could not read the servers table", failed);
        }
    }

    ServerRow row(String server) {
        return rows().stream().filter(row -> row.name().equals(server)).findFirst().orElseThrow();
    }

    /** The figure the table's "Served" column shows for this server. */
    long served(String server) {
        ServerRow row = row(server);
        return table().getColumns().stream().filter(column -> "servedColumn".equals(column.getId())).findFirst()
                .map(column -> ((Number) column.getCellData(row)).longValue()).orElseThrow();
    }

    List<String> log() {
        ListView<?> log = (ListView<?>) window.stage().getScene().lookup("#log");
        return List.copyOf(log.getItems()).stream().map(Object::toString).toList();
    }

    boolean logHas(String fragment) {
        return log().stream().anyMatch(line -> line.contains(fragment));
    }

    /** The text of the label {@code query} finds. */
    String text(String query) {
        return ((Label) window.stage().getScene().lookup(query)).getText();
    }

    /** Clicks the server's row, again if a refresh of the table swallowed the click. */
    void select(FxRobot robot, String server, int seconds) throws Exception {
        waitUntil(() -> {
            // the cell may be re-rendered between finding and clicking it: then the next round finds the new one
            robot.lookup(".table-cell").match(LabeledMatchers.hasText(server)).tryQuery().ifPresent(robot::clickOn);
            ServerRow selected = table().getSelectionModel().getSelectedItem();
            return selected != null && selected.name().equals(server);
        }, seconds);
    }

    /**
     * How the window tests wait, with the project's one waiting helper (Awaitility): the condition is
     * asked on the test's own thread (some click, as a person would retry) every 10 ms.
     */
    static ConditionFactory within(int seconds) {
        return Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .atMost(Duration.ofSeconds(seconds));
    }

    void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        try {
            within(seconds).until(condition);
        } catch (ConditionTimeoutException timeout) {
            ExperimentsController experiments = window.experiments();
            throw new AssertionError("timed out after " + seconds + " s; window message: '" + text("#message")
                    + "', experiment status: '" + text("#status") + "', chart " + experiments.chartView().getWidth()
                    + "x" + experiments.chartView().getHeight() + " busy " + experiments.chartView().busy()
                    + " charts " + experiments.charts().size() + " result " + experiments.result() + ", rows "
                    + rows() + ", log: " + log(), timeout);
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<ServerRow> table() {
        return (TableView<ServerRow>) window.stage().getScene().lookup("#servers");
    }
}
