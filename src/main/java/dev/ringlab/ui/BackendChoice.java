package dev.ringlab.ui;

import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.BackendKind;
import java.util.List;
import java.util.function.Function;

/**
 * The backends the window may switch between, and how to open one (the command line knows how to
 * build each; opening may block, so the window calls it off the FX thread).
 */
public record BackendChoice(List<BackendKind> offered, Function<BackendKind, Backend> open) {

    public BackendChoice {
        offered = List.copyOf(offered);
    }

    /** Only the one kind a session already runs on: nothing to switch to. */
    static BackendChoice only(BackendKind kind) {
        return new BackendChoice(List.of(kind), wanted -> {
            throw new IllegalArgumentException("the " + wanted.label() + " backend is not available here");
        });
    }
}
