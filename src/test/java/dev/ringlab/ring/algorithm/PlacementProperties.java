package dev.ringlab.ring.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.ring.EmptyRingException;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.Server;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** What every placement promises, whatever the algorithm, membership and key. */
class PlacementProperties {

    private static final PlacementSettings SETTINGS = new PlacementSettings(
            new RingConfig(1024, 9, RingHash.MURMUR3, Probing.LINEAR), 251, 1.25);

    @Property(tries = 200)
    void aKeyGoesToAMemberAndItsPreferenceOrderListsEveryMemberOnceOwnerFirst(
            @ForAll Algorithm algorithm, @ForAll @IntRange(min = 1, max = 20) int count, @ForAll long key) {
        Placement placement = algorithm.of(SETTINGS, Keys.servers(count));
        Server owner = placement.route(key);
        assertThat(placement.servers()).contains(owner);
        List<Server> order = placement.preferenceOrder(key);
        assertThat(order).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(placement.servers());
        assertThat(order.get(0)).isEqualTo(owner);
        assertThat(placement.route(key)).as("routing is repeatable").isEqualTo(owner);
    }

    @Property(tries = 100)
    void membershipChangesLeaveTheOriginalUntouched(
            @ForAll Algorithm algorithm, @ForAll @IntRange(min = 2, max = 12) int count,
            @ForAll @IntRange(min = 0, max = 11) int which) {
        List<Server> servers = Keys.servers(count);
        Placement placement = algorithm.of(SETTINGS, servers);
        long[] keys = Keys.random(300, count);
        Server[] before = new Server[keys.length];
        for (int i = 0; i < keys.length; i++) {
            before[i] = placement.route(keys[i]);
        }
        Server removed = servers.get(which % count);
        Placement shrunk = placement.withoutServer(removed);
        Placement grown = placement.withServer(new Server(99, "Server 99"));
        assertThat(shrunk.servers()).hasSize(count - 1).doesNotContain(removed);
        assertThat(grown.servers()).hasSize(count + 1);
        for (int i = 0; i < keys.length; i++) {
            assertThat(placement.route(keys[i])).isEqualTo(before[i]);
            assertThat(shrunk.route(keys[i])).isNotEqualTo(removed);
        }
        assertThat(placement.servers()).isEqualTo(servers);
    }

    @Property(tries = 50)
    void duplicatesAndStrangersAreRefused(@ForAll Algorithm algorithm, @ForAll @IntRange(min = 1, max = 8) int count) {
        Placement placement = algorithm.of(SETTINGS, Keys.servers(count));
        assertThatThrownBy(() -> placement.withServer(new Server(1, "Another"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> placement.withServer(new Server(500, "Server 1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> placement.withoutServer(new Server(500, "Stranger"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(placement.size()).isEqualTo(count);
    }

    @Property(tries = 10)
    void anEmptyPlacementRoutesNothing(@ForAll Algorithm algorithm, @ForAll long key) {
        Placement empty = algorithm.empty(SETTINGS);
        assertThat(empty.isEmpty()).isTrue();
        assertThatThrownBy(() -> empty.route(key)).isInstanceOf(EmptyRingException.class);
        assertThat(empty.memoryBytes()).isPositive();
    }

    @Property(tries = 50)
    void theRingPlacementIsTheRingSnapshot(@ForAll @IntRange(min = 1, max = 30) int count, @ForAll long key) {
        RingPlacement ring = (RingPlacement) Algorithm.RING.of(SETTINGS, Keys.servers(count));
        assertThat(ring.route(key)).isEqualTo(ring.snapshot().route(key));
    }

    @Property(tries = 5)
    void algorithmsAreFoundByName(@ForAll Algorithm algorithm) {
        assertThat(Algorithm.byName(" " + algorithm.label().toUpperCase() + " ")).isEqualTo(algorithm);
        assertThatThrownBy(() -> Algorithm.byName("consistent")).hasMessage(
                "unknown algorithm 'consistent' (known: ring, jump, rendezvous, maglev, bounded)");
    }
}
