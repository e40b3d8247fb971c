package dev.ringlab.experiment;

/**
 * A cluster event during an A-3 run, {@code atMillis} from the start of the stream.
 *
 * @param kind one of killed, detected, starting, up, removed, ring, backend-failed
 */
public record TimelineEvent(double atMillis, String kind, String server, String detail) {
}
