package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.cluster.docker.DockerBackend;
import dev.ringlab.cluster.docker.DockerEngine;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The backend switch when Docker is down: a real docker-java client against a socket nobody listens
 * on. The window says so in one line and keeps its backend, servers and ring.
 */
@ExtendWith(ApplicationExtension.class)
class BackendSwitchTest {

    @TempDir
    static Path folder;

    private LabSession session;
    private LabWindow window;
    private WindowView view;

    @Start
    void start(Stage stage) {
        URI nobody = URI.create("unix://" + folder.resolve("docker.sock"));
        BackendChoice choice = new BackendChoice(List.of(BackendKind.SIM, BackendKind.DOCKER), kind -> kind
                == BackendKind.DOCKER
                ? new DockerBackend(DockerEngine.at(nobody), "test", Duration.ofMillis(200), note -> { })
                : new SimBackend());
        session = new LabSession(new SimBackend(), RingConfig.DEFAULT);
        window = LabWindow.show(stage, session, choice);
        view = new WindowView(window);
    }

    @AfterEach
    void close() {
        window.closeSession();
    }

    @Test
    void switchingToADockerThatIsDownSaysSoInOneLineAndChangesNothing(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        view.waitUntil(() -> view.rows().size() == 3, 20);
        RingSnapshot before = session.ring();

        robot.clickOn("#backendChoice");
        robot.clickOn("Docker");

        view.waitUntil(() -> view.text("#message").startsWith("Could not switch to Docker: "), 30);
        assertThat(view.text("#message")).contains("no Docker engine answers at").doesNotContain("Exception")
                .doesNotContain("\n");
        assertThat(robot.lookup("#message").queryAs(Label.class).getStyleClass()).contains("error");
        assertThat(session.cluster().backend().kind()).isEqualTo(BackendKind.SIM);
        assertThat(view.text("#backendIndicator")).isEqualTo(BackendKind.SIM.label());
        assertThat(session.ring()).isSameAs(before);
        assertThat(view.rows()).extracting(ServerRow::name).containsExactly("Server 1", "Server 2", "Server 3");
    }
}
