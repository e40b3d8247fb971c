package dev.ringlab.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.Replica;
import dev.ringlab.ring.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The failure path of the issue: {@code kill -9} of a replica process under a steady request stream is
 * noticed within a second, the server leaves the ring, a replacement with a new name joins, /rep is back
 * to N, and not one client request fails.
 */
class FailoverTest {

    @Test
    void aKilledReplicaIsDetectedReplacedAndCostsTheClientsNothing() throws Exception {
        try (RunningBalancer balancer = RunningBalancer.start(3, true, null)) {
            List<ClusterEvent> events = new CopyOnWriteArrayList<>();
            balancer.cluster.subscribe(events::add);

            AtomicBoolean streaming = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<Thread> clients = List.of(stream(balancer, streaming, sent, failures, 0),
                    stream(balancer, streaming, sent, failures, 1));
            clients.forEach(Thread::start);
            await("the clients are streaming").atMost(Duration.ofSeconds(20)).until(() -> sent.get() >= 40);

            // The victim is the server carrying most of the stream, so the kill lands on live traffic.
            Server victim = balancer.cluster.ring().servers().stream()
                    .max(java.util.Comparator.comparingLong(s -> balancer.endpoint.metrics().requestsOf(s.name())))
                    .orElseThrow();
            Replica replica = balancer.cluster.replicaOf(victim);
            int sentBeforeKill = sent.get();
            long victimAnsweredBeforeKill = balancer.endpoint.metrics().requestsOf(victim.name());
            Instant killedAt = Instant.now();
            Process kill = new ProcessBuilder("kill", "-9", replica.backendId()).start();
            assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(kill.exitValue()).isZero();

            ClusterEvent.MemberUp replacement = awaitReplacement(events, victim, Duration.ofSeconds(20));
            // The stream goes on across the replacement: some requests are sent after it joined.
            int sentAtReplacement = sent.get();
            await("requests after the replacement").atMost(Duration.ofSeconds(20))
                    .until(() -> sent.get() >= sentAtReplacement + 20);
            streaming.set(false);
            for (Thread client : clients) {
                client.join(10_000);
            }

            ClusterEvent.MemberDead dead = events.stream().filter(ClusterEvent.MemberDead.class::isInstance)
                    .map(ClusterEvent.MemberDead.class::cast).filter(e -> e.server().equals(victim)).findFirst().orElseThrow();
            Duration detection = Duration.between(killedAt, dead.at());
            assertThat(detection).isLessThan(Duration.ofSeconds(1));
            assertThat(replacement.member().server().name()).isNotEqualTo(victim.name()).matches("Server \\d+");
            assertThat(balancer.replicas()).hasSize(3).doesNotContain(victim.name())
                    .contains(replacement.member().server().name());
            assertThat(failures).isEmpty();
            assertThat(victimAnsweredBeforeKill).as("the victim carried part of the stream").isPositive();
            assertThat(sent.get()).isGreaterThan(sentBeforeKill).isGreaterThan(50);
            assertThat(ProcessHandle.of(Long.parseLong(replica.backendId())).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            System.out.printf("kill -9 detected after %d ms; %d requests (%s), %d failed, %d retried clockwise%n",
                    detection.toMillis(), sent.get(), sentBeforeKill + " before the kill, " + victimAnsweredBeforeKill + " by the victim", failures.size(), balancer.endpoint.metrics().retries());
        }
    }

    private static Thread stream(RunningBalancer balancer, AtomicBoolean streaming, AtomicInteger sent,
            List<String> failures, int offset) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            java.util.Random keys = new java.util.Random(offset);
            while (streaming.get() && System.nanoTime() < deadline) {
                int key = keys.nextInt(1_000_000);
                HttpRequest request = HttpRequest.newBuilder(URI.create(balancer.endpoint.address() + "/home?key=" + key))
                        .timeout(Duration.ofSeconds(10)).build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                } catch (Exception failure) {
                    failures.add(failure.toString());
                }
                sent.incrementAndGet();
            }
        }, "steady-client-" + offset);
    }

    private static ClusterEvent.MemberUp awaitReplacement(List<ClusterEvent> events, Server victim, Duration timeout) {
        try {
            return await("a replacement for " + victim).atMost(timeout).until(() -> events.stream()
                    .filter(ClusterEvent.MemberUp.class::isInstance).map(ClusterEvent.MemberUp.class::cast)
                    .filter(up -> victim.equals(up.replaces())).findFirst(), java.util.Optional::isPresent).orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException timedOut) {
            throw new AssertionError("no replacement for " + victim + " within " + timeout + "; events: "
                    + events.stream().map(ClusterEvent::describe).toList(), timedOut);
        }
    }
}
