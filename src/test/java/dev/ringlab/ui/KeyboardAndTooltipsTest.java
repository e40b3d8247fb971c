package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every control a person can use says what it does, and the keyboard reaches each of them. */
@ExtendWith(ApplicationExtension.class)
class KeyboardAndTooltipsTest {

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

    /** What a person operates: buttons, fields, choices, sliders, tables and lists. */
    static boolean operable(Node node) {
        return node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ChoiceBox
                || node instanceof ComboBoxBase || node instanceof Slider || node instanceof Spinner
                || node instanceof TableView || node instanceof ListView || node instanceof RingCanvas;
    }

    /** Every operable control of every tab, shown or not, in the order of the scene graph. */
    private List<Node> controls() {
        List<Node> found = new ArrayList<>();
        collect(window.stage().getScene().getRoot(), found);
        return found;
    }

    private static void collect(Node node, List<Node> into) {
        if (node instanceof javafx.scene.control.MenuBar) {
            return; // menus name themselves, and their items' shortcuts are shown beside them
        }
        if (operable(node)) {
            into.add(node);
            return; // a control's own parts (a table's scroll bars) are not the window's controls
        }
        if (node instanceof TabPane tabs) {
            tabs.getTabs().stream().map(Tab::getContent).filter(java.util.Objects::nonNull).forEach(c -> collect(c, into));
        } else if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            collect(scroll.getContent(), into);
        } else if (node instanceof javafx.scene.control.SplitPane split) {
            split.getItems().forEach(item -> collect(item, into));
        } else if (node instanceof javafx.scene.control.TitledPane titled && titled.getContent() != null) {
            collect(titled.getContent(), into);
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    private static String describe(Node node) {
        String text = node instanceof javafx.scene.control.Labeled labeled ? " '" + labeled.getText() + "'" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : " #" + node.getId()) + text;
    }

    @Test
    void everyControlHasATooltipOrAccessibleText(FxRobot robot) {
        List<String> silent = new ArrayList<>();
        robot.interact(() -> {
            for (Node node : controls()) {
                boolean tooltip = node instanceof Control control && control.getTooltip() != null
                        && !control.getTooltip().getText().isBlank();
                boolean accessible = node.getAccessibleText() != null && !node.getAccessibleText().isBlank();
                if (!tooltip && !accessible) {
                    silent.add(describe(node));
                }
            }
        });

        assertThat(controls()).hasSizeGreaterThan(25);
        assertThat(silent).as("controls that do not say what they do").isEmpty();
    }

    /**
     * Tab, from the first control, reaches every control on show that takes input (the strip, the ring
     * tab, the servers panel) in the order they are laid out, then comes round again.
     */
    @Test
    void tabReachesEveryControlOnShowInLayoutOrder(FxRobot robot) {
        List<Node> expected = new ArrayList<>();
        robot.interact(() -> controls().stream()
                .filter(node -> node.isFocusTraversable() && !node.isDisabled() && shown(node))
                .forEach(expected::add));
        // the strip, the ring tab's controls, then the servers panel (18 with the simulation's strip)
        assertThat(expected).hasSizeGreaterThan(12);
        robot.interact(() -> expected.get(0).requestFocus());

        List<Node> reached = new ArrayList<>();
        for (int i = 0; i < expected.size() * 2 + 5; i++) {
            Node control = controlOf(focused(), expected);
            if (control != null && !reached.contains(control)) {
                reached.add(control);
            }
            robot.press(javafx.scene.input.KeyCode.TAB).release(javafx.scene.input.KeyCode.TAB);
        }

        assertThat(reached.stream().map(KeyboardAndTooltipsTest::describe).toList())
                .containsExactlyElementsOf(expected.stream().map(KeyboardAndTooltipsTest::describe).toList());
    }

    private Node focused() {
        Node[] owner = new Node[1];
        new FxRobot().interact(() -> owner[0] = window.stage().getScene().getFocusOwner());
        return owner[0];
    }

    /** The control a focused node belongs to (a spinner's editor is the spinner's). */
    private static Node controlOf(Node node, List<Node> controls) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (controls.contains(at)) {
                return at;
            }
        }
        return null;
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getLayoutBounds().getWidth() > 0;
    }
}
