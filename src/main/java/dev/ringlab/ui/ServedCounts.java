package dev.ringlab.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * The "Served" column's figures: one observable count per server, set in place on the FX thread, so
 * a new count repaints one cell instead of replacing the row.
 */
final class ServedCounts {

    private final Map<String, ReadOnlyLongWrapper> counts = new HashMap<>();

    ReadOnlyLongProperty of(String server) {
        return count(server).getReadOnlyProperty();
    }

    void set(String server, long served) {
        count(server).set(served);
    }

    /** Forgets servers that left; a later server of the same name gets a cell of its own ({@link ServedSince} its figure). */
    void keepOnly(Set<String> servers) {
        counts.keySet().retainAll(servers);
    }

    private ReadOnlyLongWrapper count(String server) {
        return counts.computeIfAbsent(server, name -> new ReadOnlyLongWrapper(this, name));
    }
}
