package dev.ringlab.experiment.compare;

import java.util.List;

/** A whole comparison: what it was asked, and one result per contender in the order they ran. */
public record ComparisonResult(CompareSettings settings, List<ContenderResult> contenders) {

    public ComparisonResult {
        contenders = List.copyOf(contenders);
    }
}
