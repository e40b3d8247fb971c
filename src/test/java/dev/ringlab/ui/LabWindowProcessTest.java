package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.experiment.DistributionResult;
import dev.ringlab.ring.RingConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window over real replica processes and its embedded balancer on an ephemeral port: real clicks,
 * real HTTP, real SIGKILL, and every process gone once the window closes.
 */
@ExtendWith(ApplicationExtension.class)
class LabWindowProcessTest {

    private LabSession session;
    private LabWindow window;
    private WindowView view;

    @Start
    void start(Stage stage) {
        session = new LabSession(new ProcessBackend(Duration.ofMillis(200)), RingConfig.DEFAULT, 0);
        window = LabWindow.show(stage, session);
        view = new WindowView(window);
    }

    @AfterEach
    void close() {
        window.closeSession();
    }

    @Test
    void addRouteKillRunAndCloseOverRealProcesses(FxRobot robot) throws Exception {
        robot.clickOn("#addServer");
        type(robot, "#serverName", "web-2");
        robot.clickOn("#addServer");
        waitUntil(() -> view.rows().size() == 2 && view.rows().stream().allMatch(row -> row.state().equals("up")), 60);
        assertThat(view.rows()).allSatisfy(row -> {
            assertThat(ProcessHandle.of(Long.parseLong(row.backendId()))).isPresent();
            assertThat(row.address()).startsWith("http://127.0.0.1:");
        });
        waitUntil(() -> view.ring().picture().markersOf("web-2").size() == 9, 10);

        // A client of the balancer the window shows: its request counts in the table.
        URI balancer = URI.create(textField("#balancerUrl").getText());
        assertThat(balancer.getHost()).isEqualTo("127.0.0.1");
        long key = 42;
        String owner = session.ring().route(key).name();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(balancer.resolve("/home?key=" + key)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("Hello from Server: ");
        waitUntil(() -> view.served(owner) == 1, 10);

        // Kill web-2 from the table: a real SIGKILL, noticed by heartbeats and replaced.
        long pid = Long.parseLong(view.row("web-2").backendId());
        select(robot, "web-2");
        robot.clickOn("#killServer");
        waitUntil(() -> view.logHas("web-2 declared dead"), 20);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        waitUntil(() -> view.logHas("replacing web-2") && view.rows().size() == 2
                && view.rows().stream().allMatch(row -> row.state().equals("up")), 60);
        waitUntil(() -> view.ring().picture().markersOf("web-2").isEmpty() && view.ring().picture().markers().size() == 18, 10);

        // A-1 over the processes, through the window's cluster.
        robot.clickOn("Experiments");
        type(robot, "#requests", "1000");
        type(robot, "#serverCount", "2");
        robot.clickOn("#run");
        ExperimentsController experiments = window.experiments();
        waitUntil(() -> experiments.result() instanceof DistributionResult && experiments.chartsSettled(), 120);
        org.jfree.data.category.CategoryDataset chart = experiments.charts().get(0).getCategoryPlot().getDataset();
        long charted = 0;
        for (Object server : chart.getColumnKeys()) {
            charted += chart.getValue("requests", (Comparable<?>) server).longValue();
        }
        assertThat(charted).isEqualTo(1000);
        assertThat(((DistributionResult) experiments.result()).testbed()).contains("processes");

        // Closing the window stops every replica it started.
        List<Long> pids = view.rows().stream().map(row -> Long.parseLong(row.backendId())).toList();
        window.closeSession();
        for (long each : pids) {
            assertThat(ProcessHandle.of(each).map(ProcessHandle::isAlive).orElse(false))
                    .as("replica process %d after the window closed", each).isFalse();
        }
    }

    private TextField textField(String query) {
        return (TextField) window.stage().getScene().lookup(query);
    }

    /** Types into a field as a person would, again if keystrokes got lost on this busy machine. */
    private void type(FxRobot robot, String field, String text) throws Exception {
        waitUntil(() -> {
            robot.clickOn(field).type(javafx.scene.input.KeyCode.END)
                    .eraseText(textField(field).getText().length() + 1).write(text);
            return textField(field).getText().equals(text);
        }, 10);
    }

    private void select(FxRobot robot, String server) throws Exception {
        view.select(robot, server, 10);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition, int seconds) throws Exception {
        view.waitUntil(condition, seconds);
    }
}
