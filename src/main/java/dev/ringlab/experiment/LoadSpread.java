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

    /** The busiest server's load over the mean: 1 is a perfectly even spread. */
    public double busiestOverMean() {
        return mean == 0 ? 0 : max / mean;
    }

    /**
     * The figures a lesson checks about a spread of {@code loads}: {@code busiest_over_mean},
     * {@code busiest_share} (of all requests answered), {@code min}, {@code max}; each name after {@code prefix}.
     */
    public static java.util.Map<String, Double> figures(String prefix, List<ServerLoad> loads) {
        LoadSpread spread = of(loads);
        long total = loads.stream().mapToLong(ServerLoad::requests).sum();
        java.util.Map<String, Double> figures = new java.util.LinkedHashMap<>();
        figures.put(prefix + "busiest_over_mean", spread.busiestOverMean());
        figures.put(prefix + "busiest_share", total == 0 ? 0 : (double) spread.max() / total);
        figures.put(prefix + "min", (double) spread.min());
        figures.put(prefix + "max", (double) spread.max());
        return figures;
    }

    /** The names {@link #figures} gives. */
    public static java.util.Set<String> figureNames(String prefix) {
        return java.util.Set.of(prefix + "busiest_over_mean", prefix + "busiest_share", prefix + "min", prefix + "max");
    }

    /** Standard deviation over mean: 0 is a perfectly even spread. */
    public double coefficientOfVariation() {
        return mean == 0 ? 0 : stdDev / mean;
    }
}
