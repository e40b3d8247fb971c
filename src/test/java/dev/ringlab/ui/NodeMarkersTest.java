package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where the virtual nodes' markers sit across the band, so that no server's colour hides under another's. */
class NodeMarkersTest {

    private static final List<Server> THREE = List.of(new Server(1, "Server 1"), new Server(2, "Server 2"),
            new Server(3, "Server 3"));
    /** The window's ring at 1280x800: about 300 px across. */
    private static final RingGeometry SMALL = RingGeometry.fit(360, 360, 512, 1, false);

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} servers")
    @org.junit.jupiter.params.provider.ValueSource(ints = {3, 4, 5, 6})
    void underTheAssignmentHashEveryServersNodesShowBesideTheirNeighbours(int count) {
        List<Server> servers = java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(id -> new Server(id, "Server " + id)).toList();
        RingPicture picture = RingPicture.of(RingSnapshot.of(RingConfig.DEFAULT, servers), null);
        double size = NodeMarkers.size(SMALL, picture);

        double[] radii = NodeMarkers.radii(picture.markers(), SMALL, size);

        // the nodes of Server 2 and Server 3 sit on the slots right after Server 1's: on the band's centre
        // line they would be drawn over each other, one colour on top
        Set<String> shown = new HashSet<>();
        for (int i = 0; i < radii.length; i++) {
            RingPicture.Marker marker = picture.markers().get(i);
            for (int j = 0; j < radii.length; j++) {
                RingPicture.Marker other = picture.markers().get(j);
                boolean close = Math.abs(marker.slot() - other.slot()) * 2 * Math.PI * SMALL.band() / 512 < size * 0.75;
                if (i != j && close && !marker.serverName().equals(other.serverName())) {
                    assertThat(radii[i]).as("%s at slot %d beside %s at slot %d", marker.serverName(), marker.slot(),
                            other.serverName(), other.slot()).isNotEqualTo(radii[j]);
                }
            }
            shown.add(marker.serverName());
        }
        assertThat(shown).hasSize(count);
        assertThat(java.util.Arrays.stream(radii).boxed().toList()).as("some nodes had to make room")
                .anyMatch(r -> r < SMALL.band()).allMatch(r -> r > SMALL.band() - count * size);
    }

    @Test
    void nodesSpreadOverTheRingStayOnTheBand() {
        RingPicture picture = RingPicture.of(RingSnapshot.of(RingConfig.DEFAULT.withHash(RingHash.MURMUR3), THREE), null);
        RingGeometry large = RingGeometry.fit(1000, 1000, 512, 1, false);

        double[] radii = NodeMarkers.radii(picture.markers(), large, NodeMarkers.size(large, picture));

        assertThat(java.util.Arrays.stream(radii).filter(r -> r == large.band()).count())
                .as("most markers on the band's centre line").isGreaterThan(radii.length * 3L / 4);
    }
}
