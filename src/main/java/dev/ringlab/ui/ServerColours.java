package dev.ringlab.ui;

import dev.ringlab.ring.Server;
import java.util.List;

/**
 * One colour per server, stable for its whole life (by id, not by position), so a server keeps its
 * colour on the ring, in the legend and in the charts while others come and go.
 */
final class ServerColours {

    /** Twenty colours that stay apart from each other on white (Tableau 20, darker half first). */
    private static final List<String> PALETTE = List.of(
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94",
            "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5");

    private ServerColours() {
    }

    static String of(Server server) {
        return PALETTE.get(Math.floorMod(server.id() - 1, PALETTE.size()));
    }
}
