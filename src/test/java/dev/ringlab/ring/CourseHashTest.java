package dev.ringlab.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The course's two published hash versions, by formula and by the A-1 counts the course reports. */
class CourseHashTest {

    private static final List<Server> SERVERS =
            List.of(new Server(1, "Server 1"), new Server(2, "Server 2"), new Server(3, "Server 3"));

    @Test
    void theSecondVersionMatchesHandComputedSlots() {
        RingHash h = RingHash.ASSIGNMENT_V2;
        // H(i) = i^2 + 2i + 17 mod 512
        assertThat(h.requestSlot(0, 512)).isEqualTo(17);
        assertThat(h.requestSlot(10, 512)).isEqualTo(137);                  // 100 + 20 + 17
        assertThat(h.requestSlot(30, 512)).isEqualTo((900 + 60 + 17) % 512);
        assertThat(h.requestSlot(-1, 512)).isEqualTo((int) ((511L * 511 + 2 * 511 + 17) % 512));
        // Phi(i, j) = i^2 + j^2 + 2j + 25 mod 512
        assertThat(h.virtualNodeSlot(SERVERS.get(0), 0, 512)).isEqualTo(26);   // 1 + 0 + 0 + 25
        assertThat(h.virtualNodeSlot(SERVERS.get(2), 8, 512)).isEqualTo(9 + 64 + 16 + 25);
        assertThat(h.requestSlot(Long.MAX_VALUE, 512)).isBetween(0, 511);
    }

    @Test
    void bothVersionsAreFoundByTheirNamesAndAliases() {
        assertThat(RingHash.byName("assignment")).isSameAs(RingHash.ASSIGNMENT);
        assertThat(RingHash.byName("Assignment-V1")).isSameAs(RingHash.ASSIGNMENT);
        assertThat(RingHash.byName("assignment-v2")).isSameAs(RingHash.ASSIGNMENT_V2);
        assertThat(RingHash.byName("assignment2")).isSameAs(RingHash.ASSIGNMENT_V2);
        assertThat(RingHash.builtIn()).containsExactly(RingHash.ASSIGNMENT, RingHash.ASSIGNMENT_V2, RingHash.MURMUR3);
        assertThatThrownBy(() -> RingHash.byName("assignment-v3"))
                .hasMessageContaining("known: assignment, assignment-v2, murmur3");
    }

    /** A-1 as the course runs it: 10,000 random six-digit ids over servers 1..3, linear probing. */
    @Test
    void a1CountsMatchWhatTheCoursePublishesForEachVersion() {
        assertThat(a1(RingHash.ASSIGNMENT)).satisfies(counts -> {
            assertThat(counts[0]).isBetween(9_500, 9_800);      // about 9,650
            assertThat(counts[1]).isBetween(100, 250);          // about 170
            assertThat(counts[2]).isBetween(100, 260);          // about 180
        });
        assertThat(a1(RingHash.ASSIGNMENT_V2)).satisfies(counts -> {
            assertThat(counts[0]).isBetween(8_200, 8_700);      // about 8,440
            assertThat(counts[1]).isBetween(380, 580);          // about 480
            assertThat(counts[2]).isBetween(950, 1_200);        // about 1,080
        });
    }

    private static int[] a1(RingHash hash) {
        RingSnapshot ring = RingSnapshot.of(new RingConfig(512, 9, hash, Probing.LINEAR), SERVERS);
        Random random = new Random(42);
        int[] counts = new int[3];
        for (int request = 0; request < 10_000; request++) {
            counts[ring.route(100_000 + random.nextInt(900_000)).id() - 1]++;
        }
        return counts;
    }
}
