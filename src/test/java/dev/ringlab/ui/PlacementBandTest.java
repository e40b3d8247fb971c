package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.Placement;
import dev.ringlab.ring.algorithm.PlacementSettings;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The band drawn under another algorithm says where that algorithm sends requests, never the ring's answer. */
class PlacementBandTest {

    private static final List<Server> SERVERS = IntStream.rangeClosed(1, 4).mapToObj(id -> new Server(id, "Server " + id))
            .toList();
    private static final RingSnapshot RING = RingSnapshot.of(RingConfig.DEFAULT, SERVERS);

    private static Placement placement(Algorithm algorithm) {
        return algorithm.of(PlacementSettings.DEFAULT, SERVERS);
    }

    @Test
    void underMaglevEverySampledKeyIsCountedAtItsSlotForTheServerMaglevPicks() {
        Placement maglev = placement(Algorithm.MAGLEV);
        PlacementBand band = PlacementBand.of(RING, maglev);

        assertThat(band.sampledKeys()).isEqualTo(512 * 32);
        int[][] expected = new int[512][4];
        for (long key = 0; key < band.sampledKeys(); key++) {
            expected[RING.slotOf(key)][maglev.route(key).id() - 1]++;
        }
        assertThat(band.counts()).isDeepEqualTo(expected);
        // Maglev ignores the ring: most slots' keys go to more than one server, unlike the ring's one owner per slot
        long mixed = IntStream.range(0, 512).filter(slot -> band.at(slot).size() > 1).count();
        assertThat(mixed).isGreaterThan(400);
        assertThat(band.describe(0)).startsWith("slot 0 under maglev: its keys go to Server ");
        assertThat(SERVERS.stream().mapToDouble(band::shareOf).sum()).isCloseTo(1, within(1e-9));
    }

    @Test
    void theRingAndBoundedLoadsNeedNoBandAndTheOthersAllGetOne() {
        assertThat(PlacementBand.of(RING, placement(Algorithm.RING))).isNull();
        assertThat(PlacementBand.of(RING, placement(Algorithm.BOUNDED))).isNull();
        assertThat(PlacementBand.of(RING, placement(Algorithm.RENDEZVOUS)).algorithm()).isEqualTo(Algorithm.RENDEZVOUS);
        assertThat(PlacementBand.of(RING, placement(Algorithm.JUMP)).title())
                .isEqualTo("Outer band: where requests go under jump");
    }

    @Test
    void thePictureTheLegendAndTheProbeAllSayWhereMaglevSendsAKey() {
        Placement maglev = placement(Algorithm.MAGLEV);
        KeyProbe probe = KeyProbe.of("alice", RING, maglev);
        RingPicture picture = RingPicture.of(RING, null, Set.of(), null, probe, maglev);

        assertThat(picture.band()).isNotNull();
        assertThat(probe.server()).isEqualTo(maglev.route(probe.key()));
        // the legend gives where requests go (Maglev's near-even quarter), not the ring's arcs
        for (RingPicture.LegendEntry entry : picture.legend()) {
            assertThat(entry.share()).isEqualTo(picture.band().shareOf(entry.server()));
            assertThat(entry.share()).isCloseTo(0.25, within(0.03));
        }
    }

    @Test
    void aBandFollowsTheServersOfTheRingOnShowNotTheNewerPlacement() {
        // paused on a 3-server ring while the cluster already routes over 4
        RingSnapshot shown = RingSnapshot.of(RingConfig.DEFAULT, SERVERS.subList(0, 3));
        PlacementBand band = PlacementBand.of(shown, placement(Algorithm.RENDEZVOUS));
        assertThat(band.servers()).containsExactlyElementsOf(SERVERS.subList(0, 3));
    }
}
