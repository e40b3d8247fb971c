package dev.ringlab.ui;

import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.RingSnapshot;
import java.util.Collection;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The ring settings the user is editing (hash, slots, virtual nodes, probing), checked before anything
 * is applied, and the live balance figure of the ring on show. No controls: the settings tab and the
 * slider beside the ring bind to these properties.
 */
public final class RingSettingsViewModel {

    /** Either the settings to apply or why they cannot be. */
    public record Checked(RingConfig config, String error) {
        public boolean valid() {
            return config != null;
        }
    }

    private final ObjectProperty<RingHash> hash = new SimpleObjectProperty<>(this, "hash");
    private final IntegerProperty slots = new SimpleIntegerProperty(this, "slots");
    private final IntegerProperty virtualNodes = new SimpleIntegerProperty(this, "virtualNodes");
    private final ObjectProperty<Probing> probing = new SimpleObjectProperty<>(this, "probing");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper balance = new ReadOnlyStringWrapper(this, "balance", "");
    private final javafx.beans.property.ReadOnlyObjectWrapper<RingConfig> applied =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "applied");

    public RingSettingsViewModel(RingConfig config) {
        showApplied(config);
    }

    public ObjectProperty<RingHash> hashProperty() {
        return hash;
    }

    public IntegerProperty slotsProperty() {
        return slots;
    }

    public IntegerProperty virtualNodesProperty() {
        return virtualNodes;
    }

    public ObjectProperty<Probing> probingProperty() {
        return probing;
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The settings the ring on show was built with (the fields may hold edits not applied yet). */
    public javafx.beans.property.ReadOnlyObjectProperty<RingConfig> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    /** "busiest / mean 1.42 · CV 0.21" for the ring on show. */
    public ReadOnlyStringProperty balanceProperty() {
        return balance.getReadOnlyProperty();
    }

    /** The settings as edited, or the reason they cannot be applied to a ring of {@code servers} servers. */
    public Checked check(int servers) {
        if (hash.get() == null || probing.get() == null) {
            return new Checked(null, "choose a hash and a probing");
        }
        RingConfig config;
        try {
            config = new RingConfig(slots.get(), virtualNodes.get(), hash.get(), probing.get());
        } catch (IllegalArgumentException invalid) {
            return new Checked(null, invalid.getMessage());
        }
        if (servers > config.maxServers()) {
            return new Checked(null, servers + " servers do not fit on " + config.slots() + " slots with "
                    + config.virtualNodesPerServer() + " virtual nodes each");
        }
        return new Checked(config, null);
    }

    /** A whole number typed into a field, or the error to show; the field keeps its old value. */
    static Checked parseWhole(String text, String what) {
        try {
            WholeNumber.parse(text, what);
            return new Checked(RingConfig.DEFAULT, null);
        } catch (IllegalArgumentException notANumber) {
            return new Checked(null, notANumber.getMessage());
        }
    }

    /** The fields show what the ring now uses. */
    public void showApplied(RingConfig config) {
        applied.set(config);
        hash.set(config.hash());
        slots.set(config.slots());
        virtualNodes.set(config.virtualNodesPerServer());
        probing.set(config.probing());
        explanation.set("The balancer routes with these settings: every request key is hashed with the "
                + config.hash().name() + " hash onto " + config.slots() + " slots, and each server places "
                + config.virtualNodesPerServer() + " virtual nodes (" + config.probing().label()
                + " probing past taken slots). Requests from the window, the experiments and HTTP clients "
                + "all follow the ring drawn here.");
    }

    /** Recomputes the balance figure for the ring on show. */
    public void measure(RingSnapshot ring) {
        balance.set(balanceOf(ring.slotsPerServer().values(), ring.config().slots()));
    }

    /** Busiest server's share over the mean share, and the coefficient of variation of the shares. */
    static String balanceOf(Collection<Integer> owned, int slots) {
        if (owned.isEmpty()) {
            return "No servers: nothing to balance.";
        }
        double mean = (double) slots / owned.size();
        int busiest = owned.stream().mapToInt(Integer::intValue).max().orElse(0);
        double variance = owned.stream().mapToDouble(n -> (n - mean) * (n - mean)).sum() / owned.size();
        return String.format("Busiest / mean %.2f · CV %.2f (1.00 and 0.00 are perfect)", busiest / mean,
                Math.sqrt(variance) / mean);
    }
}
