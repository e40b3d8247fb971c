package dev.ringlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The line every ring change leaves in serve's log, A-3's events CSV and a lesson's timeline: the share of
 * slots moved against the least any placement must move for that change, counted by weight.
 */
class RingChangeTextTest {

    @Test
    void eachChangeIsSetAgainstItsOwnIdeal() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Cluster cluster = new Cluster(new SimBackend(), RingConfig.DEFAULT.withHash(RingHash.MURMUR3))) {
            cluster.subscribe(event -> {
                if (event instanceof ClusterEvent.RingChanged changed) {
                    lines.add(changed.describe());
                }
            });

            cluster.add(3, List.of(), List.of());                       // the first servers: nothing moves
            cluster.add(2, List.of(), List.of());                       // 3 -> 5: the newcomers' 2/5
            cluster.add(1, List.of("Big"), List.of(3));                 // weight 3 joins weight 5: 3/8
            cluster.remove(5, List.of("Server 1", "Server 2", "Server 3", "Server 4", "Server 5")); // 5 of 8 leave
        }

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).endsWith("3 servers, the first on the ring: every slot gets its first owner");
        assertThat(lines.get(1)).contains("5 servers,").endsWith("(ideal 40.0%)");
        assertThat(lines.get(2)).contains("6 servers,").endsWith("(ideal 37.5%)");
        assertThat(lines.get(3)).contains("1 server,").endsWith("(ideal 62.5%)");
    }
}
