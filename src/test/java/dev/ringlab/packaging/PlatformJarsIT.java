package dev.ringlab.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The jars {@code ./mvnw package} makes for each desktop system: each carries its own platform's
 * JavaFX natives (for macOS, of the right processor), none of another's, and starts RingLab's
 * launcher.
 */
class PlatformJarsIT {

    private static final Path TARGET = Path.of(System.getProperty("ringlab.jar", "target/ringlab.jar")).getParent();
    private static final String VERSION = System.getProperty("ringlab.version", "0.1.0");

    /** Mach-O cpu types, the 32-bit word after the magic: x86_64 and arm64. */
    private static final int CPU_X86_64 = 0x01000007;
    private static final int CPU_ARM64 = 0x0100000c;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ringlab.jar,                 libglass.so,     .so,    ELF",
        "ringlab-VERSION-mac.jar,     libglass.dylib,  .dylib, x86_64",
        "ringlab-VERSION-mac-aarch64.jar, libglass.dylib, .dylib, arm64",
        "ringlab-VERSION-win.jar,     glass.dll,       .dll,   PE"})
    void eachJarCarriesItsOwnPlatformsNativesOnly(String name, String glass, String suffix, String format)
            throws IOException {
        Path jar = TARGET.resolve(name.replace("VERSION", VERSION));
        assertThat(jar).isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes manifest = file.getManifest().getMainAttributes();
            assertThat(manifest.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("dev.ringlab.cli.Launcher");
            assertThat(file.getEntry("dev/ringlab/cli/Launcher.class")).isNotNull();
            assertThat(file.getEntry("javafx/application/Application.class")).isNotNull();

            List<String> natives = file.stream().map(ZipEntry::getName)
                    .filter(entry -> entry.indexOf('/') < 0)
                    .filter(entry -> entry.endsWith(".so") || entry.endsWith(".dylib") || entry.endsWith(".dll"))
                    .toList();
            assertThat(natives).contains(glass, glass.replace("glass", "prism_sw"));
            assertThat(natives).allMatch(entry -> entry.endsWith(suffix), "only " + suffix + " natives");
            assertThat(format(file, file.getEntry(glass))).isEqualTo(format);
            if (!suffix.equals(".so")) {
                // Linux's GTK glass has no use there; the platform's own glass classes replace it.
                assertThat(file.getEntry("com/sun/glass/ui/gtk/GtkApplication.class")).isNull();
            }
        }
    }

    /** What kind of binary an entry is: ELF, PE, or a Mach-O's processor. */
    private static String format(JarFile jar, ZipEntry entry) throws IOException {
        byte[] head;
        try (InputStream in = jar.getInputStream(entry)) {
            head = in.readNBytes(8);
        }
        if (head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return "ELF";
        }
        if (head[0] == 'M' && head[1] == 'Z') {
            return "PE";
        }
        int magic = littleEndian(head, 0);
        if (magic == 0xfeedfacf) {
            int cpu = littleEndian(head, 4);
            return cpu == CPU_X86_64 ? "x86_64" : cpu == CPU_ARM64 ? "arm64" : "mach-o cpu " + Integer.toHexString(cpu);
        }
        return "unknown " + Integer.toHexString(magic);
    }

    private static int littleEndian(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
    }
}
