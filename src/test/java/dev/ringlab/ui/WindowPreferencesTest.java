package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.algorithm.Algorithm;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** What the window remembers, written and read back through a node in memory, never the user's. */
class WindowPreferencesTest {

    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1920, 1080);

    private final MemoryPreferences node = new MemoryPreferences();
    private final WindowPreferences preferences = new WindowPreferences(node);

    @Test
    void theFirstStartRemembersNothingAndOpensAtEightyPercentCentred() {
        assertThat(preferences.backend()).isEmpty();
        assertThat(preferences.ring()).isEmpty();
        assertThat(preferences.algorithm()).isEmpty();
        assertThat(preferences.dark()).isFalse();

        assertThat(preferences.opening(SCREEN, place -> true)).isEqualTo(new Rectangle2D(192, 108, 1536, 864));
        // a small screen: at least 1024x700, but never larger than the screen
        assertThat(preferences.opening(new Rectangle2D(0, 0, 1000, 600), place -> true))
                .isEqualTo(new Rectangle2D(0, 0, 1000, 600));
    }

    @Test
    void backendRingAlgorithmThemeAndPlaceAreReadBackAsWritten() {
        RingConfig ring = new RingConfig(256, 12, RingHash.MURMUR3, Probing.QUADRATIC);
        preferences.rememberBackend(BackendKind.PROCESS);
        preferences.rememberRing(ring);
        preferences.rememberAlgorithm(Algorithm.MAGLEV);
        preferences.rememberDark(true);
        preferences.rememberBounds(new Rectangle2D(100, 50, 1300, 900));

        WindowPreferences nextStart = new WindowPreferences(node);
        assertThat(nextStart.backend()).contains(BackendKind.PROCESS);
        assertThat(nextStart.ring()).contains(ring);
        assertThat(nextStart.algorithm()).contains(Algorithm.MAGLEV);
        assertThat(nextStart.dark()).isTrue();
        assertThat(nextStart.opening(SCREEN, place -> true)).isEqualTo(new Rectangle2D(100, 50, 1300, 900));
    }

    @Test
    void forgettingGoesBackToTheFirstStart() {
        preferences.rememberBackend(BackendKind.SIM);
        preferences.rememberRing(RingConfig.DEFAULT);
        preferences.rememberDark(true);
        preferences.rememberBounds(new Rectangle2D(100, 50, 1300, 900));

        preferences.forget();

        assertThat(preferences.backend()).isEmpty();
        assertThat(preferences.ring()).isEmpty();
        assertThat(preferences.dark()).isFalse();
        assertThat(preferences.opening(SCREEN, place -> true)).isEqualTo(new Rectangle2D(192, 108, 1536, 864));
    }

    /** A monitor unplugged since: the size stays, the place is centred on the screen there is. */
    @Test
    void aPlaceOnNoScreenIsCentredAndASizeLargerThanTheScreenShrinks() {
        preferences.rememberBounds(new Rectangle2D(3000, 200, 2500, 900));

        Rectangle2D at = preferences.opening(SCREEN, place -> place.getMinX() < SCREEN.getMaxX());

        assertThat(at).isEqualTo(new Rectangle2D(0, 90, 1920, 900));
    }

    /** A hand-edited or old value is as if it were not there: the window still opens. */
    @Test
    void anUnreadableValueIsIgnored() {
        node.put("backend", "cloud");
        node.put("algorithm", "random");
        node.put("hash", "sha1");
        node.putInt("slots", 512);
        node.putInt("vnodes", 9);
        node.put("probing", "linear");
        node.putDouble("width", -5);

        assertThat(preferences.backend()).isEmpty();
        assertThat(preferences.algorithm()).isEmpty();
        assertThat(preferences.ring()).isEmpty();
        assertThat(preferences.opening(SCREEN, place -> true).getWidth()).isEqualTo(1536);

        node.put("hash", "murmur3");
        node.putInt("vnodes", 600); // more virtual nodes than slots: no ring
        assertThat(preferences.ring()).isEmpty();
    }
}
