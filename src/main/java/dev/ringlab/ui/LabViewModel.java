package dev.ringlab.ui;

import dev.ringlab.balancer.Dispatch;
import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.palette.ServerColours;
import dev.ringlab.experiment.HotKey;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.Placement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The lab window's state without a single control: the servers and their selection, the status line
 * and log, the ring settings, the playback clock, what the last change did, the probed key and the
 * presentation switch, the theme and text size, the backend, and the slot under the pointer. Controllers bind to it and forward clicks; the FX thread owns it, and tests
 * drive it with plain JUnit.
 */
public final class LabViewModel {

    private final StatusViewModel status = new StatusViewModel();
    private final ServersViewModel servers = new ServersViewModel();
    private final RingSettingsViewModel settings;
    private final Playback playback;
    private final ReadOnlyObjectWrapper<ChangeReport> lastChange = new ReadOnlyObjectWrapper<>(this, "lastChange");
    private final ReadOnlyObjectWrapper<FaultNote> lastFault = new ReadOnlyObjectWrapper<>(this, "lastFault");
    private final ReadOnlyObjectWrapper<KeyProbe> probe = new ReadOnlyObjectWrapper<>(this, "probe");
    private final ReadOnlyStringWrapper lastRequest = new ReadOnlyStringWrapper(this, "lastRequest", "");
    private final ObjectProperty<Algorithm> algorithm = new SimpleObjectProperty<>(this, "algorithm", Algorithm.RING);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    /** The window's text size in pixels: 13 at a desk, larger in presentation mode; the legend's swatches follow it. */
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 13);
    private final ObjectProperty<RingPicture.SlotDetail> pointed = new SimpleObjectProperty<>(this, "pointed");
    private final StringBinding pointedText = Bindings.createStringBinding(() -> describe(pointed.get()), pointed);
    /** Servers killed or declared dead that the ring on show still holds: drawn crossed out. */
    private final ObservableSet<Server> down = FXCollections.observableSet(new HashSet<>());
    /** Servers whose death the cluster announced and whose removal has not been shown yet. */
    private final Set<Server> dying = new HashSet<>();
    /** Servers declared dead and not yet replaced or removed (held, or their replacement starting): drawn crossed out where they were. */
    private final Set<Server> dead = new HashSet<>();

    private final Supplier<Placement> placement;
    private final BooleanProperty holdReplacement = new SimpleBooleanProperty(this, "holdReplacement");
    private final ReadOnlyObjectWrapper<List<HotKey>> hotKeys = new ReadOnlyObjectWrapper<>(this, "hotKeys", List.of());
    private final BackendViewModel backend;

    /** {@code placement}: where requests are routed now, asked when a key is probed. */
    public LabViewModel(RingSnapshot ring, Supplier<Placement> placement) {
        this(ring, placement, new BackendViewModel(BackendKind.SIM, List.of(BackendKind.SIM)));
    }

    public LabViewModel(RingSnapshot ring, Supplier<Placement> placement, BackendViewModel backend) {
        this.placement = placement;
        this.backend = backend;
        settings = new RingSettingsViewModel(ring.config());
        playback = new Playback(ring);
        settings.measure(ring);
        playback.shownProperty().addListener((obs, before, after) -> shown(before, after));
    }

    public StatusViewModel status() {
        return status;
    }

    public ServersViewModel servers() {
        return servers;
    }

    public RingSettingsViewModel settings() {
        return settings;
    }

    public Playback playback() {
        return playback;
    }

    public BackendViewModel backend() {
        return backend;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** The slot under the pointer on the ring, or null. */
    public ObjectProperty<RingPicture.SlotDetail> pointedProperty() {
        return pointed;
    }

    /** The pointed slot in words: its virtual node and the arc it owns, or how to point at one. */
    public StringBinding pointedText() {
        return pointedText;
    }

    public ReadOnlyObjectProperty<ChangeReport> lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    /** The last fault injected into a server (frozen, thawed, slowed, cleared): "What just happened" says it. */
    public ReadOnlyObjectProperty<FaultNote> lastFaultProperty() {
        return lastFault.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KeyProbe> probeProperty() {
        return probe.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastRequestProperty() {
        return lastRequest.getReadOnlyProperty();
    }

    /** The placement routing requests now: what the ring's band and the probe show under another algorithm. */
    public Placement placement() {
        return placement.get();
    }

    /** Whether the cluster holds the replacement of dead servers until the teacher releases it. */
    public BooleanProperty holdReplacementProperty() {
        return holdReplacement;
    }

    /** The hottest keys of the analysis running, hottest first, marked on the ring; empty when none is skewed. */
    public ReadOnlyObjectProperty<List<HotKey>> hotKeysProperty() {
        return hotKeys.getReadOnlyProperty();
    }

    public void showHotKeys(List<HotKey> hottest) {
        hotKeys.set(List.copyOf(hottest));
    }

    /** The placement requests are routed by, as the window last learnt it. */
    public ObjectProperty<Algorithm> algorithmProperty() {
        return algorithm;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public ObservableSet<Server> down() {
        return down;
    }

    /** Cluster events of one frame, in order: the log, the crossed-out servers and the ring versions to show. */
    public void accept(List<ClusterEvent> batch) {
        for (ClusterEvent event : batch) {
            if (event instanceof ClusterEvent.MemberStarting starting && starting.replaces() != null) {
                ServerColours.inherit(starting.server().name(), starting.replaces().name());
            }
            if (event instanceof ClusterEvent.MemberKilled killed) {
                down.add(killed.server());
            } else if (event instanceof ClusterEvent.MemberDead died) {
                down.add(died.server());
                dying.add(died.server());
                dead.add(died.server());
            } else if (event instanceof ClusterEvent.MemberUp up && up.replaces() != null) {
                gone(up.replaces());
            } else if (event instanceof ClusterEvent.MemberRemoved removed) {
                gone(removed.server());
            } else if (event instanceof ClusterEvent.BackendFailed failed) {
                status.error(failed.message());
            } else if (event instanceof ClusterEvent.MemberFaulted faulted) {
                lastFault.set(FaultNote.of(faulted));
            }
            if (event instanceof ClusterEvent.RingChanged changed) {
                boolean afterDeath = dying.stream().anyMatch(s -> !changed.after().contains(s));
                dying.removeIf(s -> !changed.after().contains(s));
                playback.offer(changed.after(), afterDeath);
                ChangeReport report = ChangeReport.between(changed.before(), changed.after());
                if (report.kind() != ChangeReport.Kind.NONE) {
                    status.log(event.at(), "ring v" + changed.after().version() + ": " + report.headline() + "; "
                            + report.movedLine());
                }
            } else if (!(event instanceof ClusterEvent.BackendFailed)) {
                status.log(event.at(), event.describe());
            }
        }
    }

    /** A dead server's row left the cluster (replaced or removed): its cross goes. */
    private void gone(Server server) {
        dead.remove(server);
        down.remove(server);
    }

    /** Probes a typed key on the ring on show; a blank key says how to use it and keeps the last probe. */
    public void probe(String text) {
        try {
            KeyProbe result = KeyProbe.of(text, playback.shownProperty().get(), placement.get());
            probe.set(result);
            if (result.server() != null) {
                servers.select(result.server().name());
            }
        } catch (IllegalArgumentException blank) {
            status.error(blank.getMessage());
        }
    }

    public void showDispatch(Dispatch dispatch) {
        lastRequest.set(!dispatch.answered()
                ? "key " + dispatch.key() + " → slot " + dispatch.slot() + " → no server answered"
                : "key " + dispatch.key() + " → slot " + dispatch.slot() + " → " + dispatch.server().name()
                        + (dispatch.retried() ? " (after " + dispatch.attempts() + " tries)" : ""));
    }

    static String describe(RingPicture.SlotDetail detail) {
        if (detail == null) {
            return "Point at the ring to see a slot, its virtual node and the arc it owns.";
        }
        if (detail.owner() == null) {
            return "Slot " + detail.slot() + ": the ring is empty.";
        }
        RingPicture.Marker owner = detail.owner();
        if (detail.placement() != null) {
            // the ring's owner is not who serves: say where the keys go first, the faded ring's answer after
            return String.format("%s%n(The faded ring would send them to %s j=%d at slot %d.)", capitalised(detail.placement()),
                    owner.serverName(), owner.virtualNode(), owner.slot());
        }
        return String.format("Slot %d%s%nServed by %s, virtual node j=%d at slot %d%s%n"
                        + "That node owns an arc of %d slot%s (%.1f%% of the ring); %s owns %.1f%% in all.",
                detail.slot(), detail.markerAtSlot() ? " (a virtual node sits here)" : "",
                owner.serverName(), owner.virtualNode(), owner.slot(),
                owner.homeSlot() != owner.slot() ? " (hashed to " + owner.homeSlot() + ", probed on)" : "",
                owner.arcLength(), owner.arcLength() == 1 ? "" : "s", 100 * owner.arcShare(), owner.serverName(),
                100 * detail.serverShare());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void shown(RingSnapshot before, RingSnapshot after) {
        ChangeReport report = ChangeReport.between(before, after);
        if (report.kind() != ChangeReport.Kind.NONE) {
            lastChange.set(report);
        }
        // a dead server stays crossed out where it was until it is gone from the cluster, even off the ring
        down.removeIf(server -> !after.contains(server) && !dead.contains(server));
        // a crossed-out server keeps its colour (its row, its crosses): a newcomer must not take it
        java.util.List<Server> coloured = new java.util.ArrayList<>(after.servers());
        coloured.addAll(down);
        ServerColours.keepOnly(coloured);
        settings.measure(after);
        KeyProbe last = probe.get();
        if (last != null) {
            // the arrow follows the key onto the new ring; a stale slot from another ring is never shown
            probe.set(KeyProbe.of(last.text(), after, placement.get()));
        }
        if (report.kind() == ChangeReport.Kind.REHASH || report.kind() == ChangeReport.Kind.RESIZE) {
            settings.showApplied(after.config());
        }
    }
}
