package dev.ringlab.cluster;

import java.util.Locale;

/** Where replicas run. */
public enum BackendKind {
    SIM("simulation"),
    PROCESS("processes"),
    DOCKER("Docker"),
    /** Replicas as Docker Swarm services, possibly on several machines. */
    SWARM("Swarm");

    private final String label;

    BackendKind(String label) {
        this.label = label;
    }

    /** What the user reads: "Docker", "Swarm", "processes", "simulation". */
    public String label() {
        return label;
    }

    /** The word on the command line. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
