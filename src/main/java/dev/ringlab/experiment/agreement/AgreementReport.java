package dev.ringlab.experiment.agreement;

import java.util.List;

/**
 * What an agreement analysis found: every sample, and per change how long and how far two balancers
 * disagreed.
 *
 * @param keys the keys looked at in every sample
 */
public record AgreementReport(int keys, List<AgreementSample> samples, List<ChangeAgreement> changes) {

    public AgreementReport {
        samples = List.copyOf(samples);
        changes = List.copyOf(changes);
    }

    /** The share of samples in which some key was routed differently. */
    public double disagreeingShare() {
        return samples.isEmpty() ? 0 : samples.stream().filter(s -> s.differing() > 0).count() / (double) samples.size();
    }

    /** The share of (sample, key) lookups routed differently: the chance a request met disagreement. */
    public double keyShareRoutedDifferently() {
        return samples.isEmpty() ? 0
                : samples.stream().mapToLong(AgreementSample::differing).sum() / ((double) samples.size() * keys);
    }
}
