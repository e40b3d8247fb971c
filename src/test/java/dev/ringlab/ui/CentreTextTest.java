package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.experiment.HotKey;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The words in the middle of the ring fit inside the band, drop the least needed first, and never get tiny. */
class CentreTextTest {

    /** A stand-in for the font: every character 0.6 of the font size wide. */
    private static double width(CentreText.Line line) {
        return line.text().length() * line.px() * 0.6;
    }

    private static final RingSnapshot RING = RingSnapshot.of(RingConfig.DEFAULT,
            List.of(new Server(1, "Server 1"), new Server(2, "Server 2"), new Server(3, "Server 3")));

    private static List<String> texts(CentreText.Fit fit) {
        return fit.lines().stream().map(CentreText.Line::text).toList();
    }

    @Test
    void aBigRingSaysEverythingAtItsFullSize() {
        List<CentreText.Line> lines = CentreText.lines(RingPicture.of(RING, null), List.of());
        CentreText.Fit fit = CentreText.fit(lines, 400, 1, CentreTextTest::width);

        assertThat(texts(fit)).containsExactly("3 servers on the ring", "512 slots · 9 virtual nodes each",
                "assignment hash · linear probing");
        assertThat(fit.factor()).isEqualTo(1);
    }

    @Test
    void aSmallRingDropsTheShapeBeforeTheWarningAndKeepsTheServerCount() {
        RingPicture faded = RingPicture.of(RING, null, Set.of(), null, null, Algorithm.RENDEZVOUS);
        List<CentreText.Line> lines = CentreText.lines(faded, List.of(new HotKey(42, 1, 0.3)));
        assertThat(texts(CentreText.fit(lines, 400, 1, CentreTextTest::width))).hasSize(6);

        List<String> shrinking = new java.util.ArrayList<>();
        for (double radius = 400; radius > 10; radius -= 1) {
            CentreText.Fit fit = CentreText.fit(lines, radius, 2, CentreTextTest::width);
            // never drawn below 60 % of its projector size: lines go instead
            assertThat(fit.lines().isEmpty() || fit.factor() >= 1.2).isTrue();
            assertThat(fit.factor()).isLessThanOrEqualTo(2);
            // whatever else goes, the server count stays while anything shows
            assertThat(fit.lines().isEmpty() || texts(fit).stream().anyMatch(t -> t.startsWith("3 servers"))).isTrue();
            String now = String.join(" | ", texts(fit));
            if (shrinking.isEmpty() || !shrinking.get(shrinking.size() - 1).equals(now)) {
                shrinking.add(now);
            }
        }
        // the shape goes first (hash, then slots), then the hot keys, then the warning, then "on the ring"
        assertThat(shrinking).containsSubsequence(
                "▲ hot keys: the 1 hottest carry 30.0% | 3 servers on the ring | Requests route by rendezvous, "
                        + "| not by this ring (faded) | 512 slots · 9 virtual nodes each | assignment hash · linear probing",
                "▲ hot keys: the 1 hottest carry 30.0% | 3 servers on the ring | Requests route by rendezvous, "
                        + "| not by this ring (faded) | 512 slots · 9 virtual nodes each",
                "▲ hot keys: the 1 hottest carry 30.0% | 3 servers on the ring | Requests route by rendezvous, "
                        + "| not by this ring (faded)",
                "3 servers on the ring | Requests route by rendezvous, | not by this ring (faded)",
                "3 servers on the ring", // the two lines of the warning went together
                "3 servers",
                "");
    }

    @Test
    void everyLineItKeepsLiesInsideTheCircle() {
        List<CentreText.Line> lines = CentreText.lines(RingPicture.of(RING, null), List.of());
        for (double radius : new double[] {40, 80, 120, 160, 300}) {
            CentreText.Fit fit = CentreText.fit(lines, radius, 1.4, CentreTextTest::width);
            double height = 0;
            for (int i = 0; i < fit.lines().size(); i++) {
                height += (i == fit.lines().size() - 1 ? 1.2 : 1.5) * fit.lines().get(i).px();
            }
            double top = -height / 2;
            for (CentreText.Line line : fit.lines()) {
                double half = width(line) / 2 * fit.factor();
                double farY = Math.max(Math.abs(top), Math.abs(top + 1.2 * line.px())) * fit.factor();
                assertThat(Math.hypot(half, farY)).isLessThanOrEqualTo(radius + 1e-9);
                top += 1.5 * line.px();
            }
        }
    }
}
