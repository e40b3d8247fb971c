package dev.ringlab.ring.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** What weights promise: weight 1 is the placement of old, and heavier servers carry more in proportion. */
class WeightProperties {

    private static final RingConfig RING = new RingConfig(4096, 9, RingHash.MURMUR3, Probing.LINEAR);
    private static final PlacementSettings SETTINGS = new PlacementSettings(RING, 65_537, 1.25);

    @Property(tries = 100)
    void aRingGivesEachServerVirtualNodesInProportionToItsWeight(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 5) Integer> weights) {
        RingSnapshot ring = RingSnapshot.of(RING, weighted(weights));
        for (Server server : ring.servers()) {
            assertThat(ring.virtualNodesOf(server)).hasSize(9 * server.weight());
        }
        assertThat(ring.freeSlots()).isEqualTo(4096 - 9 * weights.stream().mapToInt(Integer::intValue).sum());
    }

    @Property(tries = 60)
    void weightOneRoutesEveryKeyAsBefore(@ForAll Algorithm algorithm, @ForAll @IntRange(min = 1, max = 12) int count) {
        List<Server> plain = Keys.servers(count);
        List<Server> explicit = plain.stream().map(server -> new Server(server.id(), server.name(), 1)).toList();
        Placement before = algorithm.of(SETTINGS, plain);
        Placement after = algorithm.of(SETTINGS, explicit);
        for (long key : Keys.random(500, count)) {
            assertThat(after.route(key)).isEqualTo(before.route(key));
            assertThat(after.preferenceOrder(key)).isEqualTo(before.preferenceOrder(key));
        }
    }

    @Property(tries = 20)
    void maglevAndRendezvousShareKeysInProportionToWeight(
            @ForAll @Size(min = 2, max = 5) List<@IntRange(min = 1, max = 4) Integer> weights) {
        List<Server> servers = weighted(weights);
        double total = weights.stream().mapToInt(Integer::intValue).sum();
        long[] keys = Keys.random(60_000, weights.hashCode());
        for (Algorithm algorithm : List.of(Algorithm.MAGLEV, Algorithm.RENDEZVOUS)) {
            Map<Server, Integer> counts = tally(algorithm.of(SETTINGS, servers), keys);
            for (Server server : servers) {
                double share = counts.getOrDefault(server, 0) / (double) keys.length;
                // 60 000 keys: the sampling error of a share is under 0.005; Maglev's table adds its own rounding.
                assertThat(share).as("%s share of %s (weight %d of %s)", algorithm, server, server.weight(), weights)
                        .isCloseTo(server.weight() / total, org.assertj.core.data.Offset.offset(0.02));
            }
        }
    }

    @Property(tries = 30)
    void rendezvousMovesOnlyTheLeaversKeysWhenWeighted(
            @ForAll @Size(min = 2, max = 6) List<@IntRange(min = 1, max = 4) Integer> weights,
            @ForAll @IntRange(min = 0, max = 5) int which) {
        List<Server> servers = weighted(weights);
        Placement placement = Algorithm.RENDEZVOUS.of(SETTINGS, servers);
        Server leaving = servers.get(which % servers.size());
        Placement shrunk = placement.withoutServer(leaving);
        for (long key : Keys.random(2_000, which)) {
            Server owner = placement.route(key);
            if (!owner.equals(leaving)) {
                assertThat(shrunk.route(key)).isEqualTo(owner);
            }
            assertThat(placement.preferenceOrder(key).get(0)).isEqualTo(owner);
        }
    }

    @Property(tries = 40)
    void aWeightedServerJoiningTheRingTakesKeysOnlyForItselfAndLeavingGivesBackOnlyItsOwn(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 4) Integer> weights,
            @ForAll @IntRange(min = 1, max = 8) int joiningWeight) {
        RingSnapshot ring = RingSnapshot.of(RING, weighted(weights));
        Server joining = new Server(99, "Joining", joiningWeight);
        RingSnapshot grown = ring.withServer(joining);
        for (var move : ring.migrationTo(grown).moves()) {
            assertThat(move.to()).isEqualTo(joining);
        }
        assertThat(grown.withoutServer(joining).migrationTo(ring).moves()).isEmpty();
        assertThat(grown.shareOf(joining)).isPositive();
    }

    @Property(tries = 30)
    void boundedLoadsCapsEachServerInProportionToItsWeight(
            @ForAll @Size(min = 2, max = 5) List<@IntRange(min = 1, max = 4) Integer> weights) {
        List<Server> servers = weighted(weights);
        BoundedLoadPlacement placement = BoundedLoadPlacement.over(RingSnapshot.of(RING, servers), 1.25);
        double total = weights.stream().mapToInt(Integer::intValue).sum();
        long[] keys = Keys.random(3_000, weights.hashCode());
        for (int i = 0; i < keys.length; i++) {
            placement.acquire(keys[i]);
            for (Server server : servers) {
                // Admitted when under ceil(c * m * w / W) for the m in flight before it: never above that plus one.
                assertThat(placement.load().of(server)).isLessThanOrEqualTo(
                        (int) Math.ceil(1.25 * (i + 1) * server.weight() / total));
            }
        }
        Server heaviest = servers.stream().max(java.util.Comparator.comparingInt(Server::weight)).orElseThrow();
        Server lightest = servers.stream().min(java.util.Comparator.comparingInt(Server::weight)).orElseThrow();
        assertThat(placement.capacityOf(heaviest)).isGreaterThanOrEqualTo(placement.capacityOf(lightest));
    }

    @Property(tries = 30)
    void aServerHeavierThanTheRoomLeftIsRefusedAndTheRingStaysAsItWas(@ForAll @IntRange(min = 1, max = 3) int count) {
        RingConfig small = new RingConfig(90, 9, RingHash.MURMUR3, Probing.LINEAR);
        RingSnapshot ring = RingSnapshot.of(small, Keys.servers(count));
        int roomInWeight = ring.freeSlots() / 9;
        Server tooHeavy = new Server(50, "Heavy", roomInWeight + 1);
        assertThatThrownBy(() -> ring.withServer(tooHeavy)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the ring is full").hasMessageContaining("weight " + (roomInWeight + 1));
        assertThat(ring.withServer(new Server(50, "Fits", roomInWeight)).freeSlots()).isEqualTo(ring.freeSlots() - 9 * roomInWeight);
        assertThatThrownBy(() -> new Server(1, "Zero", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Server> weighted(List<Integer> weights) {
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            servers.add(new Server(i + 1, "Server " + (i + 1), weights.get(i)));
        }
        return servers;
    }

    private static Map<Server, Integer> tally(Placement placement, long[] keys) {
        Map<Server, Integer> counts = new HashMap<>();
        for (long key : keys) {
            counts.merge(placement.route(key), 1, Integer::sum);
        }
        return counts;
    }
}
