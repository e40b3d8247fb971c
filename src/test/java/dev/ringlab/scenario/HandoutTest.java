package dev.ringlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handout is one HTML page that needs nothing else: charts inline, no script, no outside resource. */
class HandoutTest {

    private static final Pattern IMAGE = Pattern.compile("<img [^>]*src=\"([^\"]*)\"");
    private static final Pattern RESOURCE = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    @Test
    void aPlayedLessonBecomesOneSelfContainedPage(@TempDir Path out) throws IOException {
        Scenario scenario = new ScenarioReader().read("kill-one.yaml", """
                title: Kill one <and see>
                description: |
                  A short lesson.

                  In two paragraphs & with a < sign.
                seed: 11
                ring: {hash: murmur3}
                servers: 3
                steps:
                  - send: 600
                    caption: Three servers share <b>600</b> requests.
                    expect: {failed: 0, busiest_over_mean: "< 1.01"}
                  - kill: Server 3
                    caption: Server 3 dies.
                  - wait: {until: replaced, server: Server 3, timeout: 20s}
                  - send: 600
                    caption: The same requests again.
                  - analysis: a1
                    parameters: {requests: 300, servers: 2}
                    caption: A-1 on two servers.
                """);

        ScenarioRun run = Labs.play(scenario, Labs.simulation(), "sim", out);
        Path page = new Handout("9.9.9-test").write(run, out);
        String html = Files.readString(page);

        assertThat(page.getFileName()).hasToString("handout.html");
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n").doesNotContain("<script", "<link", "<iframe",
                "@import", "url(");
        List<String> images = matches(IMAGE, html);
        // a chart per send, A-1's chart, and the sends side by side
        assertThat(images).hasSize(4);
        for (String image : images) {
            assertThat(image).startsWith("data:image/png;base64,");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
                    .decode(image.substring("data:image/png;base64,".length()))));
            assertThat(decoded).isNotNull();
            assertThat(decoded.getWidth()).isGreaterThan(100);
        }
        // Links only to the run's own files beside the page, never to the network.
        for (String resource : matches(RESOURCE, html)) {
            if (!resource.startsWith("data:")) {
                assertThat(resource).doesNotContain("://").doesNotStartWith("/");
                assertThat(out.resolve(resource)).exists();
            }
        }
        // What a student needs: captions, seed, version, machine, the expectations and the timeline.
        assertThat(html).contains("Kill one &lt;and see&gt;", "Three servers share &lt;b&gt;600&lt;/b&gt; requests.",
                "In two paragraphs &amp; with a &lt; sign.", "Server 3 dies.", "<th>Seed</th><td>11</td>",
                "<th>RingLab</th><td>9.9.9-test</td>", Handout.machine(), "busiest_over_mean", "✗ failed",
                "failed</td><td>0</td><td>== 0 <b>✓ held</b>", "Event timeline", "Server 3 declared dead",
                "Depends on timing", "1 of 2 expectations failed", "Routing fingerprint");
        assertThat(out.resolve("timeline.csv")).isNotEmptyFile();
        assertThat(out.resolve("step-01-send.png")).isNotEmptyFile();
        assertThat(out.resolve("step-05-analysis/a1.csv")).isNotEmptyFile();
    }

    private static List<String> matches(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
