package dev.ringlab.ui;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.algorithm.Algorithm;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;

/**
 * What the window remembers between starts (java.util.prefs, so per user and in each platform's own
 * store): its size and position, the dark theme, the backend it ran on, the ring's settings (hash,
 * slots, virtual nodes, probing) and the placement algorithm. No controls: tests hand in a node of
 * their own, never the user's. A remembered place off every screen is ignored, and the first start
 * opens at 80 % of the screen, at least 1024x700 where the screen allows, centred.
 *
 * <p>A value that cannot be read back (an old version's, a hand-edited one, a ring no longer valid) is
 * as if it were not there: the window opens on its defaults rather than refuse to open.
 */
public final class WindowPreferences {

    /** The user's node: {@code ~/.java/.userPrefs/dev/ringlab/window} on Linux, the registry on Windows. */
    static final String NODE = "dev/ringlab/window";

    private final Preferences node;

    /** Over {@code node}: {@link #user()} in the window, a node of their own in tests. */
    public WindowPreferences(Preferences node) {
        this.node = node;
    }

    /** The signed-in user's preferences. */
    public static WindowPreferences user() {
        return new WindowPreferences(Preferences.userRoot().node(NODE));
    }

    /** Where and how large the window was left, if it was. */
    Optional<Rectangle2D> bounds() {
        double w = node.getDouble("width", Double.NaN);
        double h = node.getDouble("height", Double.NaN);
        double x = node.getDouble("x", Double.NaN);
        double y = node.getDouble("y", Double.NaN);
        if (Double.isNaN(w) || Double.isNaN(h) || Double.isNaN(x) || Double.isNaN(y) || w <= 0 || h <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Rectangle2D(x, y, w, h));
    }

    /**
     * Where the window opens on {@code screen} (the primary screen's visual bounds): as it was left,
     * no larger than the screen, or centred at the first start's size when it was left on no screen
     * there is now ({@code onSomeScreen} says whether a place is on one).
     */
    Rectangle2D opening(Rectangle2D screen, java.util.function.Predicate<Rectangle2D> onSomeScreen) {
        Optional<Rectangle2D> left = bounds();
        double w = Math.min(screen.getWidth(), left.map(Rectangle2D::getWidth)
                .orElse(Math.max(1024, screen.getWidth() * 0.8)));
        double h = Math.min(screen.getHeight(), left.map(Rectangle2D::getHeight)
                .orElse(Math.max(700, screen.getHeight() * 0.8)));
        if (left.isPresent() && onSomeScreen.test(new Rectangle2D(left.get().getMinX(), left.get().getMinY(), 40, 40))) {
            return new Rectangle2D(left.get().getMinX(), left.get().getMinY(), w, h);
        }
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }

    void rememberBounds(Rectangle2D bounds) {
        node.putDouble("width", bounds.getWidth());
        node.putDouble("height", bounds.getHeight());
        node.putDouble("x", bounds.getMinX());
        node.putDouble("y", bounds.getMinY());
    }

    boolean dark() {
        return node.getBoolean("dark", false);
    }

    void rememberDark(boolean dark) {
        node.putBoolean("dark", dark);
    }

    /** The backend the window last ran on. */
    public Optional<BackendKind> backend() {
        return read("backend", value -> BackendKind.valueOf(value.toUpperCase(Locale.ROOT)));
    }

    void rememberBackend(BackendKind kind) {
        node.put("backend", kind.name().toLowerCase(Locale.ROOT));
    }

    /** The ring the window last used: hash, slots, virtual nodes and probing together, or none. */
    public Optional<RingConfig> ring() {
        Optional<RingHash> hash = read("hash", RingHash::byName);
        Optional<Probing> probing = read("probing", Probing::byName);
        int slots = node.getInt("slots", -1);
        int virtualNodes = node.getInt("vnodes", -1);
        if (hash.isEmpty() || probing.isEmpty() || slots < 1 || slots > RingConfig.MAX_SLOTS) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RingConfig(slots, virtualNodes, hash.get(), probing.get()));
        } catch (IllegalArgumentException notARing) {
            return Optional.empty();
        }
    }

    void rememberRing(RingConfig ring) {
        node.put("hash", ring.hash().name());
        node.putInt("slots", ring.slots());
        node.putInt("vnodes", ring.virtualNodesPerServer());
        node.put("probing", ring.probing().label());
    }

    /** The placement algorithm the window last routed with. */
    public Optional<Algorithm> algorithm() {
        return read("algorithm", Algorithm::byName);
    }

    void rememberAlgorithm(Algorithm algorithm) {
        node.put("algorithm", algorithm.label());
    }

    /** Forgets everything remembered; the next start opens as on the first day. */
    void forget() {
        try {
            node.clear();
            node.flush();
        } catch (BackingStoreException unavailable) {
            // nothing stored, nothing to forget
        }
    }

    /** Writes what is remembered to the store now, rather than when the JVM exits. */
    void flush() {
        try {
            node.flush();
        } catch (BackingStoreException unavailable) {
            // the store is unavailable (a read-only home): the window works, it just forgets
        }
    }

    private <T> Optional<T> read(String key, java.util.function.Function<String, T> parse) {
        String value = node.get(key, null);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
