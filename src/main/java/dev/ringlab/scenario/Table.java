package dev.ringlab.scenario;

import java.util.List;

/** A small table of the handout: a title, a header row, and rows of already formatted cells. */
public record Table(String title, List<String> header, List<List<String>> rows) {

    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
