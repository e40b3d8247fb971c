package dev.ringlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The servers table and everything that selects a server: the rows, the served counts, the request
 * rate, and the selected server's name, which the ring, the legend and the table all follow.
 */
public final class ServersViewModel {

    private final ObservableList<ServerRow> rows = FXCollections.observableArrayList();
    private final ServedCounts served = new ServedCounts();
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    /** The name typed for the next server to add; blank lets the cluster choose one. */
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    /** The weight typed for the next server to add: its capacity, 1 for a plain server. */
    private final StringProperty newWeight = new SimpleStringProperty(this, "newWeight", "1");
    /** The selected server's row as listed now (its state, weight and fault), or null. */
    private final ObjectBinding<ServerRow> selectedRow = Bindings.createObjectBinding(
            () -> rows.stream().filter(row -> row.name().equals(selected.get())).findFirst().orElse(null), rows, selected);
    private final ObjectBinding<ServerActions> selectedActions =
            Bindings.createObjectBinding(() -> ServerActions.of(selectedRow.get()), selectedRow);
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper(this, "rate", "0 req/s");
    private final ReadOnlyLongWrapper updates = new ReadOnlyLongWrapper(this, "updates");
    private long rateAt;
    private long totalAtRate;

    public ObservableList<ServerRow> rows() {
        return rows;
    }

    /** The name of the server selected anywhere in the window, or null. */
    public StringProperty selectedProperty() {
        return selected;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newWeightProperty() {
        return newWeight;
    }

    /**
     * The weight typed for Add, or null after saying on the status line why it cannot be: a whole
     * number from 1 up to what a ring of {@code slots} slots with {@code virtualNodes} per unit of
     * weight holds at all (the API's limits; the cluster then refuses more than the room left).
     */
    public Integer weightFor(int slots, int virtualNodes, StatusViewModel status) {
        int most = Math.max(1, slots / virtualNodes);
        String text = newWeight.get() == null ? "" : newWeight.get().strip();
        try {
            int weight = text.isEmpty() ? 1 : Integer.parseInt(text);
            if (weight >= 1 && weight <= most) {
                return weight;
            }
        } catch (NumberFormatException notAWholeNumber) {
            // said below, with the limits
        }
        status.error("weight must be a whole number from 1 to " + most + " (" + slots + " slots, " + virtualNodes
                + " virtual nodes per unit of weight), got '" + text + "'");
        return null;
    }

    /** The servers listed as frozen or slowed, by name, as the ring marks them. */
    public Map<String, FaultMark> faultMarks() {
        Map<String, FaultMark> marks = new TreeMap<>();
        for (ServerRow row : rows) {
            FaultMark mark = FaultMark.of(row);
            if (mark != null) {
                marks.put(row.name(), mark);
            }
        }
        return marks;
    }

    public ObjectBinding<ServerRow> selectedRow() {
        return selectedRow;
    }

    /** What the buttons can do to the selected row, and why not. */
    public ObjectBinding<ServerActions> selectedActions() {
        return selectedActions;
    }

    /** After an Add that used {@code used}: the field empties unless the user has typed the next name meanwhile. */
    public void added(String used) {
        if (used != null && !used.isBlank() && used.equals(newName.get())) {
            newName.set("");
        }
    }

    /** The selected server's name, or why {@code action} cannot go ahead (null name). */
    public String selectedFor(String action, StatusViewModel status) {
        String name = selected.get();
        if (name == null) {
            status.error("Select a server (in the table, the legend or on the ring) to " + action + " it.");
        }
        return name;
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    ServedCounts served() {
        return served;
    }

    /**
     * Shows {@code now} as the table's rows: when the same servers are listed, only changed rows are
     * replaced (the table then redraws those cells and keeps its selection); counts are set in place.
     */
    public void update(List<ServerRow> now, Map<String, Long> servedBy) {
        boolean sameServers = rows.size() == now.size();
        for (int i = 0; sameServers && i < now.size(); i++) {
            sameServers = rows.get(i).name().equals(now.get(i).name());
        }
        if (sameServers) {
            for (int i = 0; i < now.size(); i++) {
                if (!rows.get(i).equals(now.get(i))) {
                    rows.set(i, now.get(i));
                }
            }
        } else {
            rows.setAll(new ArrayList<>(now));
            served.keepOnly(now.stream().map(ServerRow::name).collect(Collectors.toSet()));
            if (selected.get() != null && now.stream().noneMatch(row -> row.name().equals(selected.get()))) {
                selected.set(null);
            }
        }
        servedBy.forEach(served::set);
        updates.set(updates.get() + 1);
    }

    /** Counts {@link #update}s: a table follows {@link #selectedProperty()} again after each, when its rows were replaced. */
    public ReadOnlyLongProperty updatesProperty() {
        return updates.getReadOnlyProperty();
    }

    /** The figure the "Served" column shows for {@code server}. */
    public long served(String server) {
        return served.of(server).get();
    }

    /** Requests per second between the last two calls at least {@code everyNanos} apart. */
    public void countTotal(long total, long now, long everyNanos) {
        if (rateAt == 0) {
            rateAt = now;
            totalAtRate = total;
        } else if (now - rateAt >= everyNanos) {
            rate.set(String.format("%.0f req/s", (total - totalAtRate) / ((now - rateAt) / 1e9)));
            rateAt = now;
            totalAtRate = total;
        }
    }

    /** Selects {@code server} when it is listed; a name nobody has clears the selection. */
    public void select(String server) {
        selected.set(rows.stream().anyMatch(row -> row.name().equals(server)) ? server : null);
    }
}
