package dev.ringlab.experiment.agreement;

/**
 * How two balancers agreed during one membership change, from the moment it was asked for until
 * both rings were the same and stayed so.
 *
 * @param label           what changed ("kill Server 2", "add 1", "remove Server 3")
 * @param maxDiffering    the most keys routed differently at one moment
 * @param disagreeMillis  for how long, in all, some key was routed differently
 * @param longestMillis   the longest stretch with some key routed differently: how long after one ring
 *                        changed the other caught up
 * @param stretches       how many separate stretches of disagreement (a kill makes two ring changes:
 *                        the death, then the replacement)
 */
public record ChangeAgreement(String label, int maxDiffering, double disagreeMillis, double longestMillis,
                              int stretches) {
}
