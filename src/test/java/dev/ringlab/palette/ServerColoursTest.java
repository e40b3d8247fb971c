package dev.ringlab.palette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.ring.Server;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerColoursTest {

    @Test
    void everyColourReadsAtLeastThreeToOneOnBothBackgrounds() {
        for (String colour : ServerColours.PALETTE) {
            double light = ServerColours.contrast(colour, ServerColours.LIGHT_BACKGROUND);
            double dark = ServerColours.contrast(colour, ServerColours.DARK_BACKGROUND);
            System.out.printf("%s  on white %.2f : 1   on #1e1e1e %.2f : 1%n", colour, light, dark);
            assertThat(light).as(colour + " on white").isGreaterThanOrEqualTo(3);
            assertThat(dark).as(colour + " on dark").isGreaterThanOrEqualTo(3);
        }
        assertThat(ServerColours.contrast("#000000", "#FFFFFF")).isEqualTo(21);
    }

    @Test
    void coloursAreReusedAsIdsGrowInsteadOfRunningOut() {
        Server first = new Server(101, "a");
        Server second = new Server(102, "b");
        ServerColours.keepOnly(List.of(first, second));
        String freed = ServerColours.of(first);
        assertThat(ServerColours.of(second)).isNotEqualTo(freed);
        Server later = new Server(1_000, "c");
        ServerColours.keepOnly(List.of(second, later));
        // the newcomer takes the colour the leaver gave back, never a pale one far down a list
        assertThat(ServerColours.of(later)).isEqualTo(freed);
        assertThat(ServerColours.of(second)).isNotEqualTo(freed);
    }

    @Test
    void aServerHasOneColourByNameWhoeverAsks() {
        Server ring = new Server(7, "S7");
        ServerColours.keepOnly(List.of(ring));
        // a chart knows the server only by its name (a bar's category): it gets the ring's colour, not a position's
        assertThat(ServerColours.of("S7")).isEqualTo(ServerColours.of(ring));
        assertThat(dev.ringlab.experiment.ChartStyle.server("S7").getRGB() & 0xFFFFFF)
                .isEqualTo(ServerColours.rgb(ServerColours.of(ring)));
        ServerColours.keepOnly(List.of());
        assertThat(ServerColours.holds("S7")).isFalse();
    }

    @Test
    void aReplacementTakesItsPredecessorsColourEvenWhileTheDeadOneIsStillShown() {
        Server first = new Server(201, "p1");
        Server second = new Server(202, "p2");
        ServerColours.keepOnly(List.of(first, second));
        String seconds = ServerColours.of(second);
        ServerColours.of(first);

        ServerColours.inherit("p3", "p2");

        assertThat(ServerColours.of("p3")).isEqualTo(seconds);
        assertThat(ServerColours.holds("p2")).isFalse();
        ServerColours.keepOnly(List.of());
    }

    @Test
    void serversBackFromALoanHaveTheirColoursAgainEvenWhileAStaleRingIsDrawn() {
        Server one = new Server(1, "Server 1");
        Server two = new Server(2, "Server 2");
        Server three = new Server(3, "Server 3");
        Server four = new Server(4, "Server 4");
        ServerColours.keepOnly(List.of(one, two, three));
        java.util.Map<String, String> before = ServerColours.held(List.of(one, two, three));
        // A-3 kills Server 1; Server 4 replaces it in its colour; the run gives Server 1 back
        ServerColours.inherit("Server 4", "Server 1");
        ServerColours.keepOnly(List.of(two, three, four));

        ServerColours.giveBack(before);
        // the window, pacing ring changes, still draws the ring of the run, and the table asks meanwhile
        ServerColours.keepOnly(List.of(two, three, four));
        String fours = ServerColours.of(four);
        ServerColours.keepOnly(List.of(one, two, three));

        assertThat(ServerColours.held(List.of(one, two, three))).isEqualTo(before);
        assertThat(fours).isNotIn(before.values());
        // all back: nothing is kept any more, a newcomer takes the first colour free
        ServerColours.keepOnly(List.of(two, three));
        assertThat(ServerColours.of(four)).isEqualTo(before.get("Server 1"));
        ServerColours.keepOnly(List.of());
    }
}
