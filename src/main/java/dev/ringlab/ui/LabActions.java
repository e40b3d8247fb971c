package dev.ringlab.ui;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.Member;
import dev.ringlab.palette.ServerColours;
import dev.ringlab.ring.algorithm.Algorithm;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * What the user can do in the lab window, shared by the panels' controllers so that none needs
 * another: add, remove, kill, send, apply ring settings, switch the backend or the placement, export
 * the ring. Work runs on the {@link LabSession}'s threads; what comes back (cluster events, results,
 * errors) is queued and handed to the {@link LabViewModel} once per frame, in one batch. No controls.
 */
final class LabActions {

    private static final long COUNTERS_EVERY_NANOS = 250_000_000L;

    private final LabSession session;
    private final BackendChoice backends;
    private final LabViewModel model;
    private final FaultActions faults;
    /** Filled from any thread, emptied once per frame. */
    private final ConcurrentLinkedQueue<ClusterEvent> events = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> results = new ConcurrentLinkedQueue<>();
    private AutoCloseable subscription;
    private boolean membersChanged = true;
    private long countersAt;
    private Runnable reset = () -> model().status().info("This window remembers nothing, so there is nothing to reset.");
    /** The ring as a slide, from the panel that draws it; set once the ring panel is built. */
    private Supplier<WritableImage> ringSlide = () -> {
        throw new IllegalStateException("the ring is not drawn yet");
    };

    LabActions(LabSession session, BackendChoice backends, LabViewModel model) {
        this.session = session;
        this.backends = backends;
        this.model = model;
        this.faults = new FaultActions(this);
    }

    /** Freeze, thaw, slow and clear the selected server. */
    FaultActions faults() {
        return faults;
    }

    LabSession session() {
        return session;
    }

    LabViewModel model() {
        return model;
    }

    /** Listens to the cluster; {@link #frame} then feeds the view model, on every pulse, before the panels paint. */
    void start() {
        subscription = session.subscribe(events::add);
        model.algorithmProperty().set(session.algorithm());
        model.holdReplacementProperty().set(!session.cluster().replacesDead());
        model.holdReplacementProperty().addListener((obs, was, hold) -> {
            session.holdReplacements(hold);
            model.status().log(hold ? "replacement held: a dead server stays dead until released"
                    : "replacement released: dead servers are replaced");
        });
        model.backend().runningOn(session.cluster().backend().kind());
        showBalancer();
        model.status().log("window opened on the " + model.backend().currentProperty().get().label() + " backend");
    }

    /** Stops listening; the pump and the session are stopped by the window. */
    void stop() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // unsubscribing cannot fail
            }
        }
    }

    /** Everything from other threads reaches the view model here, once per pulse. */
    /** A switch asked in the window is on its way (Maglev's table takes a moment): not one from the balancer. */
    private boolean choosingAlgorithm;

    /**
     * The "Hold replacement" box follows the cluster's own switch, which a lesson's step
     * ({@code replacement: hold}) or an experiment's run also turns; the box's listener then logs it.
     */
    private void followHold() {
        boolean held = session.holdShown();
        if (model.holdReplacementProperty().get() != held) {
            model.holdReplacementProperty().set(held);
        }
    }

    void frame(long now) {
        List<ClusterEvent> batch = new ArrayList<>();
        ClusterEvent event;
        while ((event = events.poll()) != null) {
            batch.add(event);
        }
        model.accept(batch);
        membersChanged |= !batch.isEmpty();
        Runnable result;
        while ((result = results.poll()) != null) {
            result.run();
        }
        followAlgorithm();
        followHold();
        model.playback().tick(now);
        if (membersChanged || now - countersAt > COUNTERS_EVERY_NANOS) {
            refreshServers(now);
        }
    }

    /** The table is rebuilt on the next frame (a new picture of the ring may have new colours for it). */
    void refreshServersSoon() {
        membersChanged = true;
    }

    private final ServedSince servedSince = new ServedSince();

    private void refreshServers(long now) {
        countersAt = now;
        dev.ringlab.cluster.Cluster cluster = session.cluster();
        List<Member> members = cluster.members();
        long total = 0;
        List<ServerRow> rows = new ArrayList<>();
        Map<String, Long> served = new HashMap<>();
        for (Member member : members) {
            String name = member.server().name();
            rows.add(ServerRow.of(member, cluster.isFrozen(member.server()), cluster.faultOf(name)));
            // one counter: the window's requests, its experiments' and the HTTP balancer's share one route
            long answered = session.servedBy(name);
            total += answered;
            served.put(name, servedSince.served(member.server(), answered));
        }
        model.servers().countTotal(total, now, COUNTERS_EVERY_NANOS);
        model.servers().update(rows, served);
        membersChanged = false;
    }

    /** The colour of a listed server, as on the ring and in the charts; null when it is not a member. */
    String colourOf(String name) {
        return session.cluster().members().stream().map(Member::server)
                .filter(s -> s.name().equals(name)).findFirst().map(ServerColours::of).orElse(null);
    }

    void addServer() {
        String name = model.servers().newNameProperty().get();
        dev.ringlab.ring.RingConfig config = session.ring().config();
        Integer weight = model.servers().weightFor(config.slots(), config.virtualNodesPerServer(), model.status());
        if (weight == null) {
            return;
        }
        run(session.add(name, weight), added -> {
            // Only the name this Add used: the user may have typed the next one meanwhile.
            model.servers().added(name);
            dev.ringlab.ring.Server server = added.get(0);
            model.status().info("Added " + server.name() + (server.weight() == 1 ? "." : " (weight " + server.weight()
                    + ": " + server.weight() * config.virtualNodesPerServer() + " virtual nodes)."));
        });
    }

    void removeServer() {
        String name = model.servers().selectedFor("remove", model.status());
        if (name != null) {
            run(session.remove(name), removed -> model.status().info("Removed " + name + "."));
        }
    }

    void killServer() {
        String name = model.servers().selectedFor("kill", model.status());
        if (name != null) {
            run(session.kill(name), killed -> model.status().info("Killed " + name
                    + (model.holdReplacementProperty().get()
                    ? "; the health monitor will notice, and its replacement is held until you release it."
                    : "; the health monitor will notice and replace it.")));
        }
    }

    void sendOne() {
        run(session.sendOne(), model::showDispatch);
    }

    void togglePause() {
        model.playback().pausedProperty().set(!model.playback().pausedProperty().get());
    }

    void applySettings() {
        RingSettingsViewModel.Checked checked = model.settings().check(session.ring().size());
        if (!checked.valid()) {
            model.status().error(checked.error());
            return;
        }
        run(session.reconfigure(checked.config()), applied -> {
            model.settings().showApplied(applied);
            model.status().info("Ring rebuilt: " + applied.hash().name() + ", " + applied.slots() + " slots, "
                    + applied.virtualNodesPerServer() + " virtual nodes per server.");
            model.status().log("settings applied: " + applied.hash().name() + " hash, " + applied.slots() + " slots, "
                    + applied.virtualNodesPerServer() + " virtual nodes, " + applied.probing().label() + " probing");
        });
    }

    /** The slider beside the ring: rebuilds with {@code wanted} virtual nodes per server unless the ring has them. */
    void applyVirtualNodes(int wanted) {
        if (wanted == session.ring().config().virtualNodesPerServer()) {
            return;
        }
        model.settings().virtualNodesProperty().set(wanted);
        applySettings();
    }

    /** Which placement routes the window's and the balancer's requests; switching is live and safe under traffic. */
    void useAlgorithm(Algorithm chosen) {
        if (chosen == null || chosen == session.algorithm()) {
            return;
        }
        choosingAlgorithm = true;
        CompletableFuture<Algorithm> switching = session.useAlgorithm(chosen);
        switching.whenComplete((done, failed) -> results.add(() -> choosingAlgorithm = false));
        run(switching, now -> {
            model.status().info("Routing by " + now.label() + " from now on.");
            model.status().log("placement: " + now.label());
            model.algorithmProperty().set(now);
        });
    }

    /**
     * The balancer's {@code POST /algorithm} and a lesson's {@code algorithm} switch the same route the window
     * uses (and a lesson's end switches it back): the strip, the ring's
     * band and the probe follow it, so the window never shows one algorithm while requests go by another.
     */
    private void followAlgorithm() {
        Algorithm live = session.algorithm();
        if (!choosingAlgorithm && live != model.algorithmProperty().get()) {
            model.algorithmProperty().set(live);
            model.status().log("placement: " + live.label() + " (switched by a lesson or the balancer's /algorithm)");
        }
    }

    /** Stops the replicas on the current backend and starts as many on {@code kind}; on failure nothing changes. */
    void switchBackend(BackendKind kind) {
        BackendViewModel backend = model.backend();
        if (!backend.wantsSwitch(kind)) {
            return;
        }
        BackendKind was = backend.currentProperty().get();
        backend.switching(true);
        model.status().info("Switching to " + kind.label() + "…");
        model.status().log("switching from the " + was.label() + " backend to " + kind.label());
        session.switchTo(() -> backends.open().apply(kind)).whenComplete((cluster, failure) -> results.add(() -> {
            BackendKind now = session.cluster().backend().kind();
            backend.runningOn(now);
            backend.switching(false);
            membersChanged = true;
            if (failure != null) {
                model.status().error("Could not switch to " + kind.label() + ": " + Failures.reason(failure));
            } else {
                model.status().info("Now on the " + now.label() + " backend with " + cluster.ring().size() + " servers.");
                showBalancer();
            }
        }));
    }

    private void showBalancer() {
        java.net.URI address = session.balancerAddress();
        model.backend().showBalancer(address);
        if (address != null) {
            model.status().log("balancer answering at " + address + " (curl " + address + "/rep)");
        }
    }

    void copied(String url) {
        model.status().info("Copied " + url + ".");
    }

    /** View → Reset settings: what the window's memory does, when it has one (tests' windows have none). */
    void resetSettings() {
        reset.run();
    }

    void resetWith(Runnable reset) {
        this.reset = reset;
    }

    /** The ring panel hands over how to draw its slide, so the menu can export it without knowing the panel. */
    void drawRingWith(Supplier<WritableImage> slide) {
        this.ringSlide = slide;
    }

    /** The requests that landed since the last frame, to flash on the ring. */
    List<RequestLandings.Landing> landings() {
        return session.landings().drain();
    }

    /** The placement routing requests now, as the ring slide's caption names it. */
    String placementLabel() {
        return session.placement() == null ? "" : session.placement().label();
    }

    /** Asks where to save the ring as PNG (the File menu and the button under the ring) and writes it there. */
    void exportRing(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the ring as PNG");
        chooser.setInitialFileName("ring-" + session.ring().size() + "-servers.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            exportRingTo(file);
        }
    }

    /** Draws a slide of the ring on the FX thread (2x, legend, caption, no pointer line) and writes it elsewhere. */
    CompletableFuture<File> exportRingTo(File file) {
        WritableImage image = ringSlide.get();
        CompletableFuture<File> written = session.async(() -> {
            try {
                PngFile.write(image, file);
                return file;
            } catch (java.io.IOException failure) {
                throw new CompletionException(failure);
            }
        });
        run(written, done -> model.status().info("Wrote " + done.getName() + "."));
        return written;
    }

    /** The text of the API cheat-sheet, with this window's balancer address. */
    String cheatSheet() {
        java.net.URI address = session.balancerAddress();
        String base = address == null ? "http://localhost:5000 (start with --port to serve HTTP)" : address.toString();
        return "curl " + base + "/rep\n"
                + "curl -X POST -H 'Content-Type: application/json' -d '{\"n\":1,\"hostnames\":[\"S5\"]}' " + base + "/add\n"
                + "curl -X DELETE -H 'Content-Type: application/json' -d '{\"n\":1,\"hostnames\":[\"S5\"]}' " + base + "/rm\n"
                + "curl " + base + "/home";
    }

    /** Shows the outcome of background work on the next frame: success through {@code onSuccess}, failure as one line. */
    <T> void run(CompletableFuture<T> work, Consumer<T> onSuccess) {
        work.whenComplete((value, failure) -> results.add(() -> {
            if (failure != null) {
                model.status().error(Failures.reason(failure));
            } else {
                onSuccess.accept(value);
            }
        }));
    }
}
