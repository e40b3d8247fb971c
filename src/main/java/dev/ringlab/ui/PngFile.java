package dev.ringlab.ui;

import java.io.File;
import java.io.IOException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/** Writes what a node shows to a PNG file; the snapshot is taken on the FX thread, the encoding may run elsewhere. */
final class PngFile {

    private PngFile() {
    }

    /** Takes the picture; must run on the FX thread. */
    static WritableImage snapshot(Node node) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        return node.snapshot(parameters, null);
    }

    /** Encodes and writes; safe off the FX thread. */
    static void write(WritableImage image, File file) throws IOException {
        // RGB, not ARGB: a slide has no transparency, and some viewers refuse an alpha channel
        java.awt.image.BufferedImage argb = SwingFXUtils.fromFXImage(image, null);
        java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(argb.getWidth(), argb.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        g.drawImage(argb, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        if (!ImageIO.write(rgb, "png", file)) {
            throw new IOException("no PNG writer available");
        }
    }
}
