package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ui.MemoryPreferences;
import dev.ringlab.ui.WindowPreferences;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The window opens on the backend and ring it last used, unless the command line names its own:
 * what a person types wins over what the window remembers.
 */
class GuiRememberedTest {

    private static final RingConfig LAST_RING = new RingConfig(256, 12, RingHash.MURMUR3, Probing.QUADRATIC);

    private final Preferences node = new MemoryPreferences();
    private final List<String> notes = new ArrayList<>();

    /** The window's command as parsed from {@code args}, remembering what {@link #node} holds. */
    private GuiCommand parsed(String... args) {
        CommandLine root = RingLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        // with no arguments at all the root opens the window's command itself; parse it as named
        String[] window = args.length == 0 ? new String[] {"gui"} : RingLabCommand.withWindowCommand(root, args);
        CommandLine.ParseResult result = root.parseArgs(window);
        GuiCommand gui = result.subcommand().commandSpec().commandLine().getCommand();
        gui.remembered = new WindowPreferences(node);
        return gui;
    }

    private void lastTime(BackendKind backend, RingConfig ring) {
        node.put("backend", backend.name().toLowerCase(java.util.Locale.ROOT));
        node.put("hash", ring.hash().name());
        node.putInt("slots", ring.slots());
        node.putInt("vnodes", ring.virtualNodesPerServer());
        node.put("probing", ring.probing().label());
    }

    @Test
    void withNothingRememberedTheCommandLinesDefaultsHold() {
        GuiCommand gui = parsed("--backend", "sim");

        assertThat(gui.ring()).isEqualTo(RingConfig.DEFAULT);
        assertThat(gui.firstBackend(notes::add)).isEqualTo(BackendKind.SIM);
    }

    @Test
    void withoutOptionsTheWindowOpensAsItWasLeft() {
        lastTime(BackendKind.PROCESS, LAST_RING);

        GuiCommand gui = parsed();

        assertThat(gui.ring()).isEqualTo(LAST_RING);
        assertThat(gui.firstBackend(notes::add)).isEqualTo(BackendKind.PROCESS);
        assertThat(notes).containsExactly("backend: processes, as last time (--backend chooses another)");
    }

    @Test
    void anOptionOnTheCommandLineWinsOverWhatIsRemembered() {
        lastTime(BackendKind.PROCESS, LAST_RING);

        GuiCommand gui = parsed("--backend", "sim", "--hash", "assignment-v2");

        assertThat(gui.ring()).isEqualTo(new RingConfig(RingConfig.DEFAULT_SLOTS, RingConfig.DEFAULT_VIRTUAL_NODES,
                RingHash.byName("assignment-v2"), Probing.LINEAR));
        assertThat(gui.firstBackend(notes::add)).isEqualTo(BackendKind.SIM);
        assertThat(notes).isEmpty();
    }
}
