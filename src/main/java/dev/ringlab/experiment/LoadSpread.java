package dev.ringlab.experiment;

import java.util.List;

/** Mean, extremes and population standard deviation of the requests per server. */
public record LoadSpread(double mean, long min, long max, double stdDev) {

    public static LoadSpread of(List<ServerLoad> loads) {
        if (loads.isEmpty()) {
            return new LoadSpread(0, 0, 0, 0);
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        double sum = 0;
        for (ServerLoad load : loads) {
            min = Math.min(min, load.requests());
            max = Math.max(max, load.requests());
            sum += load.requests();
        }
        double mean = sum / loads.size();
        double squares = 0;
        for (ServerLoad load : loads) {
            squares += (load.requests() - mean) * (load.requests() - mean);
        }
        return new LoadSpread(mean, min, max, Math.sqrt(squares / loads.size()));
    }

    /** Standard deviation over mean: 0 is a perfectly even spread. */
    public double coefficientOfVariation() {
        return mean == 0 ? 0 : stdDev / mean;
    }
}
