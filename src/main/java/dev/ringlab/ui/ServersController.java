package dev.ringlab.ui;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The servers panel ({@code servers-panel.fxml}): binds the name field, the status line, the table and
 * its selection, the slot under the pointer and the event log to the view models, and forwards Add
 * (with the weight typed), Remove and Kill to {@link LabActions} and Freeze, Thaw, Slow… and Clear faults
 * to its {@link FaultActions}.
 */
public final class ServersController {

    @FXML private TextField serverName;
    @FXML private TextField serverWeight;
    @FXML private Button killServer;
    @FXML private Button freezeServer;
    @FXML private Button thawServer;
    @FXML private Button slowServer;
    @FXML private Button clearFaults;
    @FXML private Label message;
    @FXML private TableView<ServerRow> servers;
    @FXML private TableColumn<ServerRow, String> nameColumn;
    @FXML private TableColumn<ServerRow, String> backendIdColumn;
    @FXML private TableColumn<ServerRow, String> addressColumn;
    @FXML private TableColumn<ServerRow, String> stateColumn;
    @FXML private TableColumn<ServerRow, Number> weightColumn;
    @FXML private TableColumn<ServerRow, String> faultColumn;
    @FXML private TableColumn<ServerRow, Number> servedColumn;
    @FXML private Label slotDetail;
    @FXML private ListView<String> log;

    private final LabViewModel model;
    private final LabActions actions;

    public ServersController(LabViewModel model, LabActions actions) {
        this.model = model;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        serverName.textProperty().bindBidirectional(model.servers().newNameProperty());
        serverWeight.textProperty().bindBidirectional(model.servers().newWeightProperty());
        bindFaultButtons();
        bindStatus();
        initialiseTable();
        slotDetail.textProperty().bind(model.pointedText());
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
        model.status().log().addListener((ListChangeListener<String>) change ->
                log.scrollTo(model.status().log().size() - 1));
    }

    /**
     * Kill and each fault button are disabled when they cannot apply to the selected row (a dead or
     * replacing server, Thaw on a server that is not frozen, Slow on a frozen one, Clear on a healthy one),
     * and their tooltip then says why; with nothing selected they stay enabled, and a click says how to
     * select a server.
     */
    private void bindFaultButtons() {
        ObjectBinding<ServerActions> actions = model.servers().selectedActions();
        bindAction(killServer, actions, ServerActions::kill);
        bindAction(freezeServer, actions, ServerActions::freeze);
        bindAction(thawServer, actions, ServerActions::thaw);
        bindAction(slowServer, actions, ServerActions::slow);
        bindAction(clearFaults, actions, ServerActions::clear);
    }

    private static void bindAction(Button button, ObjectBinding<ServerActions> actions,
                                   Function<ServerActions, String> whyNot) {
        String does = button.getTooltip().getText();
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> whyNot.apply(actions.get()) != null, actions));
        button.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> {
            String why = whyNot.apply(actions.get());
            return why == null ? does : "Not now: " + why + ". (" + does + ")";
        }, actions));
        // a disabled control gets no mouse events, so its own tooltip never shows: its holder shows the same one
        HBox row = (HBox) button.getParent();
        StackPane holder = new StackPane();
        holder.setMinWidth(Region.USE_PREF_SIZE);
        row.getChildren().set(row.getChildren().indexOf(button), holder);
        holder.getChildren().add(button);
        Tooltip.install(holder, button.getTooltip());
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
                String colour = actions.colourOf(name);
                swatch.setFill(colour == null ? Color.TRANSPARENT : Color.web(colour));
                setGraphic(swatch);
            }
        });
        backendIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().backendId()));
        addressColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().address()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state()));
        weightColumn.setCellValueFactory(c -> new ReadOnlyIntegerWrapper(c.getValue().weight()));
        faultColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().faultText()));
        // what the short text means, on hover
        faultColumn.setCellFactory(column -> new TableCell<>() {
            private final Tooltip detail = new Tooltip();

            @Override
            protected void updateItem(String fault, boolean empty) {
                super.updateItem(fault, empty);
                ServerRow row = empty ? null : getTableRow().getItem();
                boolean none = row == null || fault == null || fault.isEmpty();
                setText(none ? null : fault);
                detail.setText(none ? "" : row.faultDetail());
                setTooltip(none ? null : detail);
            }
        });
        servedColumn.setCellValueFactory(c -> model.servers().served().of(c.getValue().name()));
        servers.setPlaceholder(new Label("No servers yet: press Add."));
        model.servers().selectedProperty().addListener((obs, old, name) -> selectRow(name));
        // a replaced row loses the table's selection: it follows the view model's again after every update
        model.servers().updatesProperty().addListener((obs, old, now) -> selectRow(model.servers().selectedProperty().get()));
        servers.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.servers().select(row.name());
            }
        });
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

    @FXML
    private void addServer() {
        actions.addServer();
    }

    @FXML
    private void removeServer() {
        actions.removeServer();
    }

    @FXML
    private void killServer() {
        actions.killServer();
    }

    @FXML
    private void freezeServer() {
        actions.faults().freeze();
    }

    @FXML
    private void thawServer() {
        actions.faults().thaw();
    }

    @FXML
    private void slowServer() {
        actions.faults().askSlow(servers.getScene().getWindow());
    }

    @FXML
    private void clearFaults() {
        actions.faults().clear();
    }
}
