package dev.ringlab.cluster;

import dev.ringlab.balancer.BalancerEndpoint;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A running lab under fire, for the chaos and recovery tests of both backends: a cluster with its
 * health monitor behind the real HTTP balancer, clients sending {@code /home} through it all the
 * time, and faults dealt from outside (the OS or the docker CLI kills replicas, as a person would)
 * or through the API ({@code add}, {@code remove}). It counts every failed request, and whether a
 * live server was on the ring all the while it was under way (a request that spans the moment the
 * last live server was killed may fail; any other may not).
 */
public final class ChaosRun implements AutoCloseable {

    /** How the test reaches the replicas from outside RingLab: the OS for processes, the docker CLI for containers. */
    public interface Outside {

        /** Backend ids (pids, full container ids) of this run's replicas that run now, starting ones included. */
        List<String> running();

        /** Ends one at once (SIGKILL, {@code docker kill}). */
        void kill(String id);
    }

    /** One chaos run's outcome. */
    public record Outcome(long seed, int faults, long requests, List<String> failedWhileAServerLived,
                          long failedWithNoServer, Duration lastFaultToFullSize, int desired, List<String> log) {
    }

    private final Cluster cluster;
    private final HealthMonitor monitor;
    private final BalancerEndpoint balancer;
    private final Outside outside;
    private final Set<String> killed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failedWithNoServer = new AtomicLong();
    /** {@link System#nanoTime()} when no server on the ring last had a live replica (all killed, some undetected). */
    private final AtomicLong lastNoLiveServer = new AtomicLong(System.nanoTime() - TimeUnit.DAYS.toNanos(1));
    private final List<String> failedWhileAServerLived = new CopyOnWriteArrayList<>();
    private final List<Thread> clients = new ArrayList<>();
    private final ExecutorService adders = Executors.newCachedThreadPool();
    private final List<String> log = new CopyOnWriteArrayList<>();

    /** Starts {@code servers} servers on {@code backend} behind a balancer on a free loopback port, and two clients. */
    public ChaosRun(Backend backend, Outside outside, int servers) throws Exception {
        this.outside = outside;
        this.cluster = new Cluster(backend, RingConfig.DEFAULT);
        this.monitor = new HealthMonitor(cluster, HealthMonitor.DEFAULT_INTERVAL, HealthMonitor.DEFAULT_MISSES);
        cluster.subscribe(event -> log.add(event.at() + " " + event.describe()));
        cluster.add(servers, List.of());
        monitor.start();
        this.balancer = BalancerEndpoint.start(cluster, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null, 4);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Thread watch = new Thread(this::watchForNoLiveServer, "chaos-watch");
        watch.setDaemon(true);
        clients.add(watch);
        watch.start();
        for (int c = 0; c < 2; c++) {
            int first = c;
            Thread client = new Thread(() -> send(http, first), "chaos-client-" + c);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
    }

    public Cluster cluster() {
        return cluster;
    }

    private void send(HttpClient http, int first) {
        for (long key = first; sending.get(); key += 2) {
            long began = System.nanoTime();
            boolean livedBefore = aServerLives();
            String failure = null;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(balancer.address() + "/home?key=" + key)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains("Hello from Server")) {
                    failure = response.statusCode() + " " + response.body();
                }
            } catch (Exception broken) {
                failure = broken.toString();
            }
            requests.incrementAndGet();
            if (failure != null) {
                if (livedBefore && aServerLives() && lastNoLiveServer.get() - began < 0) {
                    failedWhileAServerLived.add(failure);
                } else {
                    failedWithNoServer.incrementAndGet();
                    pause(5); // an empty ring answers at once; no need to count thousands of 503s
                }
            }
        }
    }

    /** Notes the moments when no server on the ring had a live replica, however short, for {@link #send}. */
    private void watchForNoLiveServer() {
        while (sending.get()) {
            noteIfNoLiveServer();
            pause(2);
        }
    }

    private void noteIfNoLiveServer() {
        if (!aServerLives()) {
            lastNoLiveServer.set(System.nanoTime());
        }
    }

    /** Whether a server on the ring has a replica this test has not killed. */
    private boolean aServerLives() {
        for (Server server : cluster.ring().servers()) {
            Replica replica = cluster.replicaOf(server);
            if (replica != null && !killed.contains(replica.backendId())) {
                return true;
            }
        }
        return false;
    }

    /** Kills one replica from outside: a random running one, or when asked one that is still starting. */
    public boolean killOne(Random random, boolean preferStarting) {
        List<String> running = outside.running();
        List<String> starting = running.stream().filter(id -> !onRing(id)).toList();
        List<String> pool = preferStarting && !starting.isEmpty() ? starting : running;
        if (pool.isEmpty()) {
            return false;
        }
        kill(pool.get(random.nextInt(pool.size())));
        return true;
    }

    /** Kills one replica that is still starting (not on the ring yet); false when none is. */
    public boolean killStarting(Random random) {
        List<String> starting = outside.running().stream().filter(id -> !onRing(id)).toList();
        if (starting.isEmpty()) {
            return false;
        }
        kill(starting.get(random.nextInt(starting.size())));
        return true;
    }

    /** Kills every running replica of the run from outside. */
    public int killAll() {
        List<String> running = outside.running();
        running.forEach(this::kill);
        return running.size();
    }

    /** Kills the replica of the server named, as {@code docker kill} or {@code kill -9} would. */
    public void kill(Server server) {
        Replica replica = cluster.member(server.name()).map(Member::replica).orElseThrow();
        kill(replica.backendId());
    }

    private void kill(String id) {
        killed.add(id);
        noteIfNoLiveServer();
        log.add("chaos: kill " + id);
        outside.kill(id);
    }

    private boolean onRing(String id) {
        return cluster.ring().servers().stream().map(cluster::replicaOf)
                .anyMatch(replica -> replica != null && replica.backendId().equals(id));
    }

    /** Waits until a replica that is not on the ring yet is running (a replacement starting); false after {@code within}. */
    public boolean awaitStarting(Duration within) {
        return await(() -> outside.running().stream().anyMatch(id -> !onRing(id)), within);
    }

    /**
     * Runs {@code faults} random faults, {@code gap} apart on average: kills (a third of them aimed at
     * replicas that are starting), one kill of every server, removals and additions through the API.
     * Returns how long the cluster took from the last fault back to its desired size, every server up.
     */
    public Outcome chaos(long seed, int faults, Duration gap, int maxServers, Duration bound) {
        Random random = new Random(seed);
        int killAllAt = faults / 2;
        for (int fault = 0; fault < faults; fault++) {
            int kind = fault == killAllAt ? -1 : random.nextInt(10);
            if (kind == -1) {
                log.add("chaos: kill all " + killAll());
            } else if (kind < 4) {
                killOne(random, false);
            } else if (kind < 7) {
                awaitStarting(Duration.ofMillis(500));
                killOne(random, true);
            } else if (kind < 8 && cluster.ring().size() >= 2) {
                try {
                    log.add("chaos: remove " + cluster.remove(1, List.of()));
                    noteIfNoLiveServer();
                } catch (ClusterException refused) {
                    log.add("chaos: remove refused: " + refused.getMessage());
                }
            } else if (cluster.desiredSize() < maxServers) {
                adders.execute(() -> {
                    try {
                        log.add("chaos: add " + cluster.add(1, List.of()));
                    } catch (ClusterException failed) {
                        log.add("chaos: add failed: " + failed.getMessage());
                    }
                });
            }
            pause(gap.toMillis() / 2 + random.nextLong(gap.toMillis() + 1));
        }
        long lastFault = System.nanoTime();
        adders.shutdown();
        try {
            adders.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        boolean full = awaitFullSize(bound);
        Duration recovery = Duration.ofNanos(System.nanoTime() - lastFault);
        return new Outcome(seed, faults, requests.get(), List.copyOf(failedWhileAServerLived), failedWithNoServer.get(),
                full ? recovery : null, cluster.desiredSize(), List.copyOf(log));
    }

    /** Waits until the cluster has its desired size with every server up and nothing owed; false after {@code bound}. */
    public boolean awaitFullSize(Duration bound) {
        return await(this::atFullSize, bound);
    }

    public boolean atFullSize() {
        List<Member> members = cluster.members();
        int desired = cluster.desiredSize();
        return members.size() == desired && cluster.ring().size() == desired
                && members.stream().allMatch(m -> m.state() == MemberState.UP);
    }

    public long requests() {
        return requests.get();
    }

    public List<String> failedWhileAServerLived() {
        return List.copyOf(failedWhileAServerLived);
    }

    public List<String> log() {
        return List.copyOf(log);
    }

    /** Issue 11's cases, each {@code rounds} times: 1, 2 and all 3 killed, and five kills 0.3 s apart; one line of figures each. */
    public List<String> recoveryFigures(int rounds) {
        Random random = new Random();
        return List.of(
                recovery("1 killed", rounds, () -> killOne(random, false)),
                recovery("2 killed", rounds, () -> {
                    killOne(random, false);
                    killOne(random, false);
                }),
                recovery("all 3 killed", rounds, this::killAll),
                recovery("5 kills 0.3 s apart", rounds, this::fiveKills));
    }

    /** Five kills of random running replicas, 0.3 s apart, as in issue 11. */
    public void fiveKills() {
        Random random = new Random();
        for (int i = 0; i < 5; i++) {
            killOne(random, false);
            if (i < 4) {
                pause(300);
            }
        }
    }

    /** Runs {@code fault} {@code rounds} times from a full cluster; says how long it took back to full size (min/median/max). */
    public String recovery(String what, int rounds, Runnable fault) {
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (!awaitFullSize(Duration.ofSeconds(60))) {
                throw new AssertionError("not at full size before " + what + ": " + log());
            }
            long began = System.nanoTime();
            fault.run();
            await(() -> !atFullSize(), Duration.ofSeconds(2));
            if (!awaitFullSize(Duration.ofSeconds(120))) {
                throw new AssertionError(what + ": not back to full size: " + log());
            }
            millis.add((System.nanoTime() - began) / 1_000_000);
        }
        java.util.Collections.sort(millis);
        return String.format("%s: min %d ms, median %d ms, max %d ms over %d", what, millis.get(0),
                millis.get(millis.size() / 2), millis.get(millis.size() - 1), millis.size());
    }

    /** Waits on a condition with Awaitility, polling every 20 ms; false when {@code within} passed first. */
    public static boolean await(BooleanSupplier condition, Duration within) {
        try {
            org.awaitility.Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(20))
                    .until(condition::getAsBoolean);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException timedOut) {
            return false;
        }
    }

    private static void pause(long millis) {
        dev.ringlab.testing.ClientPace.pause(millis);
    }

    @Override
    public void close() throws InterruptedException {
        sending.set(false);
        for (Thread client : clients) {
            client.join(15_000);
        }
        adders.shutdownNow();
        balancer.close();
        monitor.close();
        cluster.close();
    }
}
