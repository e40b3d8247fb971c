package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.Fault;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Real clicks on the servers panel's fault and weight controls over a simulated cluster. The health
 * monitor here allows 100 missed heartbeats (20 s), so a frozen server stays on the ring long enough
 * to be thawed on a loaded machine; the window's default (2) declares it dead within half a second.
 */
@ExtendWith(ApplicationExtension.class)
class FaultWindowTest {

    private LabSession session;
    private LabWindow window;
    private WindowView view;

    @Start
    void start(Stage stage) {
        session = new LabSession(new SimBackend(), RingConfig.DEFAULT, -1, 100);
        window = LabWindow.show(stage, session);
        view = new WindowView(window);
    }

    @AfterEach
    void close() {
        window.closeSession();
    }

    @Test
    void freezeThenThawShowsInTheTableTheLogAndWhatJustHappened(FxRobot robot) throws Exception {
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.rows().size() == 3 && view.ring().picture().markers().size() == 27);
        view.select(robot, "Server 2", 10);
        assertThat(robot.lookup("#thawServer").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#freezeServer");

        waitUntil(() -> view.row("Server 2").faultText().equals("frozen"));
        assertThat(session.cluster().isFrozen(session.cluster().member("Server 2").orElseThrow().server())).isTrue();
        waitUntil(() -> view.logHas("Server 2: frozen"));
        assertThat(view.text("#happenedHeadline")).isEqualTo("Server 2 frozen");
        assertThat(view.text("#message")).startsWith("Froze Server 2");
        assertThat(robot.lookup("#freezeServer").queryAs(Button.class).isDisabled()).isTrue();
        // the ring keeps a frozen server: nothing moved; it is marked frozen, with the shape's key in the legend
        assertThat(view.ring().picture().markersOf("Server 2")).hasSize(9);
        waitUntil(() -> view.ring().picture().faults().equals(java.util.Map.of("Server 2", FaultMark.FROZEN)));
        waitUntil(() -> robot.lookup("#legend-fault-frozen").tryQuery().isPresent());
        assertThat(robot.lookup("#legend-2").queryAs(Label.class).getText()).endsWith("(frozen)");

        robot.clickOn("#thawServer");

        waitUntil(() -> view.row("Server 2").faultText().isEmpty() && !view.row("Server 2").frozen());
        waitUntil(() -> view.logHas("Server 2: thawed"));
        assertThat(view.text("#happenedHeadline")).isEqualTo("Server 2 thawed");
        assertThat(view.rows()).allSatisfy(row -> assertThat(row.state()).isEqualTo("up"));
        waitUntil(() -> view.ring().picture().faults().isEmpty());
        waitUntil(() -> robot.lookup("#legend-fault-frozen").tryQuery().isEmpty());
    }

    @Test
    void aFrozenServerDeclaredDeadOffersNoFaultButtonAndTheirTooltipsSayWhy(FxRobot robot) throws Exception {
        session.cluster().setReplaceDead(false); // held, so the dead row stays to be looked at
        session.add(3).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.rows().size() == 3 && view.ring().picture().markers().size() == 27);
        view.select(robot, "Server 3", 10);
        robot.clickOn("#freezeServer");
        waitUntil(() -> view.row("Server 3").frozen());
        assertThat(robot.lookup("#thawServer").queryAs(Button.class).isDisabled()).isFalse();

        // as the health monitor does after --fall missed heartbeats (here 100, too long to wait for)
        session.cluster().declareDead(session.cluster().member("Server 3").orElseThrow().server(), "test: frozen too long");
        waitUntil(() -> view.row("Server 3").state().equals("dead"));

        for (String button : new String[] {"#killServer", "#freezeServer", "#thawServer", "#slowServer", "#clearFaults"}) {
            waitUntil(() -> robot.lookup(button).queryAs(Button.class).isDisabled());
            assertThat(robot.lookup(button).queryAs(Button.class).getTooltip().getText()).startsWith("Not now: Server 3 is ");
        }
        assertThat(robot.lookup("#thawServer").queryAs(Button.class).getTooltip().getText())
                .startsWith("Not now: Server 3 is dead: it is off the ring. (Let the frozen server run again");
        // the disabled button's holder carries the same tooltip, since a disabled button gets no pointer
        assertThat(robot.lookup("#thawServer").queryAs(Button.class).getParent().getProperties().values())
                .contains(robot.lookup("#thawServer").queryAs(Button.class).getTooltip());

        view.select(robot, "Server 1", 10);
        waitUntil(() -> !robot.lookup("#freezeServer").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#killServer").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#thawServer").queryAs(Button.class).getTooltip().getText())
                .isEqualTo("Not now: Server 1 is not frozen. (Let the frozen server run again, before the health "
                        + "monitor declares it dead (Ctrl+Shift+F))");
    }

    @Test
    void slowRefusesBadValuesInTheDialogAndSetsGoodOnes(FxRobot robot) throws Exception {
        session.add(2).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.rows().size() == 2);
        view.select(robot, "Server 1", 10);

        robot.clickOn("#slowServer");
        waitUntil(() -> robot.lookup("#latency").tryQuery().isPresent());
        TextField latency = robot.lookup("#latency").queryAs(TextField.class);
        robot.doubleClickOn(latency).eraseText(latency.getText().length() + 1).write("70000");
        waitUntil(() -> robot.lookup("#latencyError").queryAs(Label.class).getText()
                .equals("latency must be a whole number of ms within 0..60000, got '70000'"));
        assertThat(robot.lookup("OK").queryAs(Button.class).isDisabled()).isTrue();

        robot.doubleClickOn(latency).eraseText(latency.getText().length() + 1).write("200");
        TextField rate = robot.lookup("#errorRate").queryAs(TextField.class);
        robot.doubleClickOn(rate).eraseText(rate.getText().length() + 1).write("10%");
        waitUntil(() -> !robot.lookup("OK").queryAs(Button.class).isDisabled());
        robot.clickOn("OK");

        waitUntil(() -> view.row("Server 1").faultText().equals("+200 ms, 10% errors"));
        assertThat(session.cluster().faultOf("Server 1")).isEqualTo(new Fault(200, 0.1));
        waitUntil(() -> view.text("#happenedHeadline").equals("Server 1 slowed: 200 ms latency, 10% errors"));
        waitUntil(() -> view.ring().picture().faults().equals(java.util.Map.of("Server 1", FaultMark.SLOW)));
        waitUntil(() -> robot.lookup("#legend-fault-slow").tryQuery().isPresent());

        robot.clickOn("#clearFaults");
        waitUntil(() -> view.row("Server 1").faultText().isEmpty());
        assertThat(session.cluster().faultOf("Server 1")).isEqualTo(Fault.NONE);
        waitUntil(() -> view.ring().picture().faults().isEmpty());
    }

    @Test
    void aServerOfWeightThreeGetsThreeTimesTheVirtualNodesAndABadWeightChangesNothing(FxRobot robot) throws Exception {
        session.add(1).get(5, TimeUnit.SECONDS);
        waitUntil(() -> view.ring().picture().markers().size() == 9);
        RingPicture before = view.ring().picture();

        TextField weight = robot.lookup("#serverWeight").queryAs(TextField.class);
        robot.doubleClickOn(weight).eraseText(weight.getText().length() + 1).write("0");
        robot.clickOn("#addServer");
        waitUntil(() -> view.text("#message").startsWith("weight must be a whole number from 1 to 56"));
        assertThat(view.ring().picture().ring()).isSameAs(before.ring());

        robot.clickOn("#serverName").write("Big");
        robot.doubleClickOn(weight).eraseText(weight.getText().length() + 1).write("3");
        robot.clickOn("#addServer");

        waitUntil(() -> view.ring().picture().markersOf("Big").size() == 27);
        waitUntil(() -> view.rows().stream().anyMatch(row -> row.name().equals("Big") && row.weight() == 3));
        assertThat(view.ring().picture().markersOf("Server 1")).hasSize(9);
        assertThat(view.text("#message")).isEqualTo("Added Big (weight 3: 27 virtual nodes).");
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        view.waitUntil(condition, 20);
    }
}
