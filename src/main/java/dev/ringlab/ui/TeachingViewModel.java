package dev.ringlab.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The panel beside the ring, as text: the playback's button, speed and queue, "what just happened" in
 * four lines, and the probed key. Everything here is derived from the {@link LabViewModel}; no
 * controls, so the wording is tested with plain JUnit.
 */
public final class TeachingViewModel {

    /** The slots handed over that the panel lists before "… and N more". */
    static final int FLOWS_SHOWN = 8;
    static final String NOTHING_YET = "Nothing yet: add, remove or kill a server.";

    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", NOTHING_YET);
    private final ReadOnlyStringWrapper moved = new ReadOnlyStringWrapper(this, "moved", "");
    private final ReadOnlyStringWrapper flows = new ReadOnlyStringWrapper(this, "flows", "");
    private final ReadOnlyStringWrapper shares = new ReadOnlyStringWrapper(this, "shares", "");
    private final StringBinding pauseText;
    private final StringBinding speedText;
    private final StringBinding waitingText;
    private final StringBinding probeText;

    public TeachingViewModel(LabViewModel lab) {
        Playback playback = lab.playback();
        pauseText = Bindings.when(playback.pausedProperty()).then("Play").otherwise("Pause");
        speedText = Bindings.createStringBinding(() -> speedText(playback.speedProperty().get()), playback.speedProperty());
        waitingText = Bindings.createStringBinding(() -> playback.waitingProperty().get() == 0 ? ""
                : playback.waitingProperty().get() + " waiting", playback.waitingProperty());
        probeText = Bindings.createStringBinding(() -> lab.probeProperty().get() == null ? ""
                : lab.probeProperty().get().describe(), lab.probeProperty());
        lab.lastChangeProperty().addListener((obs, old, report) -> show(report));
        lab.lastFaultProperty().addListener((obs, old, note) -> show(note));
        show(lab.lastChangeProperty().get());
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty movedProperty() {
        return moved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty flowsProperty() {
        return flows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sharesProperty() {
        return shares.getReadOnlyProperty();
    }

    /** "Pause" while playing, "Play" while paused. */
    public StringBinding pauseText() {
        return pauseText;
    }

    public StringBinding speedText() {
        return speedText;
    }

    public StringBinding waitingText() {
        return waitingText;
    }

    public StringBinding probeText() {
        return probeText;
    }

    /** The slider moves in powers of two: -2..2 is 0.25x..4x. */
    static double speedOf(double sliderValue) {
        return Math.pow(2, sliderValue);
    }

    static String speedText(double speed) {
        return speed < 1 ? String.format("%.2fx", speed) : String.format("%.0fx", speed);
    }

    /** A fault moves no key: its headline and what it means replace the last change's figures. */
    private void show(FaultNote note) {
        if (note == null) {
            return;
        }
        headline.set(note.headline());
        moved.set(note.detail());
        flows.set("");
        shares.set("");
    }

    private void show(ChangeReport report) {
        if (report == null) {
            return;
        }
        headline.set(report.headline());
        moved.set(report.movedLine());
        List<String> handed = report.flowLines();
        flows.set(handed.isEmpty() ? "" : "Slots handed over:\n" + String.join("\n",
                handed.subList(0, Math.min(FLOWS_SHOWN, handed.size())))
                + (handed.size() > FLOWS_SHOWN ? "\n… and " + (handed.size() - FLOWS_SHOWN) + " more" : ""));
        shares.set("Share of the ring, before → after:\n" + String.join("\n", report.shareLines()));
    }
}
