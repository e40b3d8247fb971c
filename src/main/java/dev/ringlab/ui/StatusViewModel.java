package dev.ringlab.ui;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status line under the server buttons and the event log: what the last action did, whether it
 * failed, and every event with its time. Plain properties, no controls; the FX thread owns it.
 */
public final class StatusViewModel {

    static final int MAX_LOG_LINES = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    /**
     * One read-only view for everyone: JavaFX's view listens to the list weakly, so a listener added to a
     * view made per call stops hearing anything once that view is collected (the log stopped following
     * its last line that way).
     */
    private final ObservableList<String> readOnlyLog = FXCollections.unmodifiableObservableList(log);

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The log's lines, oldest first, at most {@link #MAX_LOG_LINES}. */
    public ObservableList<String> log() {
        return readOnlyLog;
    }

    public void info(String text) {
        error.set(false);
        message.set(text);
    }

    /** Says what went wrong on the status line and keeps it in the log. */
    public void error(String text) {
        error.set(true);
        message.set(text);
        log("error: " + text);
    }

    public void log(String text) {
        log(Instant.now(), text);
    }

    public void log(Instant at, String text) {
        log.add(LocalTime.ofInstant(at, ZoneId.systemDefault()).format(TIME) + "  " + text);
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }
}
