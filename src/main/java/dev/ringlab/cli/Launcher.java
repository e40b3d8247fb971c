package dev.ringlab.cli;

/**
 * The jar's entry point. Deliberately not a JavaFX {@code Application}: the headless commands must
 * start without the JavaFX runtime, and the window is launched from here when asked for.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // experiment: in a second JVM with options for short runs, when typed as java -jar (BatchLaunch)
        System.exit(BatchLaunch.run(args).orElseGet(() -> RingLabCommand.run(args)));
    }
}
