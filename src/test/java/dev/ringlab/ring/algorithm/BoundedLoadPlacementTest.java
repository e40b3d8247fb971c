package dev.ringlab.ring.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.Server;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedLoadPlacementTest {

    private static final RingConfig RING = new RingConfig(4096, 9, RingHash.MURMUR3, Probing.LINEAR);
    private final List<Server> servers = Keys.servers(10);

    private BoundedLoadPlacement bounded(double c) {
        BoundedLoadPlacement placement = BoundedLoadPlacement.empty(RING, c);
        for (Server server : servers) {
            placement = placement.withServer(server);
        }
        return placement;
    }

    @Test
    void noServerEverHoldsMoreThanCTimesTheAverage() {
        for (double c : new double[] {1.05, 1.25, 2.0}) {
            BoundedLoadPlacement placement = bounded(c);
            long[] keys = Keys.random(20_000, 41);
            for (int m = 0; m < keys.length; m++) {
                placement.acquire(keys[m]);
                long bound = (long) Math.ceil(c * (m + 1) / servers.size());
                for (Server server : servers) {
                    assertThat(placement.load().of(server)).isLessThanOrEqualTo((int) bound);
                }
            }
        }
    }

    @Test
    void oneHotKeySpreadsOverTheRingInsteadOfBuryingOneServer() {
        BoundedLoadPlacement placement = bounded(1.25);
        for (int i = 0; i < 1000; i++) {
            placement.acquire(42);
        }
        for (Server server : servers) {
            assertThat(placement.load().of(server)).isLessThanOrEqualTo(125);
        }
        assertThat(placement.load().total()).isEqualTo(1000);
    }

    @Test
    void whenLoadIsLowAKeyGoesToItsRingOwner() {
        BoundedLoadPlacement placement = bounded(1.25);
        RingPlacement ring = new RingPlacement(placement.snapshot());
        for (long key : Keys.random(1000, 43)) {
            Server chosen = placement.acquire(key);
            assertThat(chosen).isEqualTo(ring.route(key));
            placement.release(chosen);
        }
        assertThat(placement.load().total()).isZero();
    }

    @Test
    void withReleasesTheChosenServerIsWithinTheBoundWhenAdmitted() {
        BoundedLoadPlacement placement = bounded(1.25);
        SplittableRandom random = new SplittableRandom(47);
        Deque<Server> inFlight = new ArrayDeque<>();
        for (int step = 0; step < 50_000; step++) {
            if (!inFlight.isEmpty() && random.nextInt(3) == 0) {
                placement.release(random.nextBoolean() ? inFlight.pollFirst() : inFlight.pollLast());
            } else {
                long capacity = placement.capacity();
                Server chosen = placement.acquire(random.nextLong());
                inFlight.add(chosen);
                assertThat((long) placement.load().of(chosen)).isLessThanOrEqualTo(capacity);
            }
        }
    }

    @Test
    void inFlightCountsSurviveMembershipChanges() {
        BoundedLoadPlacement placement = bounded(1.25);
        Server chosen = placement.acquire(7);
        BoundedLoadPlacement grown = placement.withServer(new Server(11, "Server 11"));
        assertThat(grown.load().of(chosen)).isEqualTo(1);
        grown.release(chosen);
        assertThat(placement.load().total()).isZero();
        grown.release(chosen);
        assertThat(placement.load().total()).as("a stray release never goes negative").isZero();
    }

    @Test
    void concurrentAcquiresKeepTheBound() throws Exception {
        BoundedLoadPlacement placement = bounded(1.25);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long[] keys = Keys.random(10_000, 100 + t);
                done.add(pool.submit(() -> {
                    for (long key : keys) {
                        placement.acquire(key);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(placement.load().total()).isEqualTo(40_000);
        for (Server server : servers) {
            assertThat(placement.load().of(server)).isLessThanOrEqualTo(5000);
        }
    }

    @Test
    void refusesALoadFactorOfOneOrLess() {
        assertThatThrownBy(() -> BoundedLoadPlacement.empty(RING, 1.0)).hasMessageContaining("above 1");
        assertThatThrownBy(() -> BoundedLoadPlacement.empty(RING, Double.NaN)).hasMessageContaining("above 1");
    }
}
