package dev.ringlab.ui;

import dev.ringlab.cluster.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * Fault injection on the selected server, for the servers panel's buttons and the Servers menu:
 * freeze, thaw, slow (through the "Slow…" dialog) and clear. Like Kill, the work runs on the session's
 * threads and the outcome reaches the status line on a later frame; the cluster's event says the rest
 * (the log, "What just happened", the table's Fault column).
 */
final class FaultActions {

    private final LabActions actions;

    FaultActions(LabActions actions) {
        this.actions = actions;
    }

    void freeze() {
        String name = selectedFor("freeze");
        if (name != null) {
            actions.run(actions.session().freeze(name), frozen -> status().info("Froze " + name
                    + ": it hangs with its port open; thaw it before the health monitor declares it dead."));
        }
    }

    void thaw() {
        String name = selectedFor("thaw");
        if (name != null) {
            actions.run(actions.session().thaw(name), thawed -> status().info("Thawed " + name + "."));
        }
    }

    void clear() {
        String name = selectedFor("clear the faults of");
        if (name != null) {
            actions.run(actions.session().clearFaults(name), cleared -> status().info("Cleared the faults of " + name + "."));
        }
    }

    /** Opens the "Slow…" dialog for the selected server, filled with its fault now; OK sets what was typed. */
    void askSlow(Window owner) {
        String name = selectedFor("slow");
        if (name == null) {
            return;
        }
        FaultForm form = new FaultForm(name, actions.session().cluster().faultOf(name));
        Dialog<Fault> dialog = new Dialog<>();
        dialog.setTitle("Slow " + name);
        DialogPane pane = loadPane(form);
        if (actions.model().darkProperty().get()) {
            pane.getStyleClass().add("dark"); // the pane is its scene's root: lab.css's .root.dark applies
        }
        dialog.setDialogPane(pane);
        dialog.initOwner(owner);
        dialog.setResultConverter(button -> button == ButtonType.OK ? form.fault() : null);
        dialog.showAndWait().ifPresent(fault -> slow(name, fault));
    }

    /** Sets {@code fault} on {@code name}; {@link Fault#NONE} takes latency and errors away. */
    void slow(String name, Fault fault) {
        actions.run(actions.session().fault(name, fault), slowed -> status().info(fault.isNone()
                ? "No latency or errors on " + name + " any more."
                : "Slowed " + name + ": " + fault.describe() + " on /home; its heartbeats still answer at once."));
    }

    private static DialogPane loadPane(FaultForm form) {
        FXMLLoader loader = new FXMLLoader(FaultActions.class.getResource("/fxml/slow-dialog.fxml"));
        loader.setControllerFactory(type -> new SlowDialogController(form));
        try {
            return loader.load();
        } catch (IOException broken) {
            throw new UncheckedIOException("slow-dialog.fxml did not load", broken);
        }
    }

    private String selectedFor(String action) {
        return actions.model().servers().selectedFor(action, status());
    }

    private StatusViewModel status() {
        return actions.model().status();
    }
}
