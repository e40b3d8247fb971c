package dev.ringlab.ui;

import dev.ringlab.balancer.Dispatch;
import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.Member;
import dev.ringlab.ring.KeyMigration;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.RingSnapshot;
import java.io.File;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.ringlab.ring.algorithm.Algorithm;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Wires the controls of {@code lab.fxml} to a {@link LabSession}. Buttons start work on the session's
 * threads; what comes back (cluster events, results, errors) is queued and shown by the frame pump
 * in one batch per frame.
 */
public final class LabController {

    static final int MAX_LOG_LINES = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final long COUNTERS_EVERY_NANOS = 250_000_000L;

    @FXML private BorderPane root;
    @FXML private Label backendIndicator;
    @FXML private ChoiceBox<BackendKind> backendChoice;
    @FXML private TextField balancerUrl;
    @FXML private Button copyUrl;
    @FXML private Label requestRate;
    @FXML private Button sendOne;
    @FXML private Label lastRequest;
    @FXML private RingCanvas ring;
    @FXML private FlowPane legend;
    @FXML private Label migration;
    @FXML private ChoiceBox<RingHash> hashChoice;
    @FXML private Spinner<Integer> slotsSpinner;
    @FXML private Spinner<Integer> virtualNodesSpinner;
    @FXML private ChoiceBox<Probing> probingChoice;
    @FXML private Label settingsExplanation;
    @FXML private TextField serverName;
    @FXML private Button addServer;
    @FXML private Button removeServer;
    @FXML private Button killServer;
    @FXML private Label message;
    @FXML private TableView<ServerRow> servers;
    @FXML private TableColumn<ServerRow, String> nameColumn;
    @FXML private TableColumn<ServerRow, String> backendIdColumn;
    @FXML private TableColumn<ServerRow, String> addressColumn;
    @FXML private TableColumn<ServerRow, String> stateColumn;
    @FXML private TableColumn<ServerRow, Number> servedColumn;
    @FXML private Label slotDetail;
    @FXML private ListView<String> log;
    @FXML private ExperimentsController experimentsController;
    @FXML private CompareController compareController;
    @FXML private ChoiceBox<Algorithm> algorithmChoice;

    private final LabSession session;
    private final BackendChoice backends;
    private final FramePump pump = new FramePump();
    private final ServedCounts served = new ServedCounts();
    /** Filled from any thread, emptied once per frame. */
    private final ConcurrentLinkedQueue<ClusterEvent> events = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> results = new ConcurrentLinkedQueue<>();
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private AutoCloseable subscription;
    private RingSnapshot shownRing;
    private KeyMigration lastMigration;
    private boolean membersChanged = true;
    private long countersAt;
    private long totalAtLastRate;

    public LabController(LabSession session, BackendChoice backends) {
        this.session = session;
        this.backends = backends;
    }

    @FXML
    private void initialize() {
        subscription = session.subscribe(events::add);
        initialiseBackends();
        showBalancer();
        initialiseTable();
        initialiseSettings(session.ring().config());
        log.setItems(logLines);
        log.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                // Long lines wrap inside the log's width instead of running off its edge.
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
            }
        });
        ring.focusProperty().addListener((obs, old, now) -> slotDetail.setText(describe(now)));
        pump.add(this::frame);
        experimentsController.attach(pump, this::log);
        compareController.attach(pump);
        setUpAlgorithmChoice();
        pump.start();
        showRing(session.ring());
        log("window opened on the " + backendIndicator.getText() + " backend");
    }

    LabSession session() {
        return session;
    }

    RingCanvas ring() {
        return ring;
    }

    FramePump pump() {
        return pump;
    }

    CompareController comparison() {
        return compareController;
    }

    /** Which placement routes the window's and the balancer's requests; switching is live and safe under traffic. */
    private void setUpAlgorithmChoice() {
        algorithmChoice.getItems().setAll(Algorithm.values());
        algorithmChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Algorithm algorithm) {
                return algorithm == null ? "" : algorithm.label();
            }

            @Override
            public Algorithm fromString(String label) {
                return Algorithm.byName(label);
            }
        });
        algorithmChoice.setValue(session.algorithm());
        algorithmChoice.setOnAction(event -> {
            Algorithm chosen = algorithmChoice.getValue();
            if (chosen == null || chosen == session.algorithm()) {
                return;
            }
            run(session.useAlgorithm(chosen), now -> {
                showInfo("Routing by " + now.label() + " from now on.");
                log("placement: " + now.label());
                compareController.refreshPlacement();
            });
        });
        compareController.refreshPlacement();
    }

    ExperimentsController experiments() {
        return experimentsController;
    }

    /** Everything from other threads reaches the controls here, once per pulse. */
    private void frame(long now) {
        List<ClusterEvent> batch = new ArrayList<>();
        ClusterEvent event;
        while ((event = events.poll()) != null) {
            batch.add(event);
        }
        for (ClusterEvent e : batch) {
            if (e instanceof ClusterEvent.RingChanged changed) {
                lastMigration = changed.migration();
            }
            if (!(e instanceof ClusterEvent.RingChanged changed && changed.migration().movedSlots() == 0)) {
                log(e.at(), e.describe());
            }
            if (e instanceof ClusterEvent.BackendFailed failed) {
                showError(failed.message());
            }
        }
        membersChanged |= !batch.isEmpty();
        Runnable result;
        while ((result = results.poll()) != null) {
            result.run();
        }
        RingSnapshot current = session.ring();
        // The legend and the ring live in their tab; rebuilding them while it is hidden repaints the whole window.
        if (current != shownRing && ring.shown()) {
            showRing(current);
        }
        ring.flash(session.tally().drainLandings(), now);
        if (membersChanged || now - countersAt > COUNTERS_EVERY_NANOS) {
            refreshServers(now);
        }
        ring.paint(now);
    }

    private void refreshServers(long now) {
        List<Member> members = session.cluster().members();
        long total = session.tally().total();
        for (Member member : members) {
            total += session.balancedTo(member.server().name());
        }
        if (countersAt != 0 && now - countersAt > COUNTERS_EVERY_NANOS) {
            double seconds = (now - countersAt) / 1e9;
            requestRate.setText(String.format("%.0f req/s", (total - totalAtLastRate) / seconds));
            totalAtLastRate = total;
            countersAt = now;
        } else if (countersAt == 0) {
            countersAt = now;
            totalAtLastRate = total;
        }
        List<ServerRow> rows = new ArrayList<>();
        for (Member member : members) {
            String name = member.server().name();
            rows.add(ServerRow.of(member));
            served.set(name, session.tally().servedBy(name) + session.balancedTo(name));
        }
        ObservableList<ServerRow> items = servers.getItems();
        ServerRow selected = servers.getSelectionModel().getSelectedItem();
        boolean sameServers = items.size() == rows.size();
        for (int i = 0; sameServers && i < rows.size(); i++) {
            sameServers = items.get(i).name().equals(rows.get(i).name());
        }
        if (sameServers) {
            // Only the rows whose state changed: the table redraws those cells and keeps the selection.
            for (int i = 0; i < rows.size(); i++) {
                if (!items.get(i).equals(rows.get(i))) {
                    items.set(i, rows.get(i));
                }
            }
        } else {
            items.setAll(rows);
            served.keepOnly(rows.stream().map(ServerRow::name).collect(Collectors.toSet()));
        }
        ServerRow nowSelected = servers.getSelectionModel().getSelectedItem();
        if (selected != null && (nowSelected == null || !nowSelected.name().equals(selected.name()))) {
            rows.stream().filter(r -> r.name().equals(selected.name())).findFirst()
                    .ifPresent(r -> servers.getSelectionModel().select(r));
        }
        membersChanged = false;
    }

    private void showRing(RingSnapshot snapshot) {
        shownRing = snapshot;
        RingPicture picture = RingPicture.of(snapshot, lastMigration);
        ring.show(picture);
        migration.setText(picture.migrationText());
        legend.getChildren().clear();
        for (RingPicture.LegendEntry entry : picture.legend()) {
            Label label = new Label(String.format("%s  %.1f%%", entry.server().name(), 100 * entry.share()),
                    new Circle(6, Color.web(entry.colour())));
            label.setId("legend-" + entry.server().id());
            legend.getChildren().add(label);
        }
        membersChanged = true;
    }

    @FXML
    private void addServer() {
        String name = serverName.getText();
        run(session.add(name), added -> {
            // Only the name this Add used: the user may have typed the next one meanwhile.
            if (serverName.getText().equals(name) && name != null && !name.isBlank()) {
                serverName.clear();
            }
            showInfo("Added " + added.get(0).name() + ".");
        });
    }

    @FXML
    private void removeServer() {
        ServerRow row = servers.getSelectionModel().getSelectedItem();
        if (row == null) {
            showError("Select a server in the table to remove it.");
            return;
        }
        run(session.remove(row.name()), removed -> showInfo("Removed " + row.name() + "."));
    }

    @FXML
    private void killServer() {
        ServerRow row = servers.getSelectionModel().getSelectedItem();
        if (row == null) {
            showError("Select a server in the table to kill it.");
            return;
        }
        run(session.kill(row.name()), killed -> showInfo("Killed " + row.name()
                + "; the health monitor will notice and replace it."));
    }

    @FXML
    private void sendOne() {
        run(session.sendOne(), this::showDispatch);
    }

    private void showDispatch(Dispatch dispatch) {
        if (!dispatch.answered()) {
            lastRequest.setText("key " + dispatch.key() + " → slot " + dispatch.slot() + " → no server answered");
            return;
        }
        lastRequest.setText("key " + dispatch.key() + " → slot " + dispatch.slot() + " → " + dispatch.server().name()
                + (dispatch.retried() ? " (after " + dispatch.attempts() + " tries)" : ""));
    }

    @FXML
    private void copyUrl() {
        ClipboardContent content = new ClipboardContent();
        content.putString(balancerUrl.getText());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        showInfo("Copied " + balancerUrl.getText() + ".");
    }

    @FXML
    private void applySettings() {
        RingConfig config;
        try {
            config = new RingConfig(slotsSpinner.getValue(), virtualNodesSpinner.getValue(),
                    hashChoice.getValue(), probingChoice.getValue());
        } catch (IllegalArgumentException invalid) {
            showError(invalid.getMessage());
            return;
        }
        run(session.reconfigure(config), applied -> {
            settingsExplanation.setText(explain(applied));
            showInfo("Ring rebuilt: " + applied.hash().name() + ", " + applied.slots() + " slots, "
                    + applied.virtualNodesPerServer() + " virtual nodes per server.");
            log("settings applied: " + applied.hash().name() + " hash, " + applied.slots() + " slots, "
                    + applied.virtualNodesPerServer() + " virtual nodes, " + applied.probing().label() + " probing");
        });
    }

    @FXML
    private void exportRing() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the ring as PNG");
        chooser.setInitialFileName("ring-" + session.ring().size() + "-servers.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            exportRingTo(file);
        }
    }

    /** Snapshots the ring on the FX thread and writes it elsewhere. */
    CompletableFuture<File> exportRingTo(File file) {
        var image = PngFile.snapshot(ring);
        CompletableFuture<File> written = session.async(() -> {
            try {
                PngFile.write(image, file);
                return file;
            } catch (java.io.IOException failure) {
                throw new CompletionException(failure);
            }
        });
        run(written, done -> showInfo("Wrote " + done.getName() + "."));
        return written;
    }

    /** Shows the outcome of background work on the next frame: success through {@code onSuccess}, failure as one line. */
    <T> void run(CompletableFuture<T> work, Consumer<T> onSuccess) {
        work.whenComplete((value, failure) -> results.add(() -> {
            if (failure != null) {
                showError(reason(failure));
            } else {
                onSuccess.accept(value);
            }
        }));
    }

    void showError(String text) {
        message.getStyleClass().remove("error");
        message.getStyleClass().add("error");
        message.setText(text);
        log("error: " + text);
    }

    void showInfo(String text) {
        message.getStyleClass().remove("error");
        message.setText(text);
    }

    void log(String text) {
        log(java.time.Instant.now(), text);
    }

    private void log(java.time.Instant at, String text) {
        logLines.add(LocalTime.ofInstant(at, ZoneId.systemDefault()).format(TIME) + "  " + text);
        if (logLines.size() > MAX_LOG_LINES) {
            logLines.remove(0, logLines.size() - MAX_LOG_LINES);
        }
        log.scrollTo(logLines.size() - 1);
    }

    /** Stops painting and listening; the session is closed by whoever opened it. */
    void stop() {
        experimentsController.stop();
        pump.stop();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // unsubscribing cannot fail
            }
        }
    }

    static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String describe(RingPicture.SlotDetail detail) {
        if (detail == null) {
            return "Point at the ring to see a slot, its virtual node and the arc it owns.";
        }
        if (detail.owner() == null) {
            return "Slot " + detail.slot() + ": the ring is empty.";
        }
        RingPicture.Marker owner = detail.owner();
        return String.format("Slot %d%s%nServed by %s, virtual node j=%d at slot %d%s%n"
                        + "That node owns an arc of %d slots (%.1f%% of the ring); %s owns %.1f%% in all.",
                detail.slot(), detail.markerAtSlot() ? " (a virtual node sits here)" : "",
                owner.serverName(), owner.virtualNode(), owner.slot(),
                owner.homeSlot() != owner.slot() ? " (hashed to " + owner.homeSlot() + ", probed on)" : "",
                owner.arcLength(), 100 * owner.arcShare(), owner.serverName(), 100 * detail.serverShare());
    }

    private static String explain(RingConfig config) {
        return "The balancer now routes with these settings: every request key is hashed with the "
                + config.hash().name() + " hash onto " + config.slots() + " slots, and each server places "
                + config.virtualNodesPerServer() + " virtual nodes (" + config.probing().label()
                + " probing past taken slots). Requests from the window, the experiments and HTTP clients "
                + "all follow the ring drawn here.";
    }

    private void initialiseBackends() {
        BackendKind current = session.cluster().backend().kind();
        backendIndicator.setText(current.label());
        backendChoice.getItems().setAll(backends.offered().contains(current) ? backends.offered()
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(current), backends.offered().stream()).toList());
        backendChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(BackendKind kind) {
                return kind == null ? "" : kind.label();
            }

            @Override
            public BackendKind fromString(String label) {
                return backendChoice.getItems().stream().filter(k -> k.label().equals(label)).findFirst().orElse(null);
            }
        });
        backendChoice.setValue(current);
        backendChoice.setOnAction(event -> {
            BackendKind wanted = backendChoice.getValue();
            if (wanted != null && wanted != session.cluster().backend().kind()) {
                switchBackend(wanted);
            }
        });
    }

    /** Stops the replicas on the current backend and starts as many on {@code kind}; on failure nothing changes. */
    void switchBackend(BackendKind kind) {
        BackendKind was = session.cluster().backend().kind();
        backendChoice.setDisable(true);
        showInfo("Switching to " + kind.label() + "…");
        log("switching from the " + was.label() + " backend to " + kind.label());
        session.switchTo(() -> backends.open().apply(kind)).whenComplete((cluster, failure) -> results.add(() -> {
            backendChoice.setDisable(false);
            BackendKind now = session.cluster().backend().kind();
            backendIndicator.setText(now.label());
            backendChoice.setValue(now);
            membersChanged = true;
            if (failure != null) {
                showError("Could not switch to " + kind.label() + ": " + reason(failure));
            } else {
                showInfo("Now on the " + now.label() + " backend with " + cluster.ring().size() + " servers.");
                backendSwitched();
            }
        }));
    }

    /** The embedded balancer moved with the cluster, to the same port when it could. */
    private void backendSwitched() {
        showBalancer();
    }

    private void showBalancer() {
        java.net.URI address = session.balancerAddress();
        balancerUrl.setText(address == null ? "in memory (no HTTP)" : address.toString());
        copyUrl.setDisable(address == null);
        if (address != null) {
            log("balancer answering at " + address + " (curl " + address + "/rep)");
        }
    }

    private void initialiseTable() {
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        backendIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().backendId()));
        addressColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().address()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state()));
        servedColumn.setCellValueFactory(c -> served.of(c.getValue().name()));
        servers.setPlaceholder(new Label("No servers yet: press Add."));
    }

    /** Typing a non-number into a spinner says so and keeps the old value, instead of an exception on the FX thread. */
    private SpinnerValueFactory<Integer> lenient(SpinnerValueFactory.IntegerSpinnerValueFactory factory, String what) {
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text.trim());
                } catch (NumberFormatException notANumber) {
                    showError(what + " must be a whole number, got '" + text.trim() + "'");
                    return factory.getValue();
                }
            }
        });
        return factory;
    }

    private void initialiseSettings(RingConfig config) {
        hashChoice.getItems().setAll(RingHash.builtIn());
        hashChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(RingHash hash) {
                return hash == null ? "" : hash.name();
            }

            @Override
            public RingHash fromString(String name) {
                return RingHash.byName(name);
            }
        });
        hashChoice.setValue(config.hash());
        probingChoice.getItems().setAll(Probing.values());
        probingChoice.setValue(config.probing());
        slotsSpinner.setValueFactory(lenient(new SpinnerValueFactory.IntegerSpinnerValueFactory(8,
                RingConfig.MAX_SLOTS, config.slots(), 64), "slots"));
        virtualNodesSpinner.setValueFactory(lenient(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 256,
                config.virtualNodesPerServer()), "virtual nodes per server"));
        settingsExplanation.setText(explain(config));
    }
}
