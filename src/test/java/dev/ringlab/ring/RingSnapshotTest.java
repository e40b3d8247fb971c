package dev.ringlab.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RingSnapshotTest {

    private static final Server S1 = new Server(1, "Server 1");
    private static final Server S2 = new Server(2, "Server 2");
    private static final Server S3 = new Server(3, "Server 3");

    @Test
    void assignmentHashMatchesHandComputedSlots() {
        RingHash h = RingHash.ASSIGNMENT;
        // H(i) = i + 2i^2 + 17 mod 512
        assertThat(h.requestSlot(0, 512)).isEqualTo(17);
        assertThat(h.requestSlot(1, 512)).isEqualTo(20);
        assertThat(h.requestSlot(10, 512)).isEqualTo(227);          // 10 + 200 + 17
        assertThat(h.requestSlot(20, 512)).isEqualTo(837 % 512);    // 20 + 800 + 17 = 837 -> 325
        assertThat(h.requestSlot(123456, 512)).isEqualTo((int) ((123456L + 2L * 123456 * 123456 + 17) % 512));
        // Phi(i, j) = i + j + 2j^2 + 25 mod 512
        assertThat(h.virtualNodeSlot(S1, 0, 512)).isEqualTo(26);
        assertThat(h.virtualNodeSlot(S2, 1, 512)).isEqualTo(30);     // 2 + 1 + 2 + 25
        assertThat(h.virtualNodeSlot(S3, 8, 512)).isEqualTo(164);    // 3 + 8 + 128 + 25
        assertThat(h.virtualNodeSlot(new Server(500, "S"), 8, 512)).isEqualTo((500 + 8 + 128 + 25) % 512);
    }

    @Test
    void assignmentHashNeverOverflowsOnHugeOrNegativeKeys() {
        for (long key : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -1, -513}) {
            long i = Math.floorMod(key, 512L);
            assertThat(RingHash.ASSIGNMENT.requestSlot(key, 512)).isEqualTo((int) ((i + 2 * i * i + 17) % 512));
        }
    }

    @Test
    void assignmentRingWithThreeServersIsLopsidedAsInTheOriginal() {
        RingSnapshot ring = RingSnapshot.of(RingConfig.DEFAULT, List.of(S1, S2, S3));
        assertThat(ring.virtualNodes()).hasSize(27);
        // Virtual nodes sit side by side: 26, 27, 28 / 29, 30, 31 / ...
        assertThat(ring.virtualNodeAt(26).server()).isEqualTo(S1);
        assertThat(ring.virtualNodeAt(27).server()).isEqualTo(S2);
        assertThat(ring.virtualNodeAt(28).server()).isEqualTo(S3);
        // Server 1's first virtual node owns the long arc from after slot 164 round to 26.
        assertThat(ring.shareOf(S1)).isGreaterThan(0.7);
        assertThat(ring.arcLength(ring.virtualNodeAt(26))).isEqualTo(512 - 164 + 26);
    }

    @Test
    void requestGoesToFirstVirtualNodeClockwise() {
        RingSnapshot ring = RingSnapshot.of(RingConfig.DEFAULT, List.of(S1, S2, S3));
        assertThat(ring.ownerOfSlot(26)).isEqualTo(S1);   // the node's own slot
        assertThat(ring.ownerOfSlot(27)).isEqualTo(S2);
        assertThat(ring.ownerOfSlot(165)).isEqualTo(S1);  // wraps past slot 511
        assertThat(ring.ownerOfSlot(0)).isEqualTo(S1);
        // key 1 hashes to slot 20, whose first node clockwise is Server 1's at 26
        assertThat(ring.route(1)).isEqualTo(S1);
        assertThat(ring.owningVirtualNode(20)).isEqualTo(ring.virtualNodeAt(26));
    }

    @Test
    void collidingVirtualNodesProbeToTheNextFreeSlot() {
        RingConfig config = new RingConfig(512, 9, RingHash.ASSIGNMENT, Probing.LINEAR);
        // Server 4's j=0 lands on 29, where Server 1's j=1 already is.
        RingSnapshot ring = RingSnapshot.of(config, List.of(S1, new Server(4, "Server 4")));
        VirtualNode moved = ring.virtualNodesOf(new Server(4, "Server 4")).get(0);
        assertThat(moved.homeSlot()).isEqualTo(29);
        assertThat(moved.slot()).isEqualTo(30);
        assertThat(moved.probed()).isTrue();

        RingConfig quadratic = new RingConfig(512, 9, RingHash.ASSIGNMENT, Probing.QUADRATIC);
        RingSnapshot crowded = RingSnapshot.of(quadratic, List.of(new Server(0, "a"), new Server(1, "b")));
        assertThat(crowded.virtualNodes()).extracting(VirtualNode::slot).doesNotHaveDuplicates().hasSize(18);
    }

    @Test
    void quadraticProbingVisitsEverySlotOfAPowerOfTwoRing() {
        boolean[] seen = new boolean[512];
        IntStream.range(0, 512).forEach(k -> seen[Probing.QUADRATIC.probe(7, k, 512)] = true);
        for (boolean slot : seen) {
            assertThat(slot).isTrue();
        }
    }

    @Test
    void aFullRingAndTooManyVirtualNodesAreClearErrors() {
        assertThatThrownBy(() -> new RingConfig(512, 600, RingHash.ASSIGNMENT, Probing.LINEAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot exceed the number of slots");
        RingConfig tiny = new RingConfig(8, 3, RingHash.MURMUR3, Probing.QUADRATIC);
        RingSnapshot ring = RingSnapshot.of(tiny, List.of(S1, S2));
        assertThatThrownBy(() -> ring.withServer(S3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the ring is full");
    }

    @Test
    void snapshotsAreImmutable() {
        RingSnapshot two = RingSnapshot.of(RingConfig.DEFAULT, List.of(S1, S2));
        Map<Server, Integer> before = two.slotsPerServer();
        RingSnapshot three = two.withServer(S3);
        assertThat(two.servers()).containsExactly(S1, S2);
        assertThat(two.slotsPerServer()).isEqualTo(before);
        assertThat(three.version()).isEqualTo(two.version() + 1);
        assertThat(three.withoutServer(S3).servers()).containsExactly(S1, S2);
    }

    @Test
    void duplicatesAndUnknownServersAreRejected() {
        RingSnapshot ring = RingSnapshot.of(RingConfig.DEFAULT, List.of(S1));
        assertThatThrownBy(() -> ring.withServer(new Server(1, "other"))).hasMessageContaining("clashes");
        assertThatThrownBy(() -> ring.withServer(new Server(9, "Server 1"))).hasMessageContaining("clashes");
        assertThatThrownBy(() -> ring.withoutServer(S2)).hasMessageContaining("not on the ring");
    }

    @Test
    void emptyRingSaysSo() {
        RingSnapshot empty = RingSnapshot.empty(RingConfig.DEFAULT);
        assertThatThrownBy(() -> empty.route(5)).isInstanceOf(EmptyRingException.class);
        assertThat(empty.serversClockwiseFrom(0)).isEmpty();
    }

    @Test
    void migrationNamesTheSlotsThatChangedOwner() {
        RingConfig config = RingConfig.DEFAULT.withHash(RingHash.MURMUR3);
        RingSnapshot three = RingSnapshot.of(config, List.of(S1, S2, S3));
        Server s4 = new Server(4, "Server 4");
        RingSnapshot four = three.withServer(s4);
        KeyMigration growth = three.migrationTo(four);
        assertThat(growth.moves()).allSatisfy(move -> assertThat(move.to()).isEqualTo(s4));
        assertThat(growth.movedSlots()).isEqualTo(four.slotsPerServer().get(s4));
        assertThat(growth.idealShare()).isEqualTo(0.25);
        KeyMigration shrink = four.migrationTo(three);
        assertThat(shrink.moves()).allSatisfy(move -> assertThat(move.from()).isEqualTo(s4));
    }

    @Test
    void fallbackOrderStartsWithTheOwnerAndNamesEveryServerOnce() {
        RingSnapshot ring = RingSnapshot.of(RingConfig.DEFAULT.withHash(RingHash.MURMUR3), List.of(S1, S2, S3));
        for (int slot = 0; slot < 512; slot++) {
            List<Server> order = ring.serversClockwiseFrom(slot);
            assertThat(order).hasSize(3).doesNotHaveDuplicates();
            assertThat(order.get(0)).isEqualTo(ring.ownerOfSlot(slot));
        }
    }

    @Test
    void textKeysAreStableAndNumericKeysAreTakenAsIds() {
        assertThat(RequestKey.of("42")).isEqualTo(42L);
        assertThat(RequestKey.of("user-7")).isEqualTo(RequestKey.of("user-7"));
        assertThat(RequestKey.of("user-7")).isNotEqualTo(RequestKey.of("user-8"));
    }
}
