package dev.ringlab.ui;

import static org.awaitility.Awaitility.await;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.LiveTally;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The window without a stage, for lesson tests: a session on the simulation with its three servers, the
 * view model and the actions fed frame by frame as the window's pump does, and a lesson panel playing
 * over the window's own cluster.
 */
final class SimulatedWindow implements AutoCloseable {

    final LabSession session = new LabSession(new SimBackend(), RingConfig.DEFAULT, 0).start();
    private final BackendChoice backends = new BackendChoice(List.of(BackendKind.SIM), kind -> {
        throw new IllegalStateException("only the simulation here");
    });
    final LabViewModel window = new LabViewModel(session.ring(), session::placement,
            new BackendViewModel(BackendKind.SIM, backends.offered()));
    final LabActions actions = new LabActions(session, backends, window);
    private long now;

    SimulatedWindow() throws Exception {
        this(3);
    }

    /** A window opened with {@code servers} servers ({@code --servers}); 0 opens an empty ring. */
    SimulatedWindow(int servers) throws Exception {
        actions.start();
        if (servers > 0) {
            session.add(servers).get(10, TimeUnit.SECONDS); // as the window opens
        }
    }

    /** The lesson panel, playing over the window's cluster and writing its handouts to {@code handouts}. */
    ScenarioPanelViewModel lessons(Path handouts) {
        return new ScenarioPanelViewModel(WindowTestbed.factory(session, new LiveTally()), () -> "sim",
                Runnable::run, handouts, playing -> { });
    }

    /** The first Step of a lesson: its declared servers and ring set up and on show, before step 1. */
    static void startLesson(ScenarioPanelViewModel lesson) {
        lesson.step();
        await().atMost(Duration.ofSeconds(60)).until(() -> lesson.headingProperty().get().startsWith("The lesson's start")
                && !lesson.steppingProperty().get());
    }

    List<String> servers() {
        return session.ring().servers().stream().map(Server::name).toList();
    }

    /** Runs frames, as the window's pump does, until {@code condition} holds. */
    void framesUntil(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            now += 300_000_000L;
            actions.frame(now);
            return condition.getAsBoolean();
        });
    }

    @Override
    public void close() {
        actions.stop();
        session.close();
    }
}
