package dev.ringlab.ring.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.ring.Server;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RendezvousPlacementTest {

    private final long[] keys = Keys.random(50_000, 21);
    private final List<Server> servers = Keys.servers(10);
    private final Placement placement = Algorithm.RENDEZVOUS.of(PlacementSettings.DEFAULT, servers);

    @Test
    void theHighestScoreWins() {
        for (int i = 0; i < 1000; i++) {
            long key = keys[i];
            Server best = servers.stream()
                    .max(java.util.Comparator.comparingLong(server -> RendezvousPlacement.score(key, server)))
                    .orElseThrow();
            assertThat(placement.route(key)).isEqualTo(best);
            assertThat(placement.preferenceOrder(key).get(0)).isEqualTo(best);
        }
    }

    @Test
    void removingAnyServerMovesExactlyItsKeys() {
        for (Server removed : servers) {
            Placement after = placement.withoutServer(removed);
            for (long key : keys) {
                Server was = placement.route(key);
                if (!was.equals(removed)) {
                    assertThat(after.route(key)).isEqualTo(was);
                } else {
                    assertThat(after.route(key)).as("the next-best server takes it")
                            .isEqualTo(placement.preferenceOrder(key).get(1));
                }
            }
        }
    }

    @Test
    void addingAServerMovesKeysOnlyToItAboutOneInNPlusOne() {
        Server added = new Server(11, "Server 11");
        Placement after = placement.withServer(added);
        for (long key : keys) {
            Server now = after.route(key);
            if (!placement.route(key).equals(now)) {
                assertThat(now).isEqualTo(added);
            }
        }
        assertThat(Keys.movedShare(placement, after, keys)).isCloseTo(1.0 / 11, Offset.offset(0.01));
    }

    @Test
    void theWinnerDoesNotDependOnJoinOrder() {
        List<Server> backwards = new java.util.ArrayList<>(servers);
        java.util.Collections.reverse(backwards);
        Placement reversed = Algorithm.RENDEZVOUS.of(PlacementSettings.DEFAULT, backwards);
        for (long key : keys) {
            assertThat(reversed.route(key)).isEqualTo(placement.route(key));
        }
    }
}
