package dev.ringlab.cluster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ImageRecipeTest {

    @Test
    void theReplicaImageIsRebuiltOnlyWhenItsContentChanges() {
        ImageRecipe once = ReplicaImage.recipe("1.0");
        ImageRecipe again = ReplicaImage.recipe("1.0");
        assertThat(again.digest()).isEqualTo(once.digest());
        assertThat(ReplicaImage.recipe("1.1").digest()).isNotEqualTo(once.digest());

        ImageRecipe otherClasses = new ImageRecipe(once.repository(), once.version(), once.modules(), once.jdeps(),
                Map.of("opt/ringlab/replica.jar", jar(1000, "changed".getBytes(StandardCharsets.UTF_8))),
                once.entrypoint(), once.port(), once.user());
        assertThat(otherClasses.digest()).isNotEqualTo(once.digest());
    }

    @Test
    void aJarRebuiltWithNewTimestampsKeepsItsDigest() {
        byte[] content = "class bytes".getBytes(StandardCharsets.UTF_8);
        ImageRecipe monday = recipeWith(jar(1_000_000L, content));
        ImageRecipe tuesday = recipeWith(jar(90_000_000L, content));
        assertThat(tuesday.digest()).isEqualTo(monday.digest());
    }

    @Test
    void theReplicaJarHoldsTheReplicaAloneAndRunsIt() throws IOException {
        byte[] jar = ReplicaImage.replicaJar();
        assertThat(ReplicaImage.replicaJar()).isEqualTo(jar);
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            assertThat(in.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.ringlab.replica.ReplicaServer");
            List<String> names = new ArrayList<>();
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                names.add(entry.getName());
            }
            assertThat(names).contains("dev/ringlab/replica/ReplicaServer.class")
                    .allMatch(name -> name.startsWith("dev/ringlab/replica/"));
        }
    }

    @Test
    void theDockerfileStartsFromNothingAndCarriesTheDigest() {
        ImageRecipe recipe = ReplicaImage.recipe("2.0");
        String dockerfile = recipe.dockerfile(recipe.digest());
        assertThat(dockerfile).contains("FROM scratch", "USER 65534:65534", "EXPOSE 5000",
                ImageRecipe.DIGEST_LABEL + "=\"" + recipe.digest() + "\"", "dev.ringlab=\"2.0\"",
                "\"/opt/jre/bin/java\"");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void lddFindsTheLoaderAndCLibraryOfThisJdk() throws IOException {
        Path javaHome = Path.of(System.getProperty("java.home"));
        assertThat(ImageContext.sharedLibraries(javaHome))
                .anyMatch(path -> path.getFileName().toString().startsWith("ld-linux"))
                .anyMatch(path -> path.getFileName().toString().startsWith("libc.so"))
                .noneMatch(path -> path.startsWith(javaHome));
    }

    @Test
    void theBuildContextTarKeepsExecutableBits(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("rootfs/opt/jre/bin"));
        Path launcher = Files.writeString(bin.resolve("java"), "#!");
        launcher.toFile().setExecutable(true);
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Path tar = ImageContext.tar(dir);
        try (var in = new TarArchiveInputStream(
                Files.newInputStream(tar))) {
            Map<String, Integer> modes = new HashMap<>();
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                modes.put(entry.getName(), entry.getMode() & 0777);
            }
            assertThat(modes).containsEntry("rootfs/opt/jre/bin/java", 0755).containsEntry("Dockerfile", 0644)
                    .doesNotContainKey("context.tar");
        }
    }

    private static ImageRecipe recipeWith(byte[] jar) {
        return new ImageRecipe("r", "1", List.of("java.base"), false, Map.of("app.jar", jar), List.of("x"), null, null);
    }

    private static byte[] jar(long time, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("a/B.class");
            entry.setTime(time);
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return bytes.toByteArray();
    }
}
