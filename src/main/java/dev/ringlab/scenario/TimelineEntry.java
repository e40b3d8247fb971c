package dev.ringlab.scenario;

/**
 * One line of a run's event timeline: a step starting, or something the cluster did.
 *
 * @param atMillis from the start of the run
 * @param step     the step being played then (0 before the first)
 * @param kind     step, starting, up, killed, dead, removed, ring, backend-failed
 */
public record TimelineEntry(double atMillis, int step, String kind, String detail) {
}
