import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws RingLab's application icon: the hash ring with nine virtual nodes of three servers in the
 * window's first three server colours, at every size the desktops ask for. Run from the repository
 * root with {@code java src/packaging/DrawIcon.java src/main/resources/icons}; the PNGs are committed,
 * so the build does not draw them.
 */
public final class DrawIcon {

    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    /** ServerColours' first three: Server 1, 2 and 3. */
    private static final Color[] SERVERS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};
    private static final Color RING = new Color(0x37, 0x41, 0x51);
    private static final Color FACE = new Color(0xf3, 0xf4, 0xf6);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/icons");
        Files.createDirectories(dir);
        for (int size : SIZES) {
            ImageIO.write(draw(size), "png", dir.resolve("ringlab-" + size + ".png").toFile());
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        // a light disc, so the ring reads on dark panels and docks too
        double margin = s * 0.02;
        g.setColor(FACE);
        g.fill(new Ellipse2D.Double(margin, margin, s - 2 * margin, s - 2 * margin));
        // the ring
        double radius = s * 0.34;
        double centre = s / 2;
        g.setColor(RING);
        g.setStroke(new BasicStroke((float) Math.max(1.5, s * 0.075)));
        g.draw(new Ellipse2D.Double(centre - radius, centre - radius, 2 * radius, 2 * radius));
        // nine virtual nodes: three per server, interleaved as a well-mixed hash would place them;
        // small sizes show one per server, or the dots would merge into the ring
        int nodes = size < 32 ? 3 : 9;
        double dot = s * (nodes == 3 ? 0.26 : 0.15);
        for (int k = 0; k < nodes; k++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * k / nodes;
            double x = centre + radius * Math.cos(angle);
            double y = centre + radius * Math.sin(angle);
            Ellipse2D disc = new Ellipse2D.Double(x - dot / 2, y - dot / 2, dot, dot);
            g.setColor(SERVERS[k % 3]);
            g.fill(disc);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke((float) Math.max(1, s * 0.018)));
            g.draw(disc);
        }
        g.dispose();
        return image;
    }
}
