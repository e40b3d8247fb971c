package dev.ringlab.experiment;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.Placement;
import dev.ringlab.ring.algorithm.PlacementSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A-7, unequal servers: three servers of weights 1, 2 and 3 under the ring (V virtual nodes per unit
 * of weight), Maglev (Envoy's weighted table fill) and rendezvous (logarithmic weighted HRW), each
 * server's share of the requests beside its share of the weight (1/6, 2/6, 3/6). Placement only: the
 * placements are the balancer's own, so the run needs no replicas and is the same on every backend.
 */
final class WeightedServersAnalysis extends Analysis<WeightedServersAnalysis.Parameters, WeightedServersAnalysis.Result> {

    /** The weights of the three servers: the smallest unequal set whose shares are easy to read. */
    static final List<Integer> WEIGHTS = List.of(1, 2, 3);
    static final List<Algorithm> ALGORITHMS = List.of(Algorithm.RING, Algorithm.MAGLEV, Algorithm.RENDEZVOUS);

    WeightedServersAnalysis() {
        super("a7", "A-7", "A-7: unequal servers",
                "Three servers of weights 1, 2 and 3: the ring gives each 9 virtual nodes per unit of weight, Maglev "
                        + "fills its table in proportion (Envoy's weighted Maglev) and rendezvous scores -w/ln(h). "
                        + "Each server's share of the requests beside its share of the weight. Placement only: the "
                        + "same on every backend.",
                Set.of(Input.REQUESTS));
    }

    /** The ring's shape, the requests, and the weights of the servers. */
    record Parameters(RingConfig ring, Workload workload, List<Integer> weights) {
        Parameters {
            Objects.requireNonNull(ring, "ring");
            Objects.requireNonNull(workload, "workload");
            weights = List.copyOf(weights);
            int total = weights.stream().mapToInt(Integer::intValue).sum();
            if (weights.isEmpty() || weights.stream().anyMatch(weight -> weight < 1)) {
                throw new IllegalArgumentException("weights must be at least 1 each, got " + weights);
            }
            if ((long) total * ring.virtualNodesPerServer() > ring.slots()) {
                throw new IllegalArgumentException("a7 needs " + total * ring.virtualNodesPerServer() + " slots for weights "
                        + weights + " with " + ring.virtualNodesPerServer() + " virtual nodes per unit; the ring has "
                        + ring.slots());
            }
        }

        List<Server> servers() {
            List<Server> servers = new ArrayList<>();
            for (int i = 0; i < weights.size(); i++) {
                servers.add(new Server(i + 1, "Server " + (i + 1), weights.get(i)));
            }
            return servers;
        }

        double weightShare(int index) {
            return weights.get(index) / (double) weights.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One server under one algorithm: its requests and its share of them against its share of the weight. */
    record Row(String algorithm, String server, int weight, double weightShare, long requests, double requestShare) {
        /** How far the server's load is from its weight, as a ratio: 1 is exactly in proportion. */
        double ratio() {
            return requestShare / weightShare;
        }
    }

    record Result(Parameters parameters, List<Row> rows, Duration elapsed) {
        Result {
            rows = List.copyOf(rows);
        }

        /** The ratio furthest from 1 under {@code algorithm}. */
        double worstRatio(String algorithm) {
            return rows.stream().filter(row -> row.algorithm().equals(algorithm)).mapToDouble(Row::ratio)
                    .reduce(1, (worst, ratio) -> Math.abs(ratio - 1) > Math.abs(worst - 1) ? ratio : worst);
        }
    }

    @Override
    public Optional<String> refusalOverApi() {
        return Optional.of("a7 places keys with RingLab's own placements and needs no balancer; run it without --target");
    }

    @Override
    protected Parameters parameters(AnalysisInput input) {
        return new Parameters(input.ring(), input.workload(), WEIGHTS);
    }

    @Override
    protected Runner<Parameters, Result> runner(TestbedFactory testbeds) {
        Cancellation cancellation = new Cancellation();
        return Runner.of((parameters, listener) -> run(parameters, listener, cancellation), cancellation::request);
    }

    private static final int REPORT_EVERY = 1_000;

    private static Result run(Parameters parameters, ProgressListener listener, Cancellation cancellation) {
        cancellation.check();
        long started = System.nanoTime();
        long[] keys = RequestKeys.random(parameters.workload().seed(), parameters.workload().requests());
        ProgressMeter meter = new ProgressMeter(listener, (long) keys.length * ALGORITHMS.size());
        List<Server> servers = parameters.servers();
        PlacementSettings settings = PlacementSettings.DEFAULT.withRing(parameters.ring());
        List<Row> rows = new ArrayList<>();
        for (Algorithm algorithm : ALGORITHMS) {
            meter.stage("A-7 " + algorithm.label());
            Placement placement = algorithm.of(settings, servers);
            Map<Server, long[]> counts = new HashMap<>();
            servers.forEach(server -> counts.put(server, new long[1]));
            for (int i = 0; i < keys.length; i++) {
                if (i % REPORT_EVERY == 0) {
                    cancellation.check();
                    meter.advance(Math.min(REPORT_EVERY, keys.length - i), 0, 0, Map.of());
                }
                counts.get(placement.route(keys[i]))[0]++;
            }
            for (int i = 0; i < servers.size(); i++) {
                Server server = servers.get(i);
                long requests = counts.get(server)[0];
                rows.add(new Row(algorithm.label(), server.name(), server.weight(), parameters.weightShare(i), requests,
                        requests / (double) keys.length));
            }
        }
        meter.report();
        return new Result(parameters, rows, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The placement runs far faster than a chart redraws: the live chart says how far it is, the final one what it found. */
    @Override
    protected JFreeChart liveChart(Parameters parameters, LiveView live) {
        return DistributionCharts.live(label(), parameters.workload(), live);
    }

    /** Per server, its share of the weight (grey) and its share of the requests under each algorithm. */
    @Override
    protected List<JFreeChart> charts(Result result) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Parameters p = result.parameters();
        List<Server> servers = p.servers();
        for (int i = 0; i < servers.size(); i++) {
            data.addValue(100 * p.weightShare(i), "share of weight", category(servers.get(i)));
        }
        for (Row row : result.rows()) {
            data.addValue(100 * row.requestShare(), row.algorithm(), row.server() + " (weight " + row.weight() + ")");
        }
        JFreeChart chart = ChartFactory.createBarChart("A-7: load tracks weight (servers of weights "
                        + p.weights().toString().replaceAll("[\\[\\]]", "") + ")", "server",
                "share of requests (%)", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setSeriesPaint(0, new java.awt.Color(0xBBBBBB));
        for (int series = 1; series <= ALGORITHMS.size(); series++) {
            bars.setSeriesPaint(series, AlgorithmStyle.colour(ALGORITHMS.get(series - 1)));
        }
        bars.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.0")));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(ChartStyle.CAPTION);
        ((NumberAxis) plot.getRangeAxis()).setUpperMargin(0.12);
        plot.getDomainAxis().setLabelFont(ChartStyle.AXIS);
        plot.getRangeAxis().setLabelFont(ChartStyle.AXIS);
        plot.getDomainAxis().setTickLabelFont(ChartStyle.TICKS);
        plot.getRangeAxis().setTickLabelFont(ChartStyle.TICKS);
        ChartStyle.slide(chart);
        StringBuilder worst = new StringBuilder("share of requests / share of weight, furthest from 1:");
        ALGORITHMS.forEach(algorithm -> worst.append(String.format(Locale.ROOT, "  %s %.2f", algorithm.label(),
                result.worstRatio(algorithm.label()))));
        chart.addSubtitle(ChartStyle.subtitle(worst.toString()));
        ChartStyle.caption(chart, ChartStyle.caption(p.ring(), servers.size() + " servers", p.workload(), "placement"));
        return List.of(chart);
    }

    private static String category(Server server) {
        return server.name() + " (weight " + server.weight() + ")";
    }

    /** a7.csv (a row per algorithm and server) and a7.png */
    @Override
    protected List<Path> write(Result result, Path folder) throws IOException {
        return ExperimentFiles.csvAndChart(folder, "a7", file -> csv(result, file), charts(result).get(0));
    }

    @Override
    protected List<Path> exportCsv(Result result, Path file) throws IOException {
        csv(result, file);
        return List.of(file);
    }

    private static void csv(Result result, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("algorithm,server,weight,weight_share,requests,request_share,ratio");
        for (Row row : result.rows()) {
            lines.add(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%d,%.6f,%.4f", row.algorithm(), row.server(),
                    row.weight(), row.weightShare(), row.requests(), row.requestShare(), row.ratio()));
        }
        Files.write(file, lines);
    }

    @Override
    protected void printTable(Result result, PrintWriter out) {
        Parameters p = result.parameters();
        out.printf(Locale.ROOT, "A-7: %,d requests over servers of weights %s (placement simulation, %s hash,"
                        + " %d virtual nodes per unit of weight), seed %d, %d ms%n", p.workload().requests(),
                p.weights(), p.ring().hash().name(), p.ring().virtualNodesPerServer(), p.workload().seed(),
                result.elapsed().toMillis());
        out.printf(Locale.ROOT, "  %-11s %-10s %6s %13s %14s %7s%n", "algorithm", "server", "weight", "weight share",
                "request share", "ratio");
        for (Row row : result.rows()) {
            out.printf(Locale.ROOT, "  %-11s %-10s %6d %12.1f%% %13.1f%% %7.2f%n", row.algorithm(), row.server(),
                    row.weight(), 100 * row.weightShare(), 100 * row.requestShare(), row.ratio());
        }
    }

    @Override
    protected String summary(Result result) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "A-7 done in %s: share of requests / share of weight, furthest from 1:",
                Elapsed.said(result.elapsed())));
        ALGORITHMS.forEach(algorithm -> line.append(String.format(Locale.ROOT, " %s %.2f", algorithm.label(),
                result.worstRatio(algorithm.label()))));
        return line.toString();
    }

    @Override
    protected String fileStem(Result result) {
        return "a7-weights-" + String.join("-", result.parameters().weights().stream().map(String::valueOf).toList());
    }
}
