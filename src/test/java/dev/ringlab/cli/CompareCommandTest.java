package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine root = RingLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        return root.execute(args);
    }

    @Test
    void writesTheTableAndTheChartsForTheChosenAlgorithms() throws Exception {
        Path target = dir.resolve("out");
        int code = run("experiment", "compare", "--algorithms", "ring,jump,maglev", "--servers", "6",
                "--keys", "20000", "--vnodes", "5,50", "--slots", "4096", "--maglev-size", "251",
                "--seed", "3", "--out", target.toString());

        assertThat(code).as(err.toString()).isZero();
        String csv = Files.readString(target.resolve("compare.csv"));
        assertThat(csv.lines()).hasSize(5).first().asString().startsWith("label,algorithm,servers,keys,peak_to_mean");
        assertThat(csv).contains("ring(V=5),ring,6,20000", "ring(V=50),ring,6,20000", "jump,jump,6,20000",
                "maglev(M=251),maglev,6,20000");
        String markdown = Files.readString(target.resolve("compare.md"));
        assertThat(markdown).contains("| algorithm | peak/mean", "| jump |", "| maglev(M=251) |");
        for (String png : new String[] {"compare-load-spread.png", "compare-keys-moved.png"}) {
            var image = ImageIO.read(target.resolve(png).toFile());
            assertThat(image.getWidth()).isEqualTo(2200); // drawn at 2x, like every PNG RingLab writes
            assertThat(image.getHeight()).isEqualTo(1300);
        }
        assertThat(out.toString()).contains("jump", "peak/mean", "wrote ");
    }

    @Test
    void badInputIsOneLineAndExitTwoAndWritesNothing() throws Exception {
        Path target = dir.resolve("never");
        String[][] cases = {
                {"--algorithms", "ring,consistent"},
                {"--servers", "1"},
                {"--keys", "0"},
                {"--maglev-size", "65536"},
                {"--load-factor", "0.9"},
                {"--vnodes", "0"},
                {"--ring-hash", "sha1"},
                {"--servers", "10", "--vnodes", "1000", "--slots", "512"},
                {"--servers", "ten"},
        };
        for (String[] bad : cases) {
            err.getBuffer().setLength(0);
            String[] args = new String[bad.length + 4];
            args[0] = "experiment";
            args[1] = "compare";
            System.arraycopy(bad, 0, args, 2, bad.length);
            args[bad.length + 2] = "--out";
            args[bad.length + 3] = target.toString();
            assertThat(run(args)).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(err.toString().strip()).as(String.join(" ", bad)).startsWith("ringlab: ").doesNotContain("\n");
        }
        assertThat(target).doesNotExist();
        err.getBuffer().setLength(0);
        run("experiment", "compare", "--maglev-size", "65536", "--out", target.toString());
        assertThat(err.toString()).contains("the Maglev table size must be a prime");

        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a folder");
        err.getBuffer().setLength(0);
        assertThat(run("experiment", "compare", "--keys", "100", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is a file, not a folder");
    }
}
