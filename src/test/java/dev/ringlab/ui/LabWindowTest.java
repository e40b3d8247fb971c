package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** Real clicks on the window over the simulation backend, checking what it draws, lists and logs. */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest {

    private LabSession session;
    private LabWindow window;

    @Start
    void start(Stage stage) {
        session = new LabSession(new SimBackend(), RingConfig.DEFAULT);
        window = LabWindow.show(stage, session);
    }

    @AfterEach
    void close() {
        window.closeSession();
    }

    @Test
    void addDrawsTheNewServersVirtualNodesListsItAndLogsIt(FxRobot robot) throws Exception {
        robot.clickOn("#serverName").write("S5");
        robot.clickOn("#addServer");

        waitUntil(() -> ring().picture().markersOf("S5").size() == 9);
        assertThat(ring().picture().markersOf("S5")).allSatisfy(marker -> {
            assertThat(marker.colour()).isEqualTo(ring().picture().legend().get(0).colour());
            assertThat(marker.arcLength()).isPositive();
        });
        waitUntil(() -> rows().stream().anyMatch(row -> row.name().equals("S5") && row.state().equals("up")));
        assertThat(rows()).singleElement().satisfies(row -> assertThat(row.backendId()).startsWith("sim-"));
        waitUntil(() -> logHas("S5 up at in memory"));
        assertThat(robot.lookup("#serverName").queryTextInputControl().getText()).isEmpty();
    }

    @Test
    void removeTakesTheSelectedServerOffTheRingAndShowsWhatMoved(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> rows().size() == 3 && ring().picture().markers().size() == 27);

        select(robot, "Server 2");
        robot.clickOn("#removeServer");

        waitUntil(() -> ring().picture().markersOf("Server 2").isEmpty());
        RingPicture picture = ring().picture();
        assertThat(picture.markers()).hasSize(18);
        assertThat(picture.migration().serversBefore()).isEqualTo(3);
        assertThat(picture.changedSlots()).isNotEmpty()
                .allSatisfy(slot -> assertThat(picture.ring().ownerOfSlot(slot).name()).isNotEqualTo("Server 2"));
        waitUntil(() -> rows().stream().map(ServerRow::name).toList().equals(List.of("Server 1", "Server 3")));
        waitUntil(() -> logHas("Server 2 removed"));
        assertThat(text("#migration")).contains("ideal 1/N = 33.3%");
    }

    @Test
    void killIsNoticedAndTheServerReplacedOnTheRing(FxRobot robot) throws Exception {
        session.add(2).get(5, TimeUnit.SECONDS);
        waitUntil(() -> rows().size() == 2);

        select(robot, "Server 1");
        robot.clickOn("#killServer");

        waitUntil(() -> logHas("Server 1 killed"));
        waitUntil(() -> logHas("Server 1 declared dead"));
        waitUntil(() -> logHas("Server 3 up at in memory, replacing Server 1"));
        waitUntil(() -> ring().picture().markersOf("Server 3").size() == 9
                && ring().picture().markersOf("Server 1").isEmpty());
        waitUntil(() -> rows().stream().anyMatch(row -> row.name().equals("Server 3") && row.state().equals("up")));
    }

    @Test
    void aBadNameIsOneLineInTheWindowAndTheRingStaysAsItWas(FxRobot robot) throws Exception {
        session.add(1).get(5, TimeUnit.SECONDS);
        waitUntil(() -> ring().picture().markers().size() == 9);
        RingPicture before = ring().picture();

        robot.clickOn("#serverName").write("bad name!");
        robot.clickOn("#addServer");

        waitUntil(() -> text("#message").startsWith("invalid hostname 'bad name!'"));
        assertThat(text("#message")).doesNotContain("Exception").doesNotContain("\n");
        assertThat(robot.lookup("#message").queryAs(Label.class).getStyleClass()).contains("error");
        assertThat(ring().picture().ring()).isSameAs(before.ring());

        robot.clickOn("#killServer");
        waitUntil(() -> text("#message").equals("Select a server in the table to kill it."));
    }

    @Test
    void theRingFollowsTheWindowWhenItIsResized(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> ring().picture().markers().size() == 27);

        for (double[] size : new double[][] {{900, 600}, {1200, 780}}) { // within the headless screen
            WaitForAsyncUtils.asyncFx(() -> {
                window.stage().setWidth(size[0]);
                window.stage().setHeight(size[1]);
            }).get(5, TimeUnit.SECONDS);
            waitUntil(() -> window.stage().getWidth() == size[0]);
            WaitForAsyncUtils.waitForFxEvents();

            // Slot 0 at the top and slot 384 on the left, both inside the ring's region, whatever its size.
            javafx.geometry.Bounds area = ring().getLayoutBounds();
            javafx.geometry.Point2D top = ring().slotPosition(0);
            javafx.geometry.Point2D left = ring().slotPosition(384);
            assertThat(top.getX()).isCloseTo(area.getWidth() / 2, org.assertj.core.data.Offset.offset(1.0));
            assertThat(top.getY()).isBetween(0.0, area.getHeight() / 2);
            assertThat(left.getX()).isBetween(0.0, area.getWidth() / 2);
            assertThat(area.getWidth()).isLessThan(size[0]);

            // and pointing still finds the slot under the pointer
            RingPicture.Marker marker = ring().picture().markersOf("Server 1").get(0);
            robot.moveTo(ring().localToScreen(ring().slotPosition(marker.slot())));
            waitUntil(() -> ring().focusProperty().get() != null
                    && Math.abs(ring().focusProperty().get().slot() - marker.slot()) <= 1);
        }
    }

    @Test
    void pointingAtAMarkerDescribesItsSlotServerAndArc(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> ring().picture().markers().size() == 27);
        RingPicture.Marker marker = ring().picture().markersOf("Server 3").get(0);

        robot.moveTo(ring().localToScreen(ring().slotPosition(marker.slot())));

        waitUntil(() -> ring().focusProperty().get() != null);
        RingPicture.SlotDetail focus = ring().focusProperty().get();
        // The pointer lands on a whole pixel; a slot is about three pixels of arc here.
        assertThat(focus.slot()).isBetween(marker.slot() - 1, marker.slot() + 1);
        RingPicture.Marker owner = ring().picture().detailOf(focus.slot()).owner();
        waitUntil(() -> text("#slotDetail").startsWith("Slot " + focus.slot()));
        assertThat(text("#slotDetail")).contains("Served by " + owner.serverName())
                .contains("virtual node j=" + owner.virtualNode() + " at slot " + owner.slot())
                .contains("arc of " + owner.arcLength() + " slots");
    }

    @Test
    void sendOneRequestLandsOnTheServerThatOwnsItsSlot(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> rows().size() == 3 && rows().stream().allMatch(row -> row.state().equals("up")));
        List<ServerRow> before = rows();

        robot.clickOn("#sendOne");

        waitUntil(() -> text("#lastRequest").contains("→ slot"));
        waitUntil(() -> rows().stream().mapToLong(row -> served(row.name())).sum() == 1);
        // The count changed in its cell; the rows stayed (a replaced row repaints the whole window).
        assertThat(rows()).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(rows().get(i)).isSameAs(before.get(i));
        }
        String shown = text("#lastRequest");
        int slot = Integer.parseInt(shown.replaceAll(".*→ slot (\\d+) →.*", "$1"));
        String server = shown.replaceAll(".*→ slot \\d+ → (.+)$", "$1");
        assertThat(session.ring().ownerOfSlot(slot).name()).isEqualTo(server);
        assertThat(served(server)).isEqualTo(1);
    }

    @Test
    void settingsRebuildTheRingTheBalancerUses(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> ring().picture().markers().size() == 27);

        robot.clickOn("Settings");
        robot.clickOn("#hashChoice");
        robot.clickOn("murmur3");
        robot.doubleClickOn("#virtualNodesSpinner .text-field").write("4").type(KeyCode.ENTER);
        robot.clickOn("#applySettings");

        waitUntil(() -> session.ring().config().hash() == RingHash.MURMUR3);
        robot.clickOn("Ring"); // the ring view redraws when its tab shows, not while it is hidden
        waitUntil(() -> ring().picture().markers().size() == 12 && ring().picture().ring() == session.ring());
        assertThat(session.ring().config().virtualNodesPerServer()).isEqualTo(4);
        assertThat(text("#settingsExplanation")).contains("murmur3").contains("4 virtual nodes");
        assertThat(robot.lookup("#hashChoice").queryAs(ChoiceBox.class).getValue()).isEqualTo(RingHash.MURMUR3);
    }

    @Test
    void theRingExportsToAPngOfWhatIsDrawn(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> ring().picture().markers().size() == 27);
        java.io.File file = folder.resolve("ring.png").toFile();

        java.util.concurrent.CompletableFuture<java.io.File> written = WaitForAsyncUtils.asyncFx(
                () -> window.controller().exportRingTo(file)).get(5, TimeUnit.SECONDS);

        written.get(10, TimeUnit.SECONDS);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(file);
        assertThat(image.getWidth()).isEqualTo((int) Math.round(ring().getWidth()));
        assertThat(image.getHeight()).isEqualTo((int) Math.round(ring().getHeight()));
        javafx.geometry.Point2D marker = ring().slotPosition(ring().picture().markersOf("Server 1").get(0).slot());
        assertThat(new java.awt.Color(image.getRGB((int) marker.getX(), (int) marker.getY())))
                .isNotEqualTo(java.awt.Color.WHITE);
        waitUntil(() -> text("#message").equals("Wrote ring.png."));
    }

    @Test
    void runningA1FillsTheChartWithTheRequestsEachServerAnswered(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> rows().size() == 3);

        robot.clickOn("Experiments");
        robot.doubleClickOn("#requests").eraseText(6).write("3000");
        robot.clickOn("#run");

        ExperimentsController experiments = window.controller().experiments();
        waitUntil(() -> experiments.result() instanceof dev.ringlab.experiment.DistributionResult
                && experiments.chartsSettled() && !experiments.charts().isEmpty());
        org.jfree.data.category.CategoryDataset chart =
                experiments.charts().get(0).getCategoryPlot().getDataset();
        assertThat(chart.getColumnKeys()).containsExactly("Server 1", "Server 2", "Server 3");
        long total = 0;
        for (ServerRow row : rows()) {
            long charted = chart.getValue("requests", row.name()).longValue();
            waitUntil(() -> served(row.name()) == charted);
            total += charted;
        }
        assertThat(total).isEqualTo(3000);
        assertThat(text("#status")).startsWith("A-1 done").contains("3000 answered");
        assertThat(robot.lookup("#exportCsv").queryButton().isDisabled()).isFalse();
        assertThat(logHas("A-1 started: 3000 requests")).isTrue();
    }

    @Test
    void badExperimentParametersAreOneLineAndRunNothing(FxRobot robot) throws Exception {
        robot.clickOn("Experiments");
        robot.doubleClickOn("#requests").eraseText(6).write("lots");
        robot.clickOn("#run");

        waitUntil(() -> text("#status").equals("requests must be a whole number, got 'lots'"));
        assertThat(window.controller().experiments().isRunning()).isFalse();
        assertThat(session.ring().isEmpty()).isTrue();
    }

    private RingCanvas ring() {
        return window.controller().ring();
    }

    /** The figure the table's "Served" column shows for this server. */
    @SuppressWarnings("unchecked")
    private long served(String server) {
        TableView<ServerRow> table = (TableView<ServerRow>) window.stage().getScene().lookup("#servers");
        ServerRow row = rows().stream().filter(r -> r.name().equals(server)).findFirst().orElseThrow();
        return table.getColumns().stream().filter(c -> "servedColumn".equals(c.getId())).findFirst()
                .map(column -> ((Number) column.getCellData(row)).longValue()).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<ServerRow> rows() {
        TableView<ServerRow> table = (TableView<ServerRow>) window.stage().getScene().lookup("#servers");
        return List.copyOf(table.getItems());
    }

    private boolean logHas(String fragment) {
        ListView<?> log = (ListView<?>) window.stage().getScene().lookup("#log");
        return List.copyOf(log.getItems()).stream().anyMatch(line -> line.toString().contains(fragment));
    }

    private String text(String query) {
        return ((Label) window.stage().getScene().lookup(query)).getText();
    }

    /** Clicks the server's row, again if a refresh of the table swallowed the click. */
    @SuppressWarnings("unchecked")
    private void select(FxRobot robot, String server) throws Exception {
        TableView<ServerRow> table = (TableView<ServerRow>) window.stage().getScene().lookup("#servers");
        waitUntil(() -> {
            try {
                robot.clickOn(tableCell(server));
            } catch (org.testfx.service.query.EmptyNodeQueryException refreshed) {
                return false; // the table re-rendered between finding the cell and clicking it: try again
            }
            ServerRow selected = table.getSelectionModel().getSelectedItem();
            return selected != null && selected.name().equals(server);
        });
    }

    private Node tableCell(String text) throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(() -> robot.lookup(".table-cell").match(LabeledMatchers.hasText(text)).tryQuery().isPresent());
        return robot.lookup(".table-cell").match(LabeledMatchers.hasText(text)).query();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException timeout) {
            ListView<?> log = (ListView<?>) window.stage().getScene().lookup("#log");
            throw new AssertionError("timed out; window message: '" + text("#message") + "', experiment status: '"
                    + text("#status") + "', chart " + window.controller().experiments().chartView().getWidth() + "x"
                    + window.controller().experiments().chartView().getHeight() + " busy "
                    + window.controller().experiments().chartView().busy() + " charts "
                    + window.controller().experiments().charts().size() + " result "
                    + window.controller().experiments().result() + ", rows " + rows() + ", log: " + List.copyOf(log.getItems()), timeout);
        }
    }
}
