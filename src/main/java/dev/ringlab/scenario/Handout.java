package dev.ringlab.scenario;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The handout of a played scenario: one HTML page that needs nothing else (its charts embedded as
 * base64 PNGs, its style inline, no script), so it can be mailed, attached to a bug or opened years
 * later; plus {@code timeline.csv}. The PNG and CSV files of each step sit beside it.
 */
public final class Handout {

    public static final String FILE = "handout.html";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String version;

    /** @param version RingLab's version, printed on the handout */
    public Handout(String version) {
        this.version = version;
    }

    /** Writes handout.html and timeline.csv into {@code folder}; returns the handout. */
    public Path write(ScenarioRun run, Path folder) throws IOException {
        Files.createDirectories(folder);
        writeTimeline(run, folder.resolve("timeline.csv"));
        Path page = folder.resolve(FILE);
        Files.writeString(page, html(run, folder), StandardCharsets.UTF_8);
        return page;
    }

    String html(ScenarioRun run, Path folder) throws IOException {
        Scenario scenario = run.scenario();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(scenario.title())).append(" — RingLab handout</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>").append(escape(scenario.title())).append("</h1>\n");
        if (!scenario.description().isBlank()) {
            paragraphs(html, scenario.description(), "description");
        }
        verdict(html, run);
        facts(html, run);
        for (Path chart : run.summaryCharts()) {
            html.append("<h2>Side by side</h2>\n");
            image(html, chart, "Every send of this lesson side by side");
        }
        for (StepOutcome outcome : run.outcomes()) {
            step(html, outcome, folder);
        }
        for (Step step : scenario.steps().subList(run.outcomes().size(), scenario.steps().size())) {
            html.append("<section class=\"step skipped\"><h2>Step ").append(step.number()).append(" — ")
                    .append(escape(step.action().summary())).append("</h2>\n<p>Not played: the run stopped before.</p>\n</section>\n");
        }
        timeline(html, run);
        timing(html, run);
        html.append("<footer>Made by RingLab ").append(escape(version)).append(" from <code>")
                .append(escape(scenario.source())).append("</code>. Play it again: <code>java -jar ringlab.jar scenario run ")
                .append(escape(scenario.source())).append(" --backend ").append(escape(run.backend())).append(" --seed ")
                .append(run.seed()).append("</code></footer>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void verdict(StringBuilder html, ScenarioRun run) {
        long checks = run.checks();
        long failed = run.failedChecks();
        if (run.error() != null) {
            html.append("<p class=\"verdict bad\">Stopped: ").append(escape(run.error())).append("</p>\n");
        } else if (failed > 0) {
            html.append("<p class=\"verdict bad\">").append(failed).append(" of ").append(checks)
                    .append(" expectations failed</p>\n");
        } else {
            html.append("<p class=\"verdict good\">Every step played; ").append(checks == 0 ? "no expectations to check"
                    : "all " + checks + " expectations held").append("</p>\n");
        }
    }

    private void facts(StringBuilder html, ScenarioRun run) {
        Scenario scenario = run.scenario();
        Set<String> testbeds = new LinkedHashSet<>();
        run.outcomes().stream().map(StepOutcome::testbed).filter(t -> t != null).forEach(testbeds::add);
        html.append("<table class=\"facts\">\n");
        fact(html, "Scenario", "<code>" + escape(scenario.source()) + "</code>");
        fact(html, "Played", escape(WHEN.format(run.started())) + ", " + Figures.number(Math.round(run.elapsedMillis() / 100) / 10.0) + " s");
        fact(html, "Backend", escape(run.backend()) + (testbeds.isEmpty() ? "" : " (" + escape(String.join("; ", testbeds)) + ")"));
        fact(html, "Seed", run.seed() + (scenario.seed() == null ? " (drawn for this run: the file names none)" : ""));
        fact(html, "Ring", escape(Scenario.describe(scenario.ring(), scenario.algorithm())));
        fact(html, "Servers at the start", String.valueOf(scenario.servers()));
        if (scenario.requestCap() > 0) {
            fact(html, "Rehearsal", "at most " + Figures.number(scenario.requestCap())
                    + " requests per send and analysis (the file may ask for more)");
        }
        fact(html, "RingLab", escape(version));
        fact(html, "Machine", escape(machine()));
        html.append("</table>\n");
    }

    /** The machine the figures were measured on: they depend on it where timing matters. */
    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        long memory;
        try {
            memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
        } catch (ClassCastException | LinkageError notHotSpot) {
            memory = runtime.maxMemory();
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch")
                + "), " + runtime.availableProcessors() + " cores, " + Math.round(memory / (1024.0 * 1024 * 1024)) + " GiB, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    private static void fact(StringBuilder html, String name, String valueHtml) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private void step(StringBuilder html, StepOutcome outcome, Path folder) throws IOException {
        Step step = outcome.step();
        html.append("<section class=\"step").append(outcome.passed() ? "" : " failed").append("\" id=\"step-")
                .append(step.number()).append("\">\n<h2>Step ").append(step.number()).append(" — ")
                .append(escape(step.action().summary())).append("</h2>\n");
        if (step.caption() != null) {
            html.append("<blockquote class=\"caption\">");
            paragraphs(html, step.caption(), null);
            html.append("</blockquote>\n");
        }
        html.append("<p class=\"when\">at ").append(Figures.number(Math.round(outcome.startMillis()))).append(" ms, took ")
                .append(Figures.number(Math.round(outcome.elapsedMillis()))).append(" ms")
                .append(outcome.testbed() == null ? "" : " — " + escape(outcome.testbed()))
                .append(outcome.ring() == null ? "" : "<br>ring: " + escape(outcome.ring())).append("</p>\n");
        if (outcome.error() != null) {
            html.append("<p class=\"verdict bad\">Could not be played: ").append(escape(outcome.error())).append("</p>\n");
        }
        if (outcome.summary() != null) {
            html.append("<p><b>").append(escape(outcome.summary())).append("</b></p>\n");
        }
        figures(html, outcome);
        if (outcome.text() != null && !outcome.text().isBlank()) {
            html.append("<pre class=\"table\">").append(escape(outcome.text().stripTrailing())).append("</pre>\n");
        }
        for (Table table : outcome.tables()) {
            table(html, table);
        }
        for (Path chart : outcome.charts()) {
            image(html, chart, "Chart of step " + step.number());
        }
        if (outcome.fingerprint() != null) {
            html.append("<p class=\"small\">Routing fingerprint (which server answered each request, in order): <code>")
                    .append(escape(outcome.fingerprint())).append("</code></p>\n");
        }
        for (String note : outcome.timingNotes()) {
            html.append("<p class=\"timing\">Depends on timing: ").append(escape(note)).append("</p>\n");
        }
        if (!outcome.files().isEmpty()) {
            html.append("<p class=\"small\">Files: ");
            List<String> links = new ArrayList<>();
            for (Path file : outcome.files()) {
                String relative = folder.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                        .replace('\\', '/');
                links.add("<a href=\"" + escape(relative) + "\">" + escape(relative) + "</a>");
            }
            html.append(String.join(", ", links)).append("</p>\n");
        }
        html.append("</section>\n");
    }

    /** Every figure measured, with its expectation and whether it held. */
    private static void figures(StringBuilder html, StepOutcome outcome) {
        if (outcome.metrics().isEmpty() && outcome.checks().isEmpty()) {
            return;
        }
        html.append("<table class=\"figures\"><tr><th>figure</th><th>measured</th><th>expected</th></tr>\n");
        Set<String> shown = new LinkedHashSet<>();
        for (Check check : outcome.checks()) {
            String metric = check.expectation().metric();
            shown.add(metric);
            html.append("<tr class=\"").append(check.passed() ? "held" : "broken").append("\"><td>").append(escape(metric))
                    .append("</td><td>").append(check.actual() == null ? "not measured" : Figures.number(check.actual()))
                    .append("</td><td>").append(escape(check.expectation().operator() + " "
                            + Figures.number(check.expectation().value())))
                    .append(check.passed() ? " <b>✓ held</b>" : " <b>✗ failed</b>").append("</td></tr>\n");
        }
        for (Map.Entry<String, Double> figure : outcome.metrics().entrySet()) {
            if (shown.add(figure.getKey())) {
                html.append("<tr><td>").append(escape(figure.getKey())).append("</td><td>")
                        .append(Figures.number(figure.getValue())).append("</td><td></td></tr>\n");
            }
        }
        html.append("</table>\n");
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<table class=\"data\"><caption>").append(escape(table.title())).append("</caption>\n<tr>");
        table.header().forEach(cell -> html.append("<th>").append(escape(cell)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void image(StringBuilder html, Path png, String alt) throws IOException {
        html.append("<figure><img alt=\"").append(escape(alt + " (" + png.getFileName() + ")"))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(Files.readAllBytes(png)))
                .append("\"></figure>\n");
    }

    private static void timeline(StringBuilder html, ScenarioRun run) {
        html.append("<section><h2>Event timeline</h2>\n<table class=\"data timeline\"><tr><th>at</th><th>step</th>"
                + "<th>event</th><th>what</th></tr>\n");
        for (TimelineEntry entry : run.timeline()) {
            html.append("<tr class=\"").append(escape(entry.kind())).append("\"><td>")
                    .append(Figures.number(Math.round(entry.atMillis()))).append(" ms</td><td>")
                    .append(entry.step() == 0 ? "" : entry.step()).append("</td><td>").append(escape(entry.kind()))
                    .append("</td><td>").append(escape(entry.detail())).append("</td></tr>\n");
        }
        html.append("</table>\n<p class=\"small\">Also in <a href=\"timeline.csv\">timeline.csv</a>. Analyses run on "
                + "their own fresh servers; their events are in their own tables above.</p>\n</section>\n");
    }

    /** Says plainly which figures a student can expect to get again, and which not. */
    private static void timing(StringBuilder html, ScenarioRun run) {
        html.append("<section><h2>What you will get again, and what depends on timing</h2>\n<ul>\n")
                .append("<li>Every request id is drawn from the seed (").append(run.seed()).append("): the same file and "
                        + "seed send the same requests in the same order.</li>\n")
                .append("<li>On the simulation, every count above comes out the same each time, except where a step "
                        + "says it depends on timing.</li>\n")
                .append("<li>On real replicas (processes or containers) the routing is the same: a send's routing "
                        + "fingerprint matches the simulation's while no server changes during it.</li>\n")
                .append("<li>Times (when a step started, how long it took, when a dead server was noticed and replaced) "
                        + "are measured on this machine and vary from run to run.</li>\n");
        Set<String> notes = new LinkedHashSet<>();
        for (StepOutcome outcome : run.outcomes()) {
            outcome.timingNotes().forEach(note -> notes.add("Step " + outcome.step().number() + ": " + note));
        }
        notes.forEach(note -> html.append("<li>").append(escape(note)).append("</li>\n"));
        html.append("</ul>\n</section>\n");
    }

    private static void paragraphs(StringBuilder html, String text, String cssClass) {
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append(cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">").append(escape(paragraph.strip()))
                    .append("</p>\n");
        }
    }

    private static void writeTimeline(ScenarioRun run, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                     .setHeader("at_ms", "step", "event", "detail").get())) {
            for (TimelineEntry entry : run.timeline()) {
                csv.printRecord(String.format(Locale.ROOT, "%.1f", entry.atMillis()), entry.step(), entry.kind(),
                        entry.detail());
            }
        }
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1f; background: #fafafa; margin: 0; }
            main { max-width: 1000px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
            h1 { font-size: 2.1em; margin-bottom: 0.2em; }
            h2 { font-size: 1.35em; margin-top: 1.6em; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            .description { font-size: 1.1em; color: #333; }
            .verdict { font-weight: bold; padding: 8px 12px; border-radius: 6px; }
            .verdict.good { background: #e3f4e6; color: #135c22; }
            .verdict.bad { background: #fde7e7; color: #8a1010; }
            blockquote.caption { font-size: 1.3em; line-height: 1.4; margin: 12px 0; padding: 8px 16px; border-left: 6px solid #3b6fd8; background: #f1f5fd; }
            blockquote.caption p { margin: 6px 0; }
            table { border-collapse: collapse; margin: 10px 0; }
            th, td { border: 1px solid #ccc; padding: 4px 10px; text-align: left; vertical-align: top; }
            td:nth-child(2), td:nth-child(3) { font-variant-numeric: tabular-nums; }
            table.facts th { background: #f4f4f4; width: 190px; }
            table.figures tr.held td:last-child b { color: #135c22; }
            table.figures tr.broken td { background: #fde7e7; }
            table.data caption { text-align: left; font-weight: bold; padding: 4px 0; }
            table.timeline tr.step td { background: #f1f5fd; font-weight: bold; }
            table.timeline tr.killed td, table.timeline tr.dead td { color: #8a1010; }
            figure { margin: 12px 0; }
            figure img { max-width: 100%; border: 1px solid #ddd; }
            section.step figure img { max-width: 720px; }
            section.failed h2 { color: #8a1010; }
            section.skipped { color: #888; }
            .when, .small { color: #666; font-size: 0.9em; }
            .timing { color: #7a5a00; font-size: 0.95em; }
            pre.table { background: #f7f7f7; border: 1px solid #ddd; padding: 8px 12px; font-size: 0.9em; overflow-x: auto; }
            footer { margin-top: 32px; color: #666; font-size: 0.9em; }
            """;
}
