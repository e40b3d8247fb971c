package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the panels' buttons do, without a stage: each action on a real (simulated) cluster, its outcome
 * reaching the view model on the next frames as the window's pump would hand it over.
 */
class LabActionsTest {

    private final LabSession session = new LabSession(new SimBackend(), RingConfig.DEFAULT).start();
    private final BackendChoice backends = new BackendChoice(List.of(BackendKind.SIM, BackendKind.DOCKER), kind -> {
        throw new IllegalStateException("no Docker engine here");
    });
    private final LabViewModel model = new LabViewModel(session.ring(), session::placement,
            new BackendViewModel(BackendKind.SIM, backends.offered()));
    private final LabActions actions = new LabActions(session, backends, model);
    private long now;

    LabActionsTest() {
        actions.start();
    }

    @AfterEach
    void close() {
        actions.stop();
        session.close();
    }

    /** Runs frames, as the pump does, until {@code condition} holds. */
    private void framesUntil(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            now += 300_000_000L;
            actions.frame(now);
            return condition.getAsBoolean();
        });
    }

    @Test
    void addUsesTheTypedNameThenEmptiesTheFieldAndListsTheServer() {
        model.servers().newNameProperty().set("Alpha");

        actions.addServer();

        framesUntil(() -> model.status().messageProperty().get().equals("Added Alpha.")
                && model.servers().rows().stream().anyMatch(row -> row.name().equals("Alpha")));
        assertThat(model.servers().newNameProperty().get()).isEmpty();
        assertThat(model.status().log()).anyMatch(line -> line.contains("Alpha"));
    }

    @Test
    void killAndRemoveWithoutASelectionSayWhereToSelectAndChangeNothing() throws Exception {
        session.add(2).get(5, TimeUnit.SECONDS);

        actions.killServer();
        assertThat(model.status().messageProperty().get()).endsWith("to kill it.");
        actions.removeServer();
        assertThat(model.status().messageProperty().get()).endsWith("to remove it.");

        assertThat(session.ring().size()).isEqualTo(2);
    }

    @Test
    void removingTheSelectedServerTakesItOffTheRingAndTheTable() throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        framesUntil(() -> model.servers().rows().size() == 3);
        model.servers().select("Server 2");

        actions.removeServer();

        framesUntil(() -> model.status().messageProperty().get().equals("Removed Server 2.")
                && model.servers().rows().size() == 2);
        assertThat(model.servers().selectedProperty().get()).isNull();
        assertThat(session.ring().servers()).extracting(s -> s.name()).doesNotContain("Server 2");
    }

    @Test
    void settingsThatDoNotFitAreRefusedAndGoodOnesRebuildTheRing() throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        model.settings().slotsProperty().set(16);

        actions.applySettings();

        assertThat(model.status().messageProperty().get()).isEqualTo("3 servers do not fit on 16 slots with 9 virtual nodes each");
        assertThat(session.ring().config()).isEqualTo(RingConfig.DEFAULT);

        model.settings().slotsProperty().set(1024);
        model.settings().hashProperty().set(RingHash.MURMUR3);
        actions.applySettings();

        framesUntil(() -> model.status().messageProperty().get().startsWith("Ring rebuilt"));
        assertThat(session.ring().config().slots()).isEqualTo(1024);
        framesUntil(() -> model.playback().shownProperty().get().config().slots() == 1024);
    }

    @Test
    void aBackendThatCannotOpenIsOneLineAndTheWindowStaysWhereItWas() throws Exception {
        session.add(2).get(5, TimeUnit.SECONDS);

        actions.switchBackend(BackendKind.DOCKER);
        assertThat(model.backend().switchingProperty().get()).isTrue();
        actions.switchBackend(BackendKind.DOCKER); // a second choice while one switch goes is ignored

        framesUntil(() -> !model.backend().switchingProperty().get());
        assertThat(model.status().messageProperty().get()).isEqualTo("Could not switch to Docker: no Docker engine here");
        assertThat(model.backend().currentProperty().get()).isEqualTo(BackendKind.SIM);
        assertThat(session.ring().size()).isEqualTo(2);
    }

    @Test
    void sendOneSaysWhereTheRequestWentAndTheServedColumnCountsIt() throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);

        actions.sendOne();

        framesUntil(() -> !model.lastRequestProperty().get().isEmpty()
                && model.servers().rows().stream().mapToLong(row -> model.servers().served(row.name())).sum() == 1);
        assertThat(model.lastRequestProperty().get()).matches("key \\d+ → slot \\d+ → Server \\d");
    }

    /** POST /algorithm on the window's balancer switches the route the window shows: the strip and ring follow. */
    @Test
    void anAlgorithmSwitchedThroughTheBalancerIsWhatTheWindowShows() throws Exception {
        try (LabSession served = new LabSession(new SimBackend(), RingConfig.DEFAULT, 0).start()) {
            LabViewModel shown = new LabViewModel(served.ring(), served::placement,
                    new BackendViewModel(BackendKind.SIM, backends.offered()));
            LabActions window = new LabActions(served, backends, shown);
            window.start();
            try {
                served.add(3).get(10, TimeUnit.SECONDS);
                java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(served.balancerAddress() + "/algorithm"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"algorithm\":\"maglev\"}"))
                                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    now += 300_000_000L;
                    window.frame(now);
                    return shown.algorithmProperty().get() == dev.ringlab.ring.algorithm.Algorithm.MAGLEV;
                });
                assertThat(shown.status().log()).anyMatch(line -> line.contains("placement: maglev"));
            } finally {
                window.stop();
            }
        }
    }
}
