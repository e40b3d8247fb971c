package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When {@code java -jar ringlab.jar} runs a command in a second JVM made for short runs, and how. */
class BatchLaunchTest {

    @TempDir
    Path folder;
    private Path java;
    private Path jar;

    @BeforeEach
    void aRuntimeAndAJar() throws IOException {
        java = Files.createFile(folder.resolve("java"));
        jar = Files.createFile(folder.resolve("ringlab.jar"));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void anExperimentRunsWithTheClientCompilerAndTheUsersOptionsAfterIt() {
        List<String> command = BatchLaunch.command(List.of("-Xmx1g", "-Dx=y", "-jar", "ringlab.jar", "experiment", "a1"),
                new String[] {"experiment", "a1"}, java, jar).orElseThrow();

        assertThat(command).containsExactly(java.toString(), "-XX:TieredStopAtLevel=1", "-Xmx1g", "-Dx=y",
                "-Dringlab.launched=true", "-jar", jar.toString(), "experiment", "a1");
    }

    @Test
    void theArchiveIsUsedOnlyWhenItIsNewerThanTheJar() throws IOException {
        Path archive = Files.createFile(folder.resolve(AppArchive.ARCHIVE));
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2025-12-31T00:00:00Z")));
        String[] args = {"experiment", "a1"};
        List<String> stale = BatchLaunch.command(List.of("-jar", "ringlab.jar"), args, java, jar).orElseThrow();

        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        List<String> fresh = BatchLaunch.command(List.of("-jar", "ringlab.jar"), args, java, jar).orElseThrow();

        assertThat(stale).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
        assertThat(fresh).contains("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }

    @Test
    void theWindowRunsWithTheClientCompilerTooByNameOrAsTheDefault() {
        List<String> named = BatchLaunch.command(List.of("-jar", "ringlab.jar", "gui", "--diagnose-pulse"),
                new String[] {"gui", "--diagnose-pulse"}, java, jar).orElseThrow();
        List<String> byDefault = BatchLaunch.command(List.of("-jar", "ringlab.jar"), new String[0], java, jar)
                .orElseThrow();

        assertThat(named).containsExactly(java.toString(), "-XX:TieredStopAtLevel=1", "-Dringlab.launched=true",
                "-jar", jar.toString(), "gui", "--diagnose-pulse");
        assertThat(byDefault).containsExactly(java.toString(), "-XX:TieredStopAtLevel=1", "-Dringlab.launched=true",
                "-jar", jar.toString());
    }

    @Test
    void serveAndJvmsThatChoseTheirCompilerRunInTheFirstJvm() {
        assertThat(BatchLaunch.command(List.of("-jar", "ringlab.jar", "serve"), new String[] {"serve"}, java, jar))
                .isEmpty();
        assertThat(BatchLaunch.command(List.of("-XX:-TieredCompilation", "-jar", "ringlab.jar", "gui"),
                new String[] {"gui"}, java, jar)).isEmpty();
        assertThat(BatchLaunch.command(List.of("-XX:TieredStopAtLevel=1", "-jar", "ringlab.jar", "experiment"),
                new String[] {"experiment"}, java, jar)).isEmpty();
    }

    @Test
    void withoutAJarOrAJavaToStartItRunsInTheFirstJvm() {
        String[] args = {"experiment", "a1"};
        assertThat(BatchLaunch.command(List.of("-cp", "classes", "dev.ringlab.cli.Launcher", "experiment"), args, java,
                jar)).isEmpty();
        assertThat(BatchLaunch.command(List.of("-jar", "ringlab.jar"), args, java, null)).isEmpty();
        assertThat(BatchLaunch.command(List.of("-jar", "ringlab.jar"), args, folder.resolve("no-java"), jar)).isEmpty();
    }
}
