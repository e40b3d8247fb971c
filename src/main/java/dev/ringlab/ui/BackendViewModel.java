package dev.ringlab.ui;

import dev.ringlab.cluster.BackendKind;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The strip's backend and balancer: which backend the replicas run on, which others the window may
 * switch to, whether a switch is under way (the choice is then locked), and the balancer's address to
 * curl. No controls; the FX thread owns it.
 */
public final class BackendViewModel {

    static final String NO_BALANCER = "in memory (no HTTP)";

    private final ReadOnlyObjectWrapper<BackendKind> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObservableList<BackendKind> offered = FXCollections.observableArrayList();
    /** One read-only view (see StatusViewModel#log: a view per call loses its listeners). */
    private final ObservableList<BackendKind> readOnlyOffered = FXCollections.unmodifiableObservableList(offered);
    private final ReadOnlyBooleanWrapper switching = new ReadOnlyBooleanWrapper(this, "switching");
    private final ReadOnlyStringWrapper balancerUrl = new ReadOnlyStringWrapper(this, "balancerUrl", NO_BALANCER);
    private final ReadOnlyBooleanWrapper noBalancer = new ReadOnlyBooleanWrapper(this, "noBalancer", true);

    /** {@code offered}: the backends the window may switch to; the current one is listed first when it is not among them. */
    public BackendViewModel(BackendKind current, List<BackendKind> offered) {
        this.current.set(current);
        this.offered.setAll(offered.contains(current) ? offered
                : Stream.concat(Stream.of(current), offered.stream()).toList());
    }

    public ReadOnlyObjectProperty<BackendKind> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ObservableList<BackendKind> offered() {
        return readOnlyOffered;
    }

    public ReadOnlyBooleanProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty balancerUrlProperty() {
        return balancerUrl.getReadOnlyProperty();
    }

    /** True when there is no HTTP balancer to copy the address of. */
    public ReadOnlyBooleanProperty noBalancerProperty() {
        return noBalancer.getReadOnlyProperty();
    }

    /** Whether choosing {@code wanted} asks for a switch: another backend, and none under way. */
    public boolean wantsSwitch(BackendKind wanted) {
        return wanted != null && wanted != current.get() && !switching.get();
    }

    public void switching(boolean on) {
        switching.set(on);
    }

    /** The backend the cluster runs on now (after a switch, whether it worked or not). */
    public void runningOn(BackendKind kind) {
        current.set(kind);
    }

    public void showBalancer(URI address) {
        balancerUrl.set(address == null ? NO_BALANCER : address.toString());
        noBalancer.set(address == null);
    }
}
