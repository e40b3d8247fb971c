package dev.ringlab.experiment.agreement;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an agreement analysis: {@code agreement.csv} (the samples where something changed, so a
 * minute at 5 ms stays small) and {@code agreement.md} (one row per membership change).
 */
public final class AgreementFiles {

    private AgreementFiles() {
    }

    public static List<Path> write(AgreementReport report, String title, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path csv = folder.resolve("agreement.csv");
        try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                     .setHeader("ms", "change", "keys_routed_differently", "servers_first", "servers_second").get())) {
            AgreementSample previous = null;
            for (AgreementSample sample : report.samples()) {
                if (previous == null || sample.differing() != previous.differing() || sample.change() != previous.change()
                        || sample.serversA() != previous.serversA() || sample.serversB() != previous.serversB()) {
                    String change = sample.change() < 0 ? "" : report.changes().get(sample.change()).label();
                    printer.printRecord(String.format(Locale.ROOT, "%.1f", sample.atMillis()), change, sample.differing(),
                            sample.serversA(), sample.serversB());
                }
                previous = sample;
            }
        }
        Path md = folder.resolve("agreement.md");
        Files.writeString(md, markdown(report, title), StandardCharsets.UTF_8);
        return List.of(csv, md);
    }

    public static String markdown(AgreementReport report, String title) {
        StringBuilder text = new StringBuilder("# " + title + "\n\n");
        text.append(String.format(Locale.ROOT, "%,d keys looked at in %,d samples; some key routed differently in"
                        + " %.2f %% of them; %.4f %% of all lookups routed differently.%n%n", report.keys(),
                report.samples().size(), 100 * report.disagreeingShare(), 100 * report.keyShareRoutedDifferently()));
        text.append("| change | most keys routed differently | stretches of disagreement | disagreeing, in all (ms) |"
                + " longest stretch (ms) |\n|---|---:|---:|---:|---:|\n");
        for (ChangeAgreement change : report.changes()) {
            text.append(String.format(Locale.ROOT, "| %s | %,d (%.1f %%) | %d | %.0f | %.0f |%n", change.label(),
                    change.maxDiffering(), 100.0 * change.maxDiffering() / report.keys(), change.stretches(),
                    change.disagreeMillis(), change.longestMillis()));
        }
        return text.toString();
    }
}
