package dev.ringlab.experiment.agreement;

/**
 * One look at two balancers' rings: how many of the keys they would send to different servers.
 *
 * @param atMillis  milliseconds since the analysis began
 * @param change    the membership change under way (its index), or -1 before the first
 * @param differing keys routed to different servers, of all the keys looked at
 * @param serversA  servers on the first balancer's ring
 * @param serversB  servers on the second balancer's ring
 */
public record AgreementSample(double atMillis, int change, int differing, int serversA, int serversB) {
}
