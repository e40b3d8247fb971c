package dev.ringlab.ui;

import dev.ringlab.experiment.HotKey;
import dev.ringlab.ring.RingConfig;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The words in the middle of the ring: how many servers, the ring's shape (slots, virtual nodes, hash,
 * probing), the hot keys' caption while A-5 marks them, and a warning when requests do not go where
 * this ring says.
 */
final class CentreText implements RingLayer {

    private final Supplier<List<HotKey>> hotKeys;

    CentreText(Supplier<List<HotKey>> hotKeys) {
        this.hotKeys = hotKeys;
    }

    @Override
    public void draw(RingPaint paint, RingPicture p) {
        GraphicsContext gc = paint.gc();
        RingGeometry g = paint.g();
        RingConfig config = p.ring().config();
        List<HotKey> hot = hotKeys.get();
        // the words must fit inside the band: on a small ring they shrink, and the details go first
        double inner = g.band() - g.bandWidth() / 2 - 16 * paint.scale();
        double s = Math.min(paint.scale(), inner / 110);
        if (s < 0.6) {
            return;
        }
        // the wide lines (hot keys above, the band's or faded ring's note below) sit far from the centre,
        // where the circle is narrower: they get a smaller size of their own, about 150 units of radius
        double w = Math.min(paint.scale(), inner / 150);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(paint.ink());
        gc.setFont(Font.font("System", FontWeight.BOLD, 17 * s));
        String servers = p.ring().size() == 1 ? "1 server" : p.ring().size() + " servers";
        gc.fillText(servers + " on the ring", g.cx(), g.cy() - 24 * s);
        if (!hot.isEmpty()) {
            gc.setFont(Font.font("System", FontWeight.BOLD, 13 * w));
            gc.fillText(HotKeyLayer.caption(hot), g.cx(), g.cy() - 24 * s - 28 * w);
        }
        gc.setFont(Font.font("System", 13 * s));
        gc.fillText(config.slots() + " slots · " + config.virtualNodesPerServer() + " virtual nodes each",
                g.cx(), g.cy());
        gc.fillText(config.hash().name() + " hash · " + config.probing().label() + " probing", g.cx(), g.cy() + 20 * s);
        if (p.band() != null) {
            gc.setFont(Font.font("System", FontWeight.BOLD, 15 * w));
            gc.fillText("Outer band: where requests", g.cx(), g.cy() + 20 * s + 30 * w);
            gc.fillText("go under " + p.algorithm().label() + ", not this ring", g.cx(), g.cy() + 20 * s + 50 * w);
        } else if (!p.routesRequests()) {
            gc.setFont(Font.font("System", FontWeight.BOLD, 15 * w));
            gc.fillText("Requests route by " + p.algorithm().label() + ",", g.cx(), g.cy() + 20 * s + 30 * w);
            gc.fillText("not by this ring (faded)", g.cx(), g.cy() + 20 * s + 50 * w);
        }
    }
}
