package dev.ringlab.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The ring's invariants, over random configurations, memberships and keys. */
class RingProperties {

    @Provide
    Arbitrary<RingConfig> configs() {
        Arbitrary<Integer> slots = Arbitraries.of(16, 64, 100, 512, 1024);
        Arbitrary<Integer> vnodes = Arbitraries.integers().between(1, 12);
        Arbitrary<RingHash> hashes = Arbitraries.of(RingHash.ASSIGNMENT, RingHash.MURMUR3);
        Arbitrary<Probing> probings = Arbitraries.of(Probing.values());
        return net.jqwik.api.Combinators.combine(slots, vnodes, hashes, probings)
                .filter((s, v, h, p) -> v <= s)
                .as(RingConfig::new);
    }

    private static RingSnapshot ringOf(RingConfig config, int servers) {
        List<Server> list = new ArrayList<>();
        for (int id = 1; id <= Math.min(servers, config.maxServers()); id++) {
            list.add(new Server(id, "Server " + id));
        }
        return RingSnapshot.of(config, list);
    }

    @Property
    void everySlotHasAnOwnerAndEveryServerPlacesDistinctVirtualNodes(
            @ForAll("configs") RingConfig config, @ForAll @IntRange(min = 1, max = 12) int servers) {
        RingSnapshot ring = ringOf(config, servers);
        for (int slot = 0; slot < config.slots(); slot++) {
            assertThat(ring.ownerOfSlot(slot)).isNotNull();
        }
        for (Server server : ring.servers()) {
            assertThat(ring.virtualNodesOf(server)).hasSize(config.virtualNodesPerServer())
                    .extracting(VirtualNode::slot).doesNotHaveDuplicates();
        }
        assertThat(ring.virtualNodes()).hasSize(ring.size() * config.virtualNodesPerServer());
    }

    @Property
    void lookupsAreDeterministic(@ForAll("configs") RingConfig config, @ForAll long key) {
        RingSnapshot once = ringOf(config, 5);
        RingSnapshot again = ringOf(config, 5);
        assertThat(once.route(key)).isEqualTo(again.route(key));
        assertThat(once.slotOf(key)).isBetween(0, config.slots() - 1);
    }

    @Property
    void addingAServerMovesKeysOnlyToIt(@ForAll("configs") RingConfig config,
            @ForAll @IntRange(min = 1, max = 8) int servers, @ForAll List<Long> keys) {
        RingSnapshot before = ringOf(config, servers);
        if (before.size() >= config.maxServers()) {
            return;
        }
        Server added = new Server(99, "added");
        RingSnapshot after = before.withServer(added);
        for (long key : keys) {
            Server was = before.route(key);
            Server now = after.route(key);
            assertThat(now.equals(was) || now.equals(added)).as("key %d moved from %s to %s", key, was, now).isTrue();
        }
    }

    @Property
    void removingAServerMovesOnlyItsOwnKeys(@ForAll("configs") RingConfig config,
            @ForAll @IntRange(min = 2, max = 8) int servers, @ForAll List<Long> keys,
            @ForAll @IntRange(min = 0, max = 7) int victimIndex) {
        RingSnapshot before = ringOf(config, servers);
        if (before.size() < 2) {
            return;
        }
        Server removed = before.servers().get(victimIndex % before.size());
        RingSnapshot after = before.withoutServer(removed);
        for (long key : keys) {
            Server was = before.route(key);
            if (!was.equals(removed)) {
                assertThat(after.route(key)).isEqualTo(was);
            }
        }
    }

    @Property
    void migrationAgreesWithRouting(@ForAll("configs") RingConfig config,
            @ForAll @IntRange(min = 1, max = 6) int servers) {
        RingSnapshot before = ringOf(config, servers);
        if (before.size() >= config.maxServers()) {
            return;
        }
        RingSnapshot after = before.withServer(new Server(77, "new"));
        KeyMigration migration = before.migrationTo(after);
        long changed = java.util.stream.IntStream.range(0, config.slots())
                .filter(slot -> !before.ownerOfSlot(slot).equals(after.ownerOfSlot(slot))).count();
        assertThat(migration.movedSlots()).isEqualTo(changed);
    }
}
