package dev.ringlab.ring.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.ring.Server;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaglevPlacementTest {

    /**
     * The paper's Table 1 (section 3.4): M = 7, B0 (offset 3, skip 4), B1 (offset 0, skip 2),
     * B2 (offset 3, skip 1). Before: B1 B0 B1 B0 B2 B2 B0; after B1 is removed: B0 B0 B0 B0 B2 B2 B2.
     */
    @Test
    void reproducesThePapersTableOne() {
        int[] before = MaglevPlacement.populate(7, new int[] {3, 0, 3}, new int[] {4, 2, 1});
        assertThat(before).containsExactly(1, 0, 1, 0, 2, 2, 0);

        int[] after = MaglevPlacement.populate(7, new int[] {3, 3}, new int[] {4, 1});
        // indices now mean B0 and B2
        assertThat(after).containsExactly(0, 0, 0, 0, 1, 1, 1);
    }

    @Test
    void everyServerOwnsTheSameNumberOfEntriesGiveOrTakeOne() {
        for (int servers : new int[] {1, 2, 3, 10, 37}) {
            MaglevPlacement maglev = MaglevPlacement.of(65_537, Keys.servers(servers));
            Map<Server, Integer> owned = new HashMap<>();
            maglev.entries().forEach(server -> owned.merge(server, 1, Integer::sum));
            assertThat(owned).hasSize(servers);
            int min = owned.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = owned.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(max - min).as("%d servers", servers).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void smallPrimeTablesForTeaching() {
        MaglevPlacement maglev = MaglevPlacement.of(13, Keys.servers(3));
        assertThat(maglev.entries()).hasSize(13).containsOnly(Keys.servers(3).toArray(new Server[0]));
        assertThat(maglev.label()).isEqualTo("maglev(M=13)");
    }

    @Test
    void refusesATableSizeThatIsNotPrimeOrTooSmallForTheServers() {
        assertThatThrownBy(() -> MaglevPlacement.empty(65_536)).hasMessageContaining("must be a prime");
        assertThatThrownBy(() -> MaglevPlacement.empty(1)).hasMessageContaining("must be a prime");
        assertThatThrownBy(() -> MaglevPlacement.of(3, Keys.servers(4))).hasMessageContaining("at most 3 servers");
    }

    /**
     * Maglev is "nearly" minimal: removing a server moves its keys, plus a few more because the
     * round-robin refill lets others claim different entries. The paper reports this; here it is measured.
     */
    @Test
    void removingAServerMovesItsKeysAndOnlyAFewOthers() {
        long[] keys = Keys.random(100_000, 31);
        List<Server> servers = Keys.servers(10);
        MaglevPlacement maglev = MaglevPlacement.of(65_537, servers);
        for (Server removed : servers) {
            MaglevPlacement after = maglev.withoutServer(removed);
            for (long key : keys) {
                if (maglev.route(key).equals(removed)) {
                    assertThat(after.route(key)).isNotEqualTo(removed);
                }
            }
            double needless = Keys.needlesslyMovedShare(maglev, after, keys);
            assertThat(needless).as("keys moved off servers still present, removing %s", removed).isLessThan(0.03);
        }
    }

    @Test
    void aNewServerTakesAboutOneInNPlusOneAndDisturbsLittleElse() {
        long[] keys = Keys.random(100_000, 37);
        MaglevPlacement maglev = MaglevPlacement.of(65_537, Keys.servers(10));
        MaglevPlacement after = maglev.withServer(new Server(11, "Server 11"));
        double moved = Keys.movedShare(maglev, after, keys);
        assertThat(moved).isBetween(1.0 / 11, 1.0 / 11 + 0.03);
    }

    @Test
    void theTableDoesNotDependOnJoinOrder() {
        List<Server> servers = Keys.servers(5);
        List<Server> shuffled = List.of(servers.get(3), servers.get(0), servers.get(4), servers.get(1), servers.get(2));
        assertThat(MaglevPlacement.of(251, shuffled).entries()).isEqualTo(MaglevPlacement.of(251, servers).entries());
    }
}
