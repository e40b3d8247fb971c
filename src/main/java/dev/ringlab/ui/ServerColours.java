package dev.ringlab.ui;

import dev.ringlab.ring.Server;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One colour per server, the same on the ring, in the table's swatch, the legend and the charts.
 *
 * <p>Eight solid colours after Okabe and Ito's colour-blind-safe set, each darkened or lightened until
 * it reads at least 3 : 1 against both the light background (white) and the dark one ({@code #1e1e1e});
 * the ratios are measured in {@code ServerColoursTest} and listed in docs/window.md. A server keeps its
 * colour while it lives; a new server takes the first colour no live server holds, so colours are
 * reused as ids grow instead of running into pale ones (the old palette followed the id and was pastel
 * after a few experiments). Grey and black are left out on purpose: they mean "dead" and "moved".
 */
final class ServerColours {

    static final List<String> PALETTE = List.of(
            "#0072B2", // blue
            "#D55E00", // vermillion
            "#009E73", // bluish green
            "#C05F97", // reddish purple
            "#AA7A00", // orange, darkened from #E69F00
            "#3C8DC4", // sky blue, darkened from #56B4E9
            "#8C73C2", // violet
            "#6B8E23"); // olive, for the yellow that cannot reach 3 : 1 on white

    static final String LIGHT_BACKGROUND = "#FFFFFF";
    static final String DARK_BACKGROUND = "#1E1E1E";

    /** Which palette index each live server holds; the window and charts ask from the FX thread and others. */
    private static final Map<Server, Integer> HELD = new HashMap<>();

    private ServerColours() {
    }

    /** The server's colour: the one it holds, or the first one free. */
    static synchronized String of(Server server) {
        Integer index = HELD.get(server);
        if (index == null) {
            Set<Integer> taken = new HashSet<>(HELD.values());
            index = 0;
            while (taken.contains(index) && index < PALETTE.size()) {
                index++;
            }
            if (index == PALETTE.size()) {
                // more live servers than colours: fall back on the id, and the legend's names tell them apart
                index = Math.floorMod(server.id() - 1, PALETTE.size());
            }
            HELD.put(server, index);
        }
        return PALETTE.get(index);
    }

    /** Frees the colours of servers that are gone, so the next server reuses them. */
    static synchronized void keepOnly(Collection<Server> live) {
        HELD.keySet().retainAll(new HashSet<>(live));
        live.forEach(ServerColours::of);
    }

    /** WCAG contrast ratio of two {@code #rrggbb} colours, from 1 (same) to 21 (black on white). */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
