package dev.ringlab.ui;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.Member;
import dev.ringlab.palette.ServerColours;
import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.RingSnapshot;
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
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * Binds the controls of {@code lab.fxml} to the {@link LabViewModel} and forwards clicks to the
 * {@link LabSession}. Work runs on the session's threads; what comes back (cluster events, results,
 * errors) is queued and handed to the view model by the frame pump in one batch per frame. No other
 * controller is known here: the window wires them together.
 */
public final class LabController {

    static final int MAX_LOG_LINES = StatusViewModel.MAX_LOG_LINES;
    private static final long COUNTERS_EVERY_NANOS = 250_000_000L;

    @FXML private BorderPane root;
    @FXML private Label backendIndicator;
    @FXML private ChoiceBox<BackendKind> backendChoice;
    @FXML private TextField balancerUrl;
    @FXML private Button copyUrl;
    @FXML private Label requestRate;
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
    @FXML private Label message;
    @FXML private TableView<ServerRow> servers;
    @FXML private TableColumn<ServerRow, String> nameColumn;
    @FXML private TableColumn<ServerRow, String> backendIdColumn;
    @FXML private TableColumn<ServerRow, String> addressColumn;
    @FXML private TableColumn<ServerRow, String> stateColumn;
    @FXML private TableColumn<ServerRow, Number> servedColumn;
    @FXML private Label slotDetail;
    @FXML private ListView<String> log;
    @FXML private ChoiceBox<Algorithm> algorithmChoice;
    @FXML private SplitPane split;
    @FXML private VBox sidePanel;
    @FXML private TextField probeKey;
    @FXML private Label probeResult;
    @FXML private ToggleButton pauseButton;
    @FXML private Label waiting;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private CheckBox holdAfterDeath;
    @FXML private Slider virtualNodesSlider;
    @FXML private Label virtualNodesValue;
    @FXML private Label balance;
    @FXML private Label happenedHeadline;
    @FXML private Label happenedMoved;
    @FXML private Label happenedFlows;
    @FXML private Label happenedShares;
    @FXML private CheckMenuItem presentationItem;
    @FXML private FlowPane statusStrip;
    @FXML private javafx.scene.layout.HBox ringFooter;
    @FXML private javafx.scene.control.ScrollPane teachScroll;
    @FXML private CheckMenuItem darkItem;

    private final LabSession session;
    private final BackendChoice backends;
    private final LabViewModel model;
    private final FramePump pump;
    /** Filled from any thread, emptied once per frame. */
    private final ConcurrentLinkedQueue<ClusterEvent> events = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> results = new ConcurrentLinkedQueue<>();
    private AutoCloseable subscription;
    private boolean pictureStale = true;
    private boolean membersChanged = true;
    private long countersAt;
    private double fontPx = 13;

    public LabController(LabSession session, BackendChoice backends, LabViewModel model, FramePump pump) {
        this.session = session;
        this.backends = backends;
        this.model = model;
        this.pump = pump;
    }

    @FXML
    private void initialize() {
        subscription = session.subscribe(events::add);
        initialiseBackends();
        showBalancer();
        initialiseTable();
        initialiseSettings();
        bindStatus();
        bindTeaching();
        ring.focusProperty().addListener((obs, old, now) -> slotDetail.setText(describe(now)));
        ring.onSelect(name -> model.servers().select(name));
        pump.add(this::frame);
        setUpAlgorithmChoice();
        model.status().log("window opened on the " + backendIndicator.getText() + " backend");
    }

    /** The dark theme's switch (View menu). */
    javafx.beans.property.BooleanProperty darkProperty() {
        return darkItem.selectedProperty();
    }

    LabViewModel model() {
        return model;
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

    private void bindStatus() {
        message.textProperty().bind(model.status().messageProperty());
        model.status().errorProperty().addListener((obs, old, error) -> {
            message.getStyleClass().remove("error");
            if (error) {
                message.getStyleClass().add("error");
            }
        });
        log.setItems(model.status().log());
        log.setCellFactory(list -> new ListCell<>() {
            {
                // Long lines wrap inside the log's width instead of running off its edge.
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
            }
        });
        model.status().log().addListener((javafx.collections.ListChangeListener<String>) change ->
                log.scrollTo(model.status().log().size() - 1));
        requestRate.textProperty().bind(model.servers().rateProperty());
        lastRequest.textProperty().bind(model.lastRequestProperty());
    }

    /** The probe, playback, virtual-node slider and "what just happened" beside the ring. */
    private void bindTeaching() {
        Playback playback = model.playback();
        pauseButton.selectedProperty().bindBidirectional(playback.pausedProperty());
        pauseButton.textProperty().bind(javafx.beans.binding.Bindings.when(playback.pausedProperty())
                .then("Play").otherwise("Pause"));
        holdAfterDeath.selectedProperty().bindBidirectional(playback.holdAfterDeathProperty());
        // The slider moves in powers of two: 0.25, 0.5, 1, 2, 4.
        speedSlider.valueProperty().addListener((obs, old, now) -> playback.speedProperty().set(Math.pow(2, now.doubleValue())));
        playback.speedProperty().addListener((obs, old, now) -> speedLabel.setText(speedText(now.doubleValue())));
        speedLabel.setText(speedText(playback.speedProperty().get()));
        waiting.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> playback.waitingProperty().get() == 0 ? "" : playback.waitingProperty().get() + " waiting",
                playback.waitingProperty()));
        balance.textProperty().bind(model.settings().balanceProperty());
        virtualNodesSlider.setValue(model.settings().virtualNodesProperty().get());
        virtualNodesValue.textProperty().bind(virtualNodesSlider.valueProperty().asString("%.0f"));
        model.settings().virtualNodesProperty().addListener((obs, old, now) -> {
            if (!virtualNodesSlider.isValueChanging()) {
                virtualNodesSlider.setValue(now.intValue());
            }
        });
        // Rebuilds when the user lets go (or steps with the keyboard), not on every pixel of a drag.
        virtualNodesSlider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                applyVirtualNodes();
            }
        });
        virtualNodesSlider.valueProperty().addListener((obs, old, now) -> {
            if (!virtualNodesSlider.isValueChanging()) {
                applyVirtualNodes();
            }
        });
        model.lastChangeProperty().addListener((obs, old, report) -> showChange(report));
        model.probeProperty().addListener((obs, old, probe) -> probeResult.setText(probe == null ? "" : probe.describe()));
        Observable[] pictureInputs = {playback.shownProperty(), model.lastChangeProperty(), model.down(),
                model.servers().selectedProperty(), model.probeProperty(), model.algorithmProperty()};
        for (Observable input : pictureInputs) {
            input.addListener(changed -> pictureStale = true);
        }
        model.servers().selectedProperty().addListener((obs, old, name) -> selectRow(name));
        servers.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.servers().select(row.name());
            }
        });
        presentationItem.selectedProperty().bindBidirectional(model.presentationProperty());
        model.presentationProperty().addListener((obs, old, on) -> present(on));
        darkItem.selectedProperty().addListener((obs, old, on) -> {
            root.getStyleClass().remove("dark");
            if (on) {
                root.getStyleClass().add("dark");
            }
            ring.darkProperty().set(on);
        });
        javafx.beans.InvalidationListener resized = size -> {
            if (model.presentationProperty().get()) {
                present(true);
            }
        };
        root.heightProperty().addListener(resized);
        root.widthProperty().addListener(resized);
    }

    private static String speedText(double speed) {
        return speed < 1 ? String.format("%.2fx", speed) : String.format("%.0fx", speed);
    }

    private void selectRow(String name) {
        ServerRow selected = servers.getSelectionModel().getSelectedItem();
        if (name == null) {
            servers.getSelectionModel().clearSelection();
        } else if (selected == null || !selected.name().equals(name)) {
            servers.getItems().stream().filter(row -> row.name().equals(name)).findFirst()
                    .ifPresent(row -> servers.getSelectionModel().select(row));
        }
    }

    private void showChange(ChangeReport report) {
        if (report == null) {
            return;
        }
        happenedHeadline.setText(report.headline());
        happenedMoved.setText(report.movedLine());
        List<String> flows = report.flowLines();
        happenedFlows.setText(flows.isEmpty() ? "" : "Slots handed over:\n" + String.join("\n",
                flows.subList(0, Math.min(8, flows.size()))) + (flows.size() > 8 ? "\n… and " + (flows.size() - 8) + " more" : ""));
        happenedShares.setText("Share of the ring, before → after:\n" + String.join("\n", report.shareLines()));
    }

    /**
     * Presentation mode: full screen, text at about 3.2 % of the window's height (slides use 3.3–4.4 %),
     * the ring and its markers scaled to match, and the servers panel folded away so the ring takes the room.
     */
    private void present(boolean on) {
        Stage stage = (Stage) root.getScene().getWindow();
        double height = root.getHeight() > 0 ? root.getHeight() : 800;
        double px = on ? Math.max(16, Math.round(height * 0.032)) : 13;
        root.setStyle("-fx-font-size: " + px + "px;");
        if (fontPx != px) {
            fontPx = px;
            pictureStale = true; // the legend's swatches follow the text
        }
        ring.scaleProperty().set(on ? Math.max(1.4, px / 13 * 0.75) : 1);
        // the ring takes the room: the backend strip and the line under the ring (the panel says the same) fold away
        for (Region folded : List.of(statusStrip, ringFooter)) {
            folded.setVisible(!on);
            folded.setManaged(!on);
        }
        double width = root.getWidth() > 0 ? root.getWidth() : 1280;
        teachScroll.setPrefWidth(on ? width * 0.3 : Region.USE_COMPUTED_SIZE);
        teachScroll.setMaxWidth(on ? width * 0.3 : Region.USE_COMPUTED_SIZE);
        if (on && split.getItems().contains(sidePanel)) {
            split.getItems().remove(sidePanel);
        } else if (!on && !split.getItems().contains(sidePanel)) {
            split.getItems().add(sidePanel);
            split.setDividerPositions(0.62);
        }
        if (stage != null && stage.isFullScreen() != on && !Boolean.getBoolean("ringlab.window.noFullScreen")) {
            stage.setFullScreenExitHint("Press F5 or Esc to leave presentation mode");
            stage.setFullScreen(on);
        }
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
        model.algorithmProperty().set(session.algorithm());
        algorithmChoice.setOnAction(event -> {
            Algorithm chosen = algorithmChoice.getValue();
            if (chosen == null || chosen == session.algorithm()) {
                return;
            }
            run(session.useAlgorithm(chosen), now -> {
                model.status().info("Routing by " + now.label() + " from now on.");
                model.status().log("placement: " + now.label());
                model.algorithmProperty().set(now);
            });
        });
    }

    /** Everything from other threads reaches the view model here, once per pulse. */
    private void frame(long now) {
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
        Playback playback = model.playback();
        model.poll(session.ring());
        playback.tick(now);
        // The legend and the ring live in their tab; rebuilding them while it is hidden repaints the whole window.
        if (pictureStale && ring.shown()) {
            showRing();
        }
        ring.flash(session.tally().drainLandings(), playback.viewNanos());
        if (membersChanged || now - countersAt > COUNTERS_EVERY_NANOS) {
            refreshServers(now);
        }
        ring.paint(playback.viewNanos());
    }

    private void refreshServers(long now) {
        countersAt = now;
        List<Member> members = session.cluster().members();
        long total = session.tally().total();
        List<ServerRow> rows = new ArrayList<>();
        Map<String, Long> served = new HashMap<>();
        for (Member member : members) {
            String name = member.server().name();
            rows.add(ServerRow.of(member));
            long balanced = session.balancedTo(name);
            total += balanced;
            served.put(name, session.tally().servedBy(name) + balanced);
        }
        model.servers().countTotal(total, now, COUNTERS_EVERY_NANOS);
        model.servers().update(rows, served);
        selectRow(model.servers().selectedProperty().get());
        membersChanged = false;
    }

    private void showRing() {
        pictureStale = false;
        RingSnapshot snapshot = model.playback().shownProperty().get();
        RingPicture picture = RingPicture.of(snapshot, model.lastChangeProperty().get(), model.down(),
                model.servers().selectedProperty().get(), model.probeProperty().get(), model.algorithmProperty().get());
        ring.show(picture);
        migration.setText(picture.migrationText());
        legend.getChildren().clear();
        for (RingPicture.LegendEntry entry : picture.legend()) {
            double side = Math.max(14, fontPx * 0.9);
            Rectangle swatch = new Rectangle(side, side, Color.web(entry.colour()));
            String name = entry.server().name();
            boolean down = picture.down().contains(name);
            Label label = new Label(String.format("%s  %.1f%%%s", name, 100 * entry.share(), down ? " (down)" : ""), swatch);
            label.setId("legend-" + entry.server().id());
            label.getStyleClass().add("legend-entry");
            if (name.equals(picture.selected())) {
                label.getStyleClass().add("selected");
            }
            label.setOnMouseClicked(click -> model.servers().select(name));
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
            model.status().info("Added " + added.get(0).name() + ".");
        });
    }

    private String selectedServer(String action) {
        String name = model.servers().selectedProperty().get();
        if (name == null) {
            model.status().error("Select a server (in the table, the legend or on the ring) to " + action + " it.");
        }
        return name;
    }

    @FXML
    private void removeServer() {
        String name = selectedServer("remove");
        if (name != null) {
            run(session.remove(name), removed -> model.status().info("Removed " + name + "."));
        }
    }

    @FXML
    private void killServer() {
        String name = selectedServer("kill");
        if (name != null) {
            run(session.kill(name), killed -> model.status().info("Killed " + name
                    + "; the health monitor will notice and replace it."));
        }
    }

    @FXML
    private void sendOne() {
        run(session.sendOne(), model::showDispatch);
    }

    @FXML
    private void probe() {
        model.probe(probeKey.getText());
        pictureStale = true;
    }

    @FXML
    private void togglePause() {
        model.playback().pausedProperty().set(!model.playback().pausedProperty().get());
    }

    @FXML
    private void step() {
        model.playback().step();
    }

    @FXML
    private void quit() {
        root.getScene().getWindow().hide();
    }

    @FXML
    private void resetPreferences() {
        WindowPreferences.forget();
        model.status().info("Remembered size, position and settings forgotten; the next start uses the defaults.");
    }

    @FXML
    private void showCheatSheet() {
        java.net.URI address = session.balancerAddress();
        String base = address == null ? "http://localhost:5000 (start with --port to serve HTTP)" : address.toString();
        info("API cheat-sheet", "curl " + base + "/rep\n"
                + "curl -X POST -H 'Content-Type: application/json' -d '{\"n\":1,\"hostnames\":[\"S5\"]}' " + base + "/add\n"
                + "curl -X DELETE -H 'Content-Type: application/json' -d '{\"n\":1,\"hostnames\":[\"S5\"]}' " + base + "/rm\n"
                + "curl " + base + "/home");
    }

    @FXML
    private void showAbout() {
        info("About RingLab", "RingLab: consistent hashing you can watch.\nF5 presentation mode, Ctrl+Space pause, "
                + "Ctrl+. step, Ctrl+N add, Ctrl+K kill, Ctrl+R send a request.\nDocs: docs/window.md");
    }

    private void info(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(root.getScene().getWindow());
        alert.show();
    }

    @FXML
    private void copyUrl() {
        ClipboardContent content = new ClipboardContent();
        content.putString(balancerUrl.getText());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        model.status().info("Copied " + balancerUrl.getText() + ".");
    }

    @FXML
    private void applySettings() {
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

    private void applyVirtualNodes() {
        int wanted = (int) Math.round(virtualNodesSlider.getValue());
        if (wanted == session.ring().config().virtualNodesPerServer()) {
            return;
        }
        model.settings().virtualNodesProperty().set(wanted);
        applySettings();
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

    /** Draws a slide of the ring on the FX thread (2x, legend, caption, no pointer line) and writes it elsewhere. */
    CompletableFuture<File> exportRingTo(File file) {
        var image = RingSlide.snapshot(ring, session.placement() == null ? "" : session.placement().label());
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

    void showError(String text) {
        model.status().error(text);
    }

    void showInfo(String text) {
        model.status().info(text);
    }

    void log(String text) {
        model.status().log(text);
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
        model.status().info("Switching to " + kind.label() + "…");
        model.status().log("switching from the " + was.label() + " backend to " + kind.label());
        session.switchTo(() -> backends.open().apply(kind)).whenComplete((cluster, failure) -> results.add(() -> {
            backendChoice.setDisable(false);
            BackendKind now = session.cluster().backend().kind();
            backendIndicator.setText(now.label());
            backendChoice.setValue(now);
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
        balancerUrl.setText(address == null ? "in memory (no HTTP)" : address.toString());
        copyUrl.setDisable(address == null);
        if (address != null) {
            model.status().log("balancer answering at " + address + " (curl " + address + "/rep)");
        }
    }

    private void initialiseTable() {
        servers.setItems(model.servers().rows());
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        // A swatch in the server's colour, the same as on the ring and in the charts.
        nameColumn.setCellFactory(column -> new TableCell<>() {
            private final Rectangle swatch = new Rectangle(12, 12);

            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                if (empty || name == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(name);
                // a row exists only for a member, so its colour is known when the row appears: no table refresh
                // (which re-creates cells under a pointer about to click them) is ever needed
                swatch.setFill(session.cluster().members().stream().map(Member::server)
                        .filter(s -> s.name().equals(name)).findFirst()
                        .map(s -> Color.web(ServerColours.of(s))).orElse(Color.TRANSPARENT));
                setGraphic(swatch);
            }
        });
        backendIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().backendId()));
        addressColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().address()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state()));
        servedColumn.setCellValueFactory(c -> model.servers().served().of(c.getValue().name()));
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
                RingSettingsViewModel.Checked parsed = RingSettingsViewModel.parseWhole(text, what);
                if (!parsed.valid()) {
                    model.status().error(parsed.error());
                    return factory.getValue();
                }
                return Integer.valueOf(text.trim());
            }
        });
        return factory;
    }

    private void initialiseSettings() {
        RingSettingsViewModel settings = model.settings();
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
        hashChoice.valueProperty().bindBidirectional(settings.hashProperty());
        probingChoice.getItems().setAll(Probing.values());
        // "linear" as everywhere else in the window and the CLI, not the enum's LINEAR
        probingChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Probing probing) {
                return probing == null ? "" : probing.label();
            }

            @Override
            public Probing fromString(String label) {
                return Probing.byName(label);
            }
        });
        probingChoice.valueProperty().bindBidirectional(settings.probingProperty());
        var slots = lenient(new SpinnerValueFactory.IntegerSpinnerValueFactory(8, dev.ringlab.ring.RingConfig.MAX_SLOTS,
                settings.slotsProperty().get(), 64), "slots");
        slotsSpinner.setValueFactory(slots);
        slots.valueProperty().addListener((obs, old, now) -> settings.slotsProperty().set(now));
        settings.slotsProperty().addListener((obs, old, now) -> slots.setValue(now.intValue()));
        var nodes = lenient(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 256,
                settings.virtualNodesProperty().get()), "virtual nodes per server");
        virtualNodesSpinner.setValueFactory(nodes);
        nodes.valueProperty().addListener((obs, old, now) -> settings.virtualNodesProperty().set(now));
        settings.virtualNodesProperty().addListener((obs, old, now) -> nodes.setValue(now.intValue()));
        settingsExplanation.textProperty().bind(settings.explanationProperty());
    }
}
