package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Real clicks on the window over the simulation backend, checking what it draws, lists and logs. */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest {

    private LabSession session;
    private LabWindow window;
    private WindowView view;

    @Start
    void start(Stage stage) {
        session = new LabSession(new SimBackend(), RingConfig.DEFAULT);
        window = LabWindow.show(stage, session);
        view = new WindowView(window);
    }

    @AfterEach
    void close() {
        window.closeSession();
    }

    @Test
    void addDrawsTheNewServersVirtualNodesListsItAndLogsIt(FxRobot robot) throws Exception {
        robot.clickOn("#serverName").write("S5");
        robot.clickOn("#addServer");

        waitUntil(() -> view.ring().picture().markersOf("S5").size() == 9);
        assertThat(view.ring().picture().markersOf("S5")).allSatisfy(marker -> {
            assertThat(marker.colour()).isEqualTo(view.ring().picture().legend().get(0).colour());
            assertThat(marker.arcLength()).isPositive();
        });
        waitUntil(() -> view.rows().stream().anyMatch(row -> row.name().equals("S5") && row.state().equals("up")));
        assertThat(view.rows()).singleElement().satisfies(row -> assertThat(row.backendId()).startsWith("sim-"));
        waitUntil(() -> view.logHas("S5 up (in memory)"));
        assertThat(robot.lookup("#serverName").queryTextInputControl().getText()).isEmpty();
    }

    @Test
    void removeTakesTheSelectedServerOffTheRingAndShowsWhatMoved(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.rows().size() == 3 && view.ring().picture().markers().size() == 27);

        select(robot, "Server 2");
        robot.clickOn("#removeServer");

        waitUntil(() -> view.ring().picture().markersOf("Server 2").isEmpty());
        RingPicture picture = view.ring().picture();
        assertThat(picture.markers()).hasSize(18);
        assertThat(picture.change().before().size()).isEqualTo(3);
        assertThat(picture.ghostSlots()).isEqualTo(picture.changedSlots());
        assertThat(picture.changedSlots()).isNotEmpty()
                .allSatisfy(slot -> assertThat(picture.ring().ownerOfSlot(slot).name()).isNotEqualTo("Server 2"));
        waitUntil(() -> view.rows().stream().map(ServerRow::name).toList().equals(List.of("Server 1", "Server 3")));
        waitUntil(() -> view.logHas("Server 2 removed"));
        assertThat(view.text("#migration")).contains("Server 2 left (3 → 2 servers)").contains("ideal 1/3 = 33.3%");
        assertThat(view.text("#happenedHeadline")).isEqualTo("Server 2 left (3 → 2 servers)");
    }

    @Test
    void killIsNoticedAndTheServerReplacedOnTheRing(FxRobot robot) throws Exception {
        session.add(2).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.rows().size() == 2);

        select(robot, "Server 1");
        robot.clickOn("#killServer");

        waitUntil(() -> view.logHas("Server 1 killed"));
        waitUntil(() -> view.logHas("Server 1 declared dead"));
        waitUntil(() -> view.logHas("Server 3 up (in memory), replacing Server 1"));
        waitUntil(() -> view.ring().picture().markersOf("Server 3").size() == 9
                && view.ring().picture().markersOf("Server 1").isEmpty());
        waitUntil(() -> view.rows().stream().anyMatch(row -> row.name().equals("Server 3") && row.state().equals("up")));
    }

    @Test
    void aBadNameIsOneLineInTheWindowAndTheRingStaysAsItWas(FxRobot robot) throws Exception {
        session.add(1).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 9);
        RingPicture before = view.ring().picture();

        robot.clickOn("#serverName").write("bad name!");
        robot.clickOn("#addServer");

        waitUntil(() -> view.text("#message").startsWith("invalid hostname 'bad name!'"));
        assertThat(view.text("#message")).doesNotContain("Exception").doesNotContain("\n");
        assertThat(robot.lookup("#message").queryAs(Label.class).getStyleClass()).contains("error");
        assertThat(view.ring().picture().ring()).isSameAs(before.ring());

        robot.clickOn("#killServer");
        waitUntil(() -> view.text("#message").equals("Select a server (in the table, the legend or on the ring) to kill it."));
    }

    @Test
    void theRingFollowsTheWindowWhenItIsResized(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);

        for (double[] size : new double[][] {{900, 600}, {1200, 780}}) { // within the headless screen
            WaitForAsyncUtils.asyncFx(() -> {
                window.stage().setWidth(size[0]);
                window.stage().setHeight(size[1]);
            }).get(5, TimeUnit.SECONDS);
            waitUntil(() -> window.stage().getWidth() == size[0]);
            WaitForAsyncUtils.waitForFxEvents();

            // Slot 0 at the top and slot 384 on the left, both inside the ring's region, whatever its size.
            javafx.geometry.Bounds area = view.ring().getLayoutBounds();
            javafx.geometry.Point2D top = view.ring().slotPosition(0);
            javafx.geometry.Point2D left = view.ring().slotPosition(384);
            assertThat(top.getX()).isCloseTo(area.getWidth() / 2, org.assertj.core.data.Offset.offset(1.0));
            assertThat(top.getY()).isBetween(0.0, area.getHeight() / 2);
            assertThat(left.getX()).isBetween(0.0, area.getWidth() / 2);
            assertThat(area.getWidth()).isLessThan(size[0]);

            // and pointing still finds the slot under the pointer
            RingPicture.Marker marker = view.ring().picture().markersOf("Server 1").get(0);
            waitUntil(() -> {
                robot.moveTo(view.ring().localToScreen(view.ring().slotPosition(marker.slot())));
                return view.ring().focusProperty().get() != null
                        && Math.abs(view.ring().focusProperty().get().slot() - marker.slot()) <= 1;
            });
        }
    }

    @Test
    void pointingAtAMarkerDescribesItsSlotServerAndArc(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        // the size the window opens at on a 1280x800 screen, where the slot panel's text was cut to one line
        WaitForAsyncUtils.asyncFx(() -> {
            window.stage().setWidth(1024);
            window.stage().setHeight(700);
        }).get(5, TimeUnit.SECONDS);
        waitUntil(() -> window.stage().getHeight() == 700);
        waitUntil(() -> view.ring().picture().markers().size() == 27);
        RingPicture.Marker marker = view.ring().picture().markersOf("Server 3").get(0);

        // The pointer passes other slots on its way and lands on a whole pixel; a slot is two to three pixels of
        // arc here. The panel beside the ring may still settle its layout: point again where the marker is now.
        waitUntil(() -> {
            robot.moveTo(view.ring().localToScreen(view.ring().slotPosition(marker.slot())));
            return view.ring().focusProperty().get() != null
                    && Math.abs(view.ring().focusProperty().get().slot() - marker.slot()) <= 1;
        });
        RingPicture.SlotDetail focus = view.ring().focusProperty().get();
        RingPicture.Marker owner = view.ring().picture().detailOf(focus.slot()).owner();
        waitUntil(() -> view.text("#slotDetail").startsWith("Slot " + focus.slot()));
        assertThat(view.text("#slotDetail")).contains("Served by " + owner.serverName())
                .contains("virtual node j=" + owner.virtualNode() + " at slot " + owner.slot())
                .contains("arc of " + owner.arcLength() + (owner.arcLength() == 1 ? " slot " : " slots "));
        // shown whole: the text the label draws is its text, not cut short with "…" (it was, at 1280x800)
        waitUntil(() -> robot.lookup("#slotDetail .text").queryAs(javafx.scene.text.Text.class).getText()
                .equals(view.text("#slotDetail")));
    }

    @Test
    void sendOneRequestLandsOnTheServerThatOwnsItsSlot(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.rows().size() == 3 && view.rows().stream().allMatch(row -> row.state().equals("up")));
        List<ServerRow> before = view.rows();

        robot.clickOn("#sendOne");

        waitUntil(() -> view.text("#lastRequest").contains("→ slot"));
        waitUntil(() -> view.rows().stream().mapToLong(row -> view.served(row.name())).sum() == 1);
        // The count changed in its cell; the rows stayed (a replaced row repaints the whole window).
        assertThat(view.rows()).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(view.rows().get(i)).isSameAs(before.get(i));
        }
        String shown = view.text("#lastRequest");
        int slot = Integer.parseInt(shown.replaceAll(".*→ slot (\\d+) →.*", "$1"));
        String server = shown.replaceAll(".*→ slot \\d+ → (.+)$", "$1");
        assertThat(session.ring().ownerOfSlot(slot).name()).isEqualTo(server);
        assertThat(view.served(server)).isEqualTo(1);
    }

    @Test
    void settingsRebuildTheRingTheBalancerUses(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);

        robot.clickOn("Settings");
        robot.clickOn("#hashChoice");
        robot.clickOn("murmur3");
        robot.doubleClickOn("#virtualNodesSpinner .text-field").write("4").type(KeyCode.ENTER);
        robot.clickOn("#applySettings");

        waitUntil(() -> session.ring().config().hash() == RingHash.MURMUR3);
        robot.clickOn("Ring"); // the ring view redraws when its tab shows, not while it is hidden
        waitUntil(() -> view.ring().picture().markers().size() == 12 && view.ring().picture().ring() == session.ring());
        assertThat(session.ring().config().virtualNodesPerServer()).isEqualTo(4);
        assertThat(view.text("#settingsExplanation")).contains("murmur3").contains("4 virtual nodes");
        assertThat(robot.lookup("#hashChoice").queryAs(ChoiceBox.class).getValue()).isEqualTo(RingHash.MURMUR3);
    }

    @Test
    void theRingExportsToAPngOfWhatIsDrawn(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 27);
        java.io.File file = folder.resolve("ring.png").toFile();

        java.util.concurrent.CompletableFuture<java.io.File> written = WaitForAsyncUtils.asyncFx(
                () -> window.actions().exportRingTo(file)).get(5, TimeUnit.SECONDS);

        written.get(10, TimeUnit.SECONDS);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(file);
        // a slide at twice its size, whatever the window's size: ring, legend and caption
        assertThat(image.getWidth()).isEqualTo((int) (RingSlide.PIXEL_SCALE * (RingSlide.RING_SIZE + 40)));
        assertThat(image.getHeight()).isGreaterThan((int) (RingSlide.PIXEL_SCALE * RingSlide.RING_SIZE));
        int server1 = java.awt.Color.decode(view.ring().picture().markersOf("Server 1").get(0).colour()).getRGB();
        int pixelsOfServer1 = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                pixelsOfServer1 += image.getRGB(x, y) == server1 ? 1 : 0;
            }
        }
        assertThat(pixelsOfServer1).as("pixels in Server 1's solid colour").isGreaterThan(1000);
        waitUntil(() -> view.text("#message").equals("Wrote ring.png."));
    }

    @Test
    void runningA1FillsTheChartWithTheRequestsEachServerAnswered(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.rows().size() == 3);

        robot.clickOn("Experiments");
        robot.doubleClickOn("#requests").eraseText(6).write("3000");
        robot.clickOn("#run");

        ExperimentsController experiments = window.experiments();
        waitUntil(() -> experiments.result() instanceof dev.ringlab.experiment.DistributionResult
                && experiments.chartsSettled() && !experiments.charts().isEmpty());
        org.jfree.data.category.CategoryDataset chart =
                experiments.charts().get(0).getCategoryPlot().getDataset();
        assertThat(chart.getColumnKeys()).containsExactly("Server 1", "Server 2", "Server 3");
        long total = 0;
        for (ServerRow row : view.rows()) {
            long charted = chart.getValue("requests", row.name()).longValue();
            waitUntil(() -> view.served(row.name()) == charted);
            total += charted;
        }
        assertThat(total).isEqualTo(3000);
        assertThat(view.text("#status")).startsWith("A-1 done").contains("3000 answered");
        assertThat(robot.lookup("#exportCsv").queryButton().isDisabled()).isFalse();
        assertThat(view.logHas("A-1 started: 3000 requests")).isTrue();
    }

    @Test
    void badExperimentParametersAreOneLineAndRunNothing(FxRobot robot) throws Exception {
        robot.clickOn("Experiments");
        robot.doubleClickOn("#requests").eraseText(6).write("lots");
        robot.clickOn("#run");

        waitUntil(() -> view.text("#status").equals("requests must be a whole number, got 'lots'"));
        assertThat(window.experiments().isRunning()).isFalse();
        assertThat(session.ring().isEmpty()).isTrue();
    }

    private void select(FxRobot robot, String server) throws Exception {
        view.select(robot, server, 20);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        view.waitUntil(condition, 20);
    }
}
