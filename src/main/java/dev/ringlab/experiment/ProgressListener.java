package dev.ringlab.experiment;

/**
 * Receives {@link Progress} a few times per second, on whichever thread is sending requests: a
 * window hands it to its own thread ({@code Platform.runLater}) and returns at once.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = progress -> { };

    void progress(Progress progress);
}
