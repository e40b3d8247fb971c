package dev.ringlab.ui;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A chart drawn on white, turned into one for the dark theme by inverting each colour's lightness
 * (CIELAB L*) and keeping its hue and chroma: white paper becomes the window's dark background, black
 * ink becomes white, and a server's colour becomes a lighter one of the same hue.
 *
 * <p>Why the finished picture and not the chart: the charts' colours are set in many places (custom
 * renderers, legend items, markers, striped and spotted fills), and the window's charts are the very
 * objects that are exported, which stay ink on white for a slide. Recolouring pixels catches every
 * colour and leaves the chart untouched. Lightness inversion keeps contrast: a colour that reads
 * 3 : 1 (or 4.5 : 1) on white reads about as much on the dark background ({@code DarkChartTest}).
 */
final class DarkChart {

    /** L* of the dark background, {@link dev.ringlab.palette.ServerColours#DARK_BACKGROUND}: white maps exactly onto it. */
    private static final double BACKGROUND_LIGHTNESS = lightness(0x1E1E1E);

    private static final int MEMO = 4096;

    private DarkChart() {
    }

    /** Recolours {@code image} (drawn opaque on white) in place for the dark theme. */
    static void recolour(BufferedImage image) {
        if (image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && (image.getType() == BufferedImage.TYPE_INT_ARGB || image.getType() == BufferedImage.TYPE_INT_RGB)) {
            int[] pixels = buffer.getData();
            // A chart has a few flat colours and a few hundred anti-aliased blends of them: the conversion
            // is done once per colour (a direct-mapped memo) and once per run of equal pixels.
            long[] seen = new long[MEMO];
            int[] made = new int[MEMO];
            java.util.Arrays.fill(seen, -1L); // no pixel: pixels are kept as unsigned 32-bit values
            int lastIn = 0;
            int lastOut = 0;
            for (int i = 0; i < pixels.length; i++) {
                int pixel = pixels[i];
                if (pixel != lastIn || i == 0) {
                    int slot = (pixel * 0x9E3779B1 >>> 20) & (MEMO - 1);
                    if (seen[slot] != Integer.toUnsignedLong(pixel)) {
                        seen[slot] = Integer.toUnsignedLong(pixel);
                        made[slot] = (pixel & 0xFF000000) | colour(pixel & 0xFFFFFF);
                    }
                    lastIn = pixel;
                    lastOut = made[slot];
                }
                pixels[i] = lastOut;
            }
        } else {
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int pixel = image.getRGB(x, y);
                    image.setRGB(x, y, (pixel & 0xFF000000) | colour(pixel & 0xFFFFFF));
                }
            }
        }
    }

    /** The dark theme's counterpart of an sRGB colour {@code 0xRRGGBB}. */
    static int colour(int rgb) {
        double[] lab = lab(rgb);
        // L* 100 (white) -> the background's L*, L* 0 (black) -> 100; hue and chroma stay.
        lab[0] = 100 - lab[0] * (100 - BACKGROUND_LIGHTNESS) / 100;
        return rgb(lab);
    }

    private static double lightness(int rgb) {
        return lab(rgb)[0];
    }

    // sRGB (D65) <-> CIELAB, the textbook formulas.

    private static double[] lab(int rgb) {
        double r = linear((rgb >> 16) & 0xFF);
        double g = linear((rgb >> 8) & 0xFF);
        double b = linear(rgb & 0xFF);
        double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    private static int rgb(double[] lab) {
        double fy = (lab[0] + 16) / 116;
        double x = 0.95047 * fInverse(fy + lab[1] / 500);
        double y = fInverse(fy);
        double z = 1.08883 * fInverse(fy - lab[2] / 200);
        int r = gamma(3.2406 * x - 1.5372 * y - 0.4986 * z);
        int g = gamma(-0.9689 * x + 1.8758 * y + 0.0415 * z);
        int b = gamma(0.0557 * x - 0.2040 * y + 1.0570 * z);
        return (r << 16) | (g << 8) | b;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int gamma(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        double v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (int) Math.round(v * 255);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double fInverse(double t) {
        return t > 6.0 / 29 ? t * t * t : (116 * t - 16) * 27 / 24389;
    }
}
