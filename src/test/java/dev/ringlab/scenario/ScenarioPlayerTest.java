package dev.ringlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a run, or a step that cannot be played, leaves nothing running. */
class ScenarioPlayerTest {

    @Test
    void stoppingARunMidStepStopsEveryReplicaItStarted(@TempDir Path out) throws Exception {
        Scenario scenario = new ScenarioReader().read("long.yaml", """
                title: A long wait
                seed: 1
                servers: 3
                steps:
                  - send: 50
                  - wait: 5m
                  - send: 50
                """);
        CountDownLatch waiting = new CountDownLatch(1);
        ScenarioPlayer player = new ScenarioPlayer(scenario, Labs.processes(), "process", out, 1, new ScenarioPlayer.Listener() {
            @Override
            public void stepStarted(Step step) {
                if (step.action() instanceof Action.Wait) {
                    waiting.countDown();
                }
            }
        });
        CompletableFuture<ScenarioRun> playing = CompletableFuture.supplyAsync(() -> {
            try {
                return player.play();
            } catch (java.io.IOException failure) {
                throw new java.io.UncheckedIOException(failure);
            }
        });
        assertThat(waiting.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Labs.replicasStillRunning()).hasSize(3);

        player.stop();
        ScenarioRun run = playing.get(30, TimeUnit.SECONDS);

        assertThat(run.error()).startsWith("interrupted");
        assertThat(run.outcomes()).hasSize(1);
        assertThat(run.passed()).isFalse();
        assertThat(Labs.replicasStillRunning()).isEmpty();
    }

    /** A slowed server answers every request late; a frozen one answers none, and is replaced like a dead one. */
    @Test
    void slowAndFreezeReachTheServersAndClearTakesTheSlownessAway(@TempDir Path out) throws Exception {
        Scenario scenario = new ScenarioReader().read("gray.yaml", """
                title: Gray
                seed: 5
                ring: {hash: murmur3}
                servers: 2
                steps:
                  - slow: {server: Server 1, latency_ms: 40}
                  - send: 20
                  - clear: Server 1
                  - send: 20
                  - freeze: Server 2
                  - send: 20
                  - wait: {until: replaced, server: Server 2, timeout: 20s}
                """);

        ScenarioRun run = Labs.play(scenario, Labs.simulation(), "sim", out);

        assertThat(run.error()).isNull();
        Map<String, Double> slow = run.outcomes().get(1).metrics();
        Map<String, Double> cleared = run.outcomes().get(3).metrics();
        Map<String, Double> frozen = run.outcomes().get(5).metrics();
        assertThat(slow.get("max_ms")).isGreaterThanOrEqualTo(40);
        assertThat(cleared.get("max_ms")).isLessThan(40);
        // Server 2's requests went on to Server 1 (retried), unless its death was already noticed.
        assertThat(frozen.get("failed")).isZero();
        assertThat(frozen.get("ok")).isEqualTo(20);
        assertThat(run.timeline()).anySatisfy(entry -> assertThat(entry.detail()).isEqualTo("Server 2: frozen"))
                .anySatisfy(entry -> assertThat(entry.detail()).startsWith("Server 2 declared dead"));
        assertThat(run.outcomes().get(5).timingNotes()).anySatisfy(note -> assertThat(note).contains("frozen server"));
    }

    /** Under hold no replacement can join during a wait, so the handout does not call the server count luck. */
    @Test
    void underHoldTheServersAfterAWaitDoNotDependOnTiming(@TempDir Path out) throws Exception {
        Scenario scenario = new ScenarioReader().read("held.yaml", """
                title: Held
                seed: 5
                servers: 3
                steps:
                  - replacement: hold
                  - kill: Server 2
                  - wait: {until: detected, server: Server 2, timeout: 10s}
                    expect: {servers: 2}
                  - replacement: release
                  - kill: Server 1
                  - wait: {until: detected, server: Server 1, timeout: 10s}
                """);

        ScenarioRun run = Labs.play(scenario, Labs.simulation(), "sim", out);

        assertThat(run.error()).isNull();
        assertThat(run.outcomes().get(2).timingNotes()).noneSatisfy(note -> assertThat(note).startsWith("servers:"));
        assertThat(run.outcomes().get(5).timingNotes()).anySatisfy(note -> assertThat(note).startsWith("servers:"));
    }

    @Test
    void aStepThatCannotBePlayedEndsTheRunAndSaysWhy(@TempDir Path out) throws Exception {
        // Replacement is not waited for here, so the predicted name is fine for the file but wrong in the lab.
        Scenario scenario = new ScenarioReader().read("late.yaml", """
                title: Too impatient
                seed: 1
                servers: 2
                steps:
                  - kill: Server 1
                  - wait: {until: replaced, server: Server 1, timeout: 1ms}
                  - send: 10
                """);

        ScenarioRun run = Labs.play(scenario, Labs.simulation(), "sim", out);

        assertThat(run.error()).isEqualTo("step 2 (wait) could not be played: Server 1 was not replaced within 1ms");
        assertThat(run.outcomes()).hasSize(2);
        assertThat(run.passed()).isFalse();
        assertThat(Duration.ofMillis((long) run.elapsedMillis())).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aPausedRunPlaysOneStepPerStepAndAllOnPlay(@TempDir Path out) throws Exception {
        Scenario scenario = new ScenarioReader().read("steps.yaml", """
                title: Step by step
                seed: 1
                servers: 3
                steps:
                  - send: 20
                  - add: 1
                  - send: 20
                  - remove: 1
                """);
        java.util.concurrent.BlockingQueue<Integer> ended = new java.util.concurrent.LinkedBlockingQueue<>();
        StepGate gate = StepGate.paused();
        java.util.concurrent.BlockingQueue<String> startedAs = new java.util.concurrent.LinkedBlockingQueue<>();
        ScenarioPlayer player = new ScenarioPlayer(scenario, Labs.simulation(), "sim", out, 1, new ScenarioPlayer.Listener() {
            @Override
            public void started(String what) {
                startedAs.add(what);
            }

            @Override
            public void stepEnded(StepOutcome outcome) {
                ended.add(outcome.step().number());
            }
        }, gate);
        CompletableFuture<ScenarioRun> playing = CompletableFuture.supplyAsync(() -> {
            try {
                return player.play();
            } catch (java.io.IOException failure) {
                throw new java.io.UncheckedIOException(failure);
            }
        });

        // Paused: nothing starts until Step; the first sets the lesson's start up and shows it, and each
        // Step after it lets exactly one step through.
        assertThat(ended.poll(300, TimeUnit.MILLISECONDS)).isNull();
        gate.step();
        assertThat(startedAs.poll(30, TimeUnit.SECONDS)).startsWith("3 servers, assignment hash, 512 slots");
        assertThat(ended.poll(300, TimeUnit.MILLISECONDS)).as("step 1 waits for the next Step").isNull();
        gate.step();
        assertThat(ended.poll(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(ended.poll(300, TimeUnit.MILLISECONDS)).isNull();
        gate.step();
        assertThat(ended.poll(30, TimeUnit.SECONDS)).isEqualTo(2);
        gate.play();
        ScenarioRun run = playing.get(30, TimeUnit.SECONDS);

        assertThat(ended).containsExactly(3, 4);
        assertThat(run.passed()).isTrue();
        assertThat(run.outcomes().get(3).metrics().get("servers")).isEqualTo(3.0);
    }

    @Test
    void stoppingAPausedRunEndsIt(@TempDir Path out) throws Exception {
        Scenario scenario = new ScenarioReader().read("paused.yaml", "title: t\nseed: 1\nservers: 2\nsteps:\n  - send: 5\n");
        StepGate gate = StepGate.paused();
        ScenarioPlayer player = new ScenarioPlayer(scenario, Labs.simulation(), "sim", out, 1,
                ScenarioPlayer.Listener.NONE, gate);
        CompletableFuture<ScenarioRun> playing = CompletableFuture.supplyAsync(() -> {
            try {
                return player.play();
            } catch (java.io.IOException failure) {
                throw new java.io.UncheckedIOException(failure);
            }
        });
        // Stop a run that is paused at its first step, not one that has not begun.
        await("the run is paused at its first step").atMost(Duration.ofSeconds(30)).until(gate::waiting);

        player.stop();

        assertThat(playing.get(30, TimeUnit.SECONDS).error()).startsWith("interrupted");
    }
}
