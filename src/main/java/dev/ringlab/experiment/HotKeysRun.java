package dev.ringlab.experiment;

import java.util.List;

/**
 * One algorithm's placement of A-5's stream.
 *
 * @param algorithm       its label, e.g. {@code ring}
 * @param bucketEnds      the request count at the end of each point of the over-time series
 * @param busiestOverMean per point: the busiest server's requests in that stretch over the mean
 * @param loads           requests per server over the whole stream, in join order
 * @param pastFirstChoice requests placed on another server than the key's first choice (bounded loads
 *                        walking on from a full server; 0 for the others)
 */
public record HotKeysRun(String algorithm, List<Integer> bucketEnds, List<Double> busiestOverMean,
                         List<ServerLoad> loads, long pastFirstChoice) {

    public HotKeysRun {
        bucketEnds = List.copyOf(bucketEnds);
        busiestOverMean = List.copyOf(busiestOverMean);
        loads = List.copyOf(loads);
    }

    /** Over the whole stream: the busiest server's requests over the mean. */
    public double overallBusiestOverMean() {
        LoadSpread spread = LoadSpread.of(loads);
        return spread.mean() == 0 ? 0 : spread.max() / spread.mean();
    }

    /** The worst point of the series. */
    public double peakBusiestOverMean() {
        return busiestOverMean.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
