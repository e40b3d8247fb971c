package dev.ringlab.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ReplicaClient;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.JumpPlacement;
import dev.ringlab.ring.algorithm.Placement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The dispatcher routing by each algorithm over simulated replicas, following the cluster and switching live. */
class LivePlacementTest {

    private static final RingConfig RING = new RingConfig(4096, 9, RingHash.MURMUR3, Probing.LINEAR);

    private final SimBackend backend = new SimBackend();
    private final Cluster cluster = new Cluster(backend, RING);

    @AfterEach
    void close() {
        cluster.close();
    }

    private static String answerer(Dispatch dispatch) {
        String body = dispatch.reply().bodyText();
        return body.substring(body.indexOf("Server: ") + "Server: ".length(), body.indexOf('"', body.indexOf("Server: ")));
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void everyRequestIsAnsweredByTheServerTheAlgorithmChooses(Algorithm algorithm) {
        cluster.add(5, List.of());
        Dispatcher dispatcher = new Dispatcher(cluster, backend.client(),
                new LivePlacement(cluster, algorithm, 251, 1.25));
        assertThat(dispatcher.placement().algorithm()).isEqualTo(algorithm);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 500; i++) {
            long key = random.nextLong();
            Server expected = dispatcher.placement().current().route(key);
            Dispatch dispatch = dispatcher.dispatch(key, "/home");
            assertThat(dispatch.answered()).isTrue();
            assertThat(dispatch.server()).isEqualTo(expected);
            assertThat(answerer(dispatch)).isEqualTo(expected.name());
        }
        if (algorithm == Algorithm.BOUNDED) {
            assertThat(dispatcher.placement().current().acquire(1)).isNotNull();
        }
    }

    @Test
    void followsTheClusterKeepingJumpsBucketOrder() {
        cluster.add(5, List.of());
        LivePlacement live = new LivePlacement(cluster, Algorithm.JUMP, 251, 1.25);
        List<Server> servers = cluster.ring().servers();
        cluster.remove(1, List.of(servers.get(1).name()));
        JumpPlacement after = (JumpPlacement) live.current();
        // the last server took the freed bucket 1, as JumpPlacement.withoutServer defines
        assertThat(after.bucketOrder()).containsExactly(servers.get(0), servers.get(4), servers.get(2), servers.get(3));
        cluster.add(1, List.of("S9"));
        assertThat(((JumpPlacement) live.current()).bucketOrder()).hasSize(5).last()
                .extracting(Server::name).isEqualTo("S9");
    }

    @Test
    void aKilledReplicaIsSkippedForTheAlgorithmsNextChoice() {
        cluster.setReplaceDead(false);
        cluster.add(4, List.of());
        Dispatcher dispatcher = new Dispatcher(cluster, backend.client(), new LivePlacement(cluster, Algorithm.RENDEZVOUS, 251, 1.25));
        long key = 12345;
        Placement placement = dispatcher.placement().current();
        Server owner = placement.route(key);
        cluster.kill(owner.name());
        Dispatch dispatch = dispatcher.dispatch(key, "/home");
        assertThat(dispatch.answered()).isTrue();
        assertThat(dispatch.server()).isEqualTo(placement.preferenceOrder(key).get(1));
        assertThat(dispatch.attempts()).isEqualTo(2);
    }

    /** Switching algorithms and changing membership while four threads send requests: every request is answered. */
    @Test
    void switchingIsSafeUnderTraffic() throws Exception {
        cluster.add(6, List.of());
        Dispatcher dispatcher = new Dispatcher(cluster, backend.client());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        Map<Algorithm, Integer> seen = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> senders = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                long seed = t;
                senders.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    while (running.get()) {
                        Dispatch dispatch = dispatcher.dispatch(random.nextLong(), "/home");
                        if (!dispatch.answered()) {
                            throw new AssertionError("unanswered: " + dispatch);
                        }
                        seen.merge(dispatcher.placement().algorithm(), 1, Integer::sum);
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            Algorithm[] algorithms = Algorithm.values();
            for (int round = 0; round < 40; round++) {
                dispatcher.placement().use(algorithms[round % algorithms.length]);
                if (round % 8 == 3) {
                    cluster.add(1, List.of("Extra" + round));
                } else if (round % 8 == 7) {
                    cluster.remove(1, List.of("Extra" + (round - 4)));
                }
                // the next change only once requests were routed under this one
                int before = answered.get();
                await().atMost(Duration.ofSeconds(10)).until(() -> answered.get() > before);
            }
        } finally {
            running.set(false);
        }
        for (Future<?> sender : senders) {
            sender.get(30, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        assertThat(answered.get()).isPositive();
        assertThat(seen.keySet()).containsExactlyInAnyOrder(Algorithm.values());
        // after the switches, routing follows the last algorithm over the cluster's current servers
        Placement last = dispatcher.placement().current();
        assertThat(last.algorithm()).isEqualTo(algorithms()[39 % 5]);
        assertThat(last.servers()).containsExactlyInAnyOrderElementsOf(cluster.ring().servers());
    }

    private static Algorithm[] algorithms() {
        return Algorithm.values();
    }

    /** Requests held in flight at the replicas: bounded loads spreads even one hot key within c times the average. */
    @Test
    void boundedLoadsCountsRequestsInFlightAroundTheForward() throws Exception {
        cluster.add(4, List.of());
        CountDownLatch arrived = new CountDownLatch(40);
        CountDownLatch release = new CountDownLatch(1);
        ReplicaClient slow = (replica, path) -> {
            arrived.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return backend.client().get(replica, path);
        };
        LivePlacement live = new LivePlacement(cluster, Algorithm.BOUNDED, 251, 1.25);
        Dispatcher dispatcher = new Dispatcher(cluster, slow, live);
        Map<Server, Integer> perServer = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<Dispatch>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sent.add(pool.submit(() -> dispatcher.dispatch(42, "/home")));
            }
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
            var bounded = (dev.ringlab.ring.algorithm.BoundedLoadPlacement) live.current();
            assertThat(bounded.load().total()).isEqualTo(40);
            for (Server server : cluster.ring().servers()) {
                assertThat(bounded.load().of(server)).isLessThanOrEqualTo(13); // ceil(1.25 * 40 / 4)
            }
            release.countDown();
            for (Future<Dispatch> future : sent) {
                Dispatch dispatch = future.get(30, TimeUnit.SECONDS);
                assertThat(dispatch.answered()).isTrue();
                perServer.merge(dispatch.server(), 1, Integer::sum);
            }
            assertThat(perServer.size()).as("one hot key spread over several servers").isGreaterThanOrEqualTo(4);
            assertThat(bounded.load().total()).as("all released").isZero();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
