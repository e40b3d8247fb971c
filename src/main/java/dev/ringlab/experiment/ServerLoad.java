package dev.ringlab.experiment;

/** How many requests one server answered. */
public record ServerLoad(String server, long requests) {
}
