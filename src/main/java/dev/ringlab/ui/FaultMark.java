package dev.ringlab.ui;

/**
 * A fault injected into a server that is still on the ring, as the ring marks it: each with a shape of
 * its own (a snowflake and frost for a frozen server, a clock and dashes for a slow or failing one),
 * never a server's hue, so it reads in grey scale and whatever the server's colour.
 */
public enum FaultMark {
    FROZEN("frozen", "frozen: hangs with its slots, answers nothing"),
    SLOW("slow", "slow or failing: /home delayed or answered 500, heartbeats fine");

    private final String word;
    private final String legend;

    FaultMark(String word, String legend) {
        this.word = word;
        this.legend = legend;
    }

    /** The row's fault as marked: frozen first (nothing answers, so its latency does not show), or null. */
    static FaultMark of(ServerRow row) {
        if (row.frozen()) {
            return FROZEN;
        }
        return row.fault().isNone() ? null : SLOW;
    }

    /** One word, after a server's name in the legend. */
    public String word() {
        return word;
    }

    /** The legend's key: what the shape means. */
    public String legend() {
        return legend;
    }
}
