package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ringlab.experiment.ChartStyle;
import dev.ringlab.palette.ServerColours;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The dark charts keep the light charts' contrast rules: 3 : 1 for graphics, 4.5 : 1 for text. */
class DarkChartTest {

    private static String hex(int rgb) {
        return String.format("#%06X", rgb & 0xFFFFFF);
    }

    private static double onDark(Color light) {
        return ServerColours.contrast(hex(DarkChart.colour(light.getRGB() & 0xFFFFFF)), ServerColours.DARK_BACKGROUND);
    }

    @Test
    void whitePaperBecomesTheWindowsDarkBackgroundAndBlackInkWhite() {
        Color paper = new Color(DarkChart.colour(0xFFFFFF));
        Color ink = new Color(DarkChart.colour(0x000000));

        assertThat(paper.getRed()).isCloseTo(0x1E, within(1));
        assertThat(paper.getGreen()).isCloseTo(0x1E, within(1));
        assertThat(paper.getBlue()).isCloseTo(0x1E, within(1));
        assertThat(ink).isEqualTo(Color.WHITE);
    }

    @Test
    void everyServerColourOfTheChartsReadsAtLeastThreeToOneOnDark() {
        for (int i = 0; i < 8; i++) {
            Color light = ChartStyle.series(i); // the server palette, colour by colour
            assertThat(ServerColours.contrast(hex(light.getRGB()), "#FFFFFF")).as("light %s", hex(light.getRGB()))
                    .isGreaterThanOrEqualTo(3);
            assertThat(onDark(light)).as("dark counterpart of %s", hex(light.getRGB())).isGreaterThanOrEqualTo(3);
        }
        assertThat(onDark(ChartStyle.REFERENCE)).isGreaterThanOrEqualTo(4.5);
    }

    /** Text and lines of the charts: titles (black), subtitles (dark grey), captions (grey). */
    @Test
    void textKeepsFourAndAHalfToOne() {
        for (Color text : new Color[] {Color.BLACK, Color.DARK_GRAY, new Color(0x333333)}) {
            assertThat(onDark(text)).as(hex(text.getRGB())).isGreaterThanOrEqualTo(4.5);
        }
        // grey captions read 3.9 : 1 on white, and about as much on dark
        assertThat(onDark(Color.GRAY)).isGreaterThanOrEqualTo(3.5);
    }

    @Test
    void aColourKeepsItsHue() {
        Color blue = new Color(DarkChart.colour(0x0072B2));
        Color vermillion = new Color(DarkChart.colour(0xD55E00));

        assertThat(blue.getBlue()).isGreaterThan(blue.getRed());
        assertThat(vermillion.getRed()).isGreaterThan(vermillion.getBlue());
        assertThat(Color.RGBtoHSB(blue.getRed(), blue.getGreen(), blue.getBlue(), null)[0])
                .isCloseTo(Color.RGBtoHSB(0x00, 0x72, 0xB2, null)[0], within(0.05f));
    }

    /** Many colours that share memo slots: each pixel still gets its own colour's counterpart. */
    @Test
    void everyPixelGetsItsOwnColoursCounterpart() {
        java.util.Random random = new java.util.Random(7);
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        int[] before = new int[200 * 100];
        for (int i = 0; i < before.length; i++) {
            before[i] = 0xFF000000 | (i % 3 == 0 ? 0xFFFFFF : random.nextInt(0x1000000));
            image.setRGB(i % 200, i / 200, before[i]);
        }

        DarkChart.recolour(image);

        for (int i = 0; i < before.length; i++) {
            assertThat(image.getRGB(i % 200, i / 200)).isEqualTo(0xFF000000 | DarkChart.colour(before[i] & 0xFFFFFF));
        }
    }

    @Test
    void anImageIsRecolouredInPlaceKeepingItsAlpha() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFFFFFFFF);
        image.setRGB(1, 0, 0xFF000000);
        image.setRGB(2, 0, 0x80FFFFFF);

        DarkChart.recolour(image);

        assertThat(image.getRGB(0, 0)).isEqualTo(0xFF000000 | DarkChart.colour(0xFFFFFF));
        assertThat(image.getRGB(1, 0)).isEqualTo(0xFFFFFFFF);
        assertThat(image.getRGB(2, 0) >>> 24).isEqualTo(0x80);
    }
}
