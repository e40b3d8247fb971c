package dev.ringlab.cluster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yaml} end to end through {@code scripts/compose-test.sh}: the headless balancer
 * image built by {@code package} starts 3 sibling replicas, answers /rep and /home, and
 * {@code docker-compose down} leaves nothing.
 */
class ComposeIT {

    /** The exact image this build's package made (other worktrees on the engine may move ringlab:latest). */
    private static String image;

    @BeforeAll
    static void engineAndImages() {
        Engine.require();
        ImageRecipe recipe = HeadlessImage.recipe(Engine.VERSION, Path.of(System.getProperty("ringlab.jar", "target/ringlab.jar")));
        image = recipe.contentTag(recipe.digest());
        boolean built = !Engine.docker("images", "-q", image).isEmpty();
        if (!built && System.getenv("CI") != null) {
            throw new AssertionError("CI: " + image + " was not built by ./mvnw package");
        }
        Assumptions.assumeTrue(built, image + " not built (package ran with -Dringlab.images.skip=true)");
    }

    @Test
    void theComposeStackComesUpAnswersAndGoesDownClean() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/compose-test.sh").redirectErrorStream(true);
        builder.environment().put("RINGLAB_IMAGE", image);
        Process script = builder.start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);
        assertThat(script.exitValue()).as(output).isZero();
        assertThat(output).contains("compose-test: all checks passed");
    }
}
