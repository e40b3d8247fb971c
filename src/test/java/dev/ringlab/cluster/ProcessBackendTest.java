package dev.ringlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.replica.ReplicaServer;
import dev.ringlab.ring.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real child processes on loopback: start, answer, kill, stop, and the reaping of leftovers. */
class ProcessBackendTest {

    @Test
    void aReplicaProcessAnswersOnLoopbackAndStopsGracefully() throws Exception {
        try (ProcessBackend backend = new ProcessBackend(Duration.ofMillis(200))) {
            Replica replica = backend.start(new Server(1, "Server 1"));

            assertThat(replica.address().getHost()).isEqualTo("127.0.0.1");
            ReplicaReply home = backend.client().get(replica, "/home");
            assertThat(home.status()).isEqualTo(200);
            assertThat(home.bodyText()).isEqualTo("{\"message\":\"Hello from Server: Server 1\",\"status\":\"successful\"}");
            assertThat(backend.heartbeat(replica)).isTrue();
            assertThat(backend.client().get(replica, "/nope").status()).isEqualTo(404);
            ProcessHandle process = ProcessHandle.of(Long.parseLong(replica.backendId())).orElseThrow();
            assertThat(process.info().arguments().orElseThrow())
                    .contains("-D" + ProcessBackend.RUN_PROPERTY + "=" + backend.runId());

            backend.stop(replica);

            assertThat(process.isAlive()).isFalse();
            assertThat(backend.list()).isEmpty();
        }
    }

    @Test
    void aKilledReplicaMissesItsHeartbeatAtOnceAndCloseEndsTheRest() throws Exception {
        ProcessBackend backend = new ProcessBackend(Duration.ofMillis(200));
        Replica first = backend.start(new Server(1, "A"));
        Replica second = backend.start(new Server(2, "B"));
        assertThat(backend.list()).extracting(Replica::server).extracting(Server::name).containsExactlyInAnyOrder("A", "B");

        awaitHeartbeat(backend, second); // start() returns once the process exists, not once it answers

        backend.kill(first);
        ProcessHandle.of(Long.parseLong(first.backendId())).ifPresent(p -> p.onExit().join());

        assertThat(backend.heartbeat(first)).isFalse();
        assertThat(backend.heartbeat(second)).isTrue();
        assertThat(backend.list()).extracting(Replica::server).extracting(Server::name).containsExactly("B");
        assertThatUnreachable(backend, first);

        backend.close();
        assertThat(ProcessBackend.processesOfRun(backend.runId())).isEmpty();
    }

    @Test
    void leftoversOfAGoneRingLabAreEndedAndThoseOfALiveOneAreNot() throws Exception {
        // A stand-in for a RingLab that was kill -9'd: a process that has ended, whose pid is recorded.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        String run = "reap-" + UUID.randomUUID().toString().substring(0, 8);
        Process orphan = replicaMarked(run, gone.pid() + "@" + gone.info().startInstant().map(i -> i.toEpochMilli()).orElse(1L));
        Process ofLiveRun = replicaMarked(run, ProcessHandle.current().pid() + "@"
                + ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli());
        try {
            awaitListening(orphan);
            awaitListening(ofLiveRun);

            int reaped = ProcessBackend.reapLeftovers();

            assertThat(reaped).isGreaterThanOrEqualTo(1);
            assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ofLiveRun.isAlive()).isTrue();
        } finally {
            orphan.destroyForcibly();
            ofLiveRun.destroyForcibly();
        }
    }

    private static void awaitHeartbeat(ProcessBackend backend, Replica replica) {
        await("a heartbeat from " + replica).atMost(Duration.ofSeconds(10)).until(() -> backend.heartbeat(replica));
    }

    private static void assertThatUnreachable(ProcessBackend backend, Replica replica) {
        try {
            backend.client().get(replica, "/home");
            throw new AssertionError("a killed replica answered");
        } catch (ReplicaUnreachableException expected) {
            assertThat(expected.getMessage()).contains("did not answer");
        }
    }

    /** A replica process marked as a RingLab child, but without the exit-with watchdog, as an old version left it. */
    private static Process replicaMarked(String run, String parentMark) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classes = Path.of(ReplicaServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx32m", "-XX:+UseSerialGC",
                "-D" + ProcessBackend.RUN_PROPERTY + "=" + run, "-D" + ProcessBackend.PARENT_PROPERTY + "=" + parentMark,
                "-cp", classes, ReplicaServer.class.getName(), "leftover", "0"));
        builder.environment().put("BIND", "127.0.0.1");
        return builder.redirectErrorStream(true).start();
    }

    private static void awaitListening(Process process) throws IOException {
        byte[] line = new byte[200];
        int read = process.getInputStream().read(line);
        assertThat(new String(line, 0, Math.max(read, 0))).contains("listening on");
    }
}
