package dev.ringlab.experiment;

/**
 * What one membership step did to the keys: slots that changed owner, and keys of the workload that
 * now go to another server, against the ideal of consistent hashing (1/N of the keys for N servers).
 */
public record KeyMoves(int slots, int keys, double idealKeys) {
}
