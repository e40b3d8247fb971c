package dev.ringlab.experiment;

/** under one hash function, for A-4. */
public record HashRun(String hash, DistributionResult distribution, ScalingResult scaling) {
}
