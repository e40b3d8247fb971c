package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.HotKey;
import dev.ringlab.experiment.HotKeysParameters;
import dev.ringlab.experiment.Workload;
import dev.ringlab.experiment.ZipfKeys;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hot keys A-5 marks on the ring: its own stream's hottest ids, one flame per slot, sized by share. */
class HotKeyLayerTest {

    @Test
    void a5MarksTheHottestKeysOfItsOwnStreamAndOnlyA5Does() {
        HotKeysParameters parameters = new HotKeysParameters(RingConfig.DEFAULT, 3, Workload.of(42), 1.1, 10_000, 1.25);
        List<HotKey> hottest = Analyses.A5.prepare(parameters, null).hotKeys(HotKeyLayer.SHOWN);

        ZipfKeys zipf = new ZipfKeys(10_000, 1.1, 42);
        assertThat(hottest).hasSize(10);
        assertThat(hottest.get(0)).isEqualTo(new HotKey(zipf.id(1), 1, zipf.share(1)));
        assertThat(hottest).extracting(HotKey::share).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(Analyses.A1.prepare(dev.ringlab.experiment.AnalysisInput.defaults(RingConfig.DEFAULT, Workload.of(42)), null)
                .hotKeys(10)).isEmpty();

        RingSnapshot ring = RingSnapshot.of(RingConfig.DEFAULT, List.of(new Server(1, "Server 1")));
        List<HotKeyLayer.Mark> marks = HotKeyLayer.marks(ring, hottest);
        assertThat(marks.get(0).rank()).isEqualTo(1);
        assertThat(marks.get(0).slot()).isEqualTo(ring.slotOf(zipf.id(1)));
        // every hot key is on exactly one mark, and the shares add up
        assertThat(marks.stream().mapToInt(HotKeyLayer.Mark::keys).sum()).isEqualTo(10);
        assertThat(marks.stream().mapToDouble(HotKeyLayer.Mark::share).sum())
                .isCloseTo(hottest.stream().mapToDouble(HotKey::share).sum(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(HotKeyLayer.caption(hottest)).startsWith("▲ hot keys: the 10 hottest carry ");
    }
}
