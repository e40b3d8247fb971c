package dev.ringlab.palette;

import dev.ringlab.ring.Server;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One colour per server, the same on the ring, in the table's swatch, the legend, every chart and
 * every export: the window and the experiments' charts both ask here, so a server is the same colour
 * in all of them (they used to have two palettes, one by server and one by a bar's position).
 *
 * <p>Eight solid colours after Okabe and Ito's colour-blind-safe set, each darkened or lightened until
 * it reads at least 3 : 1 against both the light background (white) and the dark one ({@code #1e1e1e});
 * the ratios are measured in {@code ServerColoursTest} and listed in docs/window.md. A server keeps its
 * colour while it lives; a new server takes the first colour no live server holds, so colours are
 * reused as ids grow instead of running into pale ones (the old palette followed the id and was pastel
 * after a few experiments). Grey and black are left out on purpose: they mean "dead" and "moved".
 *
 * <p>Colours are held by server name: names are unique in a cluster, and charts know their servers by
 * name (a bar's category), so an experiment over the window's own servers paints each bar in the colour
 * that server has on the ring. Plain strings ({@code #rrggbb}), so JavaFX and AWT each make their own
 * colour of them; this package knows no toolkit.
 */
public final class ServerColours {

    public static final List<String> PALETTE = List.of(
            "#0072B2", // blue
            "#D55E00", // vermillion
            "#009E73", // bluish green
            "#C05F97", // reddish purple
            "#AA7A00", // orange, darkened from #E69F00
            "#3C8DC4", // sky blue, darkened from #56B4E9
            "#8C73C2", // violet
            "#6B8E23"); // olive, for the yellow that cannot reach 3 : 1 on white

    public static final String LIGHT_BACKGROUND = "#FFFFFF";
    public static final String DARK_BACKGROUND = "#1E1E1E";

    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

    /** Which palette index each live server holds; the window and chart threads ask concurrently. */
    private static final Map<String, Integer> HELD = new HashMap<>();

    /**
     * Colours kept for servers given back from a loan (an experiment, a lesson) until they are all on the
     * ring again: the window paces ring changes, so a ring from during the loan may still be drawn after the
     * give-back and must not free them, nor hand them to a server of the loan.
     */
    private static final Map<String, Integer> KEPT = new HashMap<>();

    private ServerColours() {
    }

    /** The colour each of {@code servers} holds now, by name (those that hold none are left out). */
    public static synchronized Map<String, String> held(Collection<Server> servers) {
        Map<String, String> colours = new java.util.LinkedHashMap<>();
        servers.forEach(server -> {
            Integer index = HELD.get(server.name());
            if (index != null) {
                colours.put(server.name(), PALETTE.get(index));
            }
        });
        return colours;
    }

    /**
     * Servers back from a loan take the colours {@link #held} noted before it, whoever holds them now (A-3's
     * replacement inherited its victim's), so a class sees the same servers in the same colours again.
     */
    public static synchronized void giveBack(Map<String, String> colours) {
        Map<String, Integer> indices = new HashMap<>();
        colours.forEach((name, colour) -> {
            int index = PALETTE.indexOf(colour);
            if (index >= 0) {
                indices.put(name, index);
            }
        });
        HELD.entrySet().removeIf(held -> !indices.containsKey(held.getKey()) && indices.containsValue(held.getValue()));
        HELD.putAll(indices);
        KEPT.clear();
        KEPT.putAll(indices);
    }

    public static String of(Server server) {
        return of(server.name());
    }

    /** The colour of the server called {@code name}: the one it holds, or the first one free. */
    public static synchronized String of(String name) {
        Integer index = HELD.get(name);
        if (index == null) {
            index = KEPT.get(name);
        }
        if (index == null) {
            Set<Integer> taken = new HashSet<>(HELD.values());
            taken.addAll(KEPT.values());
            index = 0;
            while (taken.contains(index) && index < PALETTE.size()) {
                index++;
            }
            if (index == PALETTE.size()) {
                // more live servers than colours: fall back on the name's number, and the names tell them apart
                index = Math.floorMod(numberIn(name) - 1, PALETTE.size());
            }
            HELD.put(name, index);
        }
        return PALETTE.get(index);
    }

    /** Frees the colours of servers that are gone, so the next server reuses them; the live keep theirs. */
    public static synchronized void keepOnly(Collection<Server> live) {
        Set<String> names = new HashSet<>();
        live.forEach(server -> names.add(server.name()));
        if (names.containsAll(KEPT.keySet())) {
            KEPT.clear(); // all back on the ring: their colours are theirs as any live server's
        }
        HELD.keySet().removeIf(name -> !names.contains(name) && !KEPT.containsKey(name));
        live.stream().sorted().forEach(ServerColours::of);
    }

    /**
     * A replacement takes its predecessor's colour, so a class sees "the same server, back": called when
     * the replacement starts, before anyone has asked its colour (the table shows it before the ring,
     * which the window paces, has let the dead server go).
     */
    public static synchronized void inherit(String successor, String predecessor) {
        Integer index = HELD.remove(predecessor);
        if (index != null && !HELD.containsKey(successor)) {
            HELD.put(successor, index);
        }
    }

    /** Whether {@code name} holds a colour now (a server that left gives its colour back). */
    public static synchronized boolean holds(String name) {
        return HELD.containsKey(name);
    }

    /** WCAG contrast ratio of two {@code #rrggbb} colours, from 1 (same) to 21 (black on white). */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The colour as 0xRRGGBB, for toolkits that take an int. */
    public static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }

    private static int numberIn(String name) {
        Matcher matcher = TRAILING_NUMBER.matcher(name);
        if (matcher.find() && matcher.group(1).length() < 9) {
            return Integer.parseInt(matcher.group(1));
        }
        return name.hashCode();
    }

    private static double luminance(String hex) {
        int rgb = rgb(hex);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
