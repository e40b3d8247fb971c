package dev.ringlab.cluster;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The POSIX job-control signals a replica process is frozen and thawed with. The JDK's
 * {@link ProcessHandle} only ends processes, so they go through {@code kill(1)}; Windows has no
 * equivalent, and says so rather than pretend.
 */
enum ProcessSignal {
    STOP, CONT;

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");

    void send(Process process) {
        if (WINDOWS) {
            throw new BackendException("freezing a process needs POSIX signals (SIG" + name() + "); not on Windows");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name(), Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new BackendException("kill -" + name() + " " + process.pid() + " did not return");
            }
            if (kill.exitValue() != 0) {
                String said = new String(kill.getInputStream().readAllBytes()).trim();
                throw new BackendException("kill -" + name() + " " + process.pid() + " failed: " + said);
            }
        } catch (IOException cannot) {
            throw new BackendException("could not run kill -" + name() + ": " + cannot.getMessage(), cannot);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while sending SIG" + name());
        }
    }

    /** For cleanup: a process that is gone or was never frozen is no failure. */
    void sendQuietly(Process process) {
        if (WINDOWS || !process.isAlive()) {
            return;
        }
        try {
            send(process);
        } catch (BackendException ignored) {
            // it ended meanwhile
        }
    }
}
