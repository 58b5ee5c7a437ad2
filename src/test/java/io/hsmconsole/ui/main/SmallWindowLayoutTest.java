package io.hsmconsole.ui.main;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;


import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 2: at 900×600 with the console pane open every part stays usable - the key table
 * keeps its header and three rows (it used to collapse to its header), the attribute table too, the
 * console its lines, and the status bar shows every part whole (it used to cut "3/3 nodes o…").
 */
class SmallWindowLayoutTest extends MainWindowTest {
    @Override
    void seed() {
        for (int i = 0; i < 6; i++) {
            main.ownKey(GenSymKeyRequest.of(31, 32, "key" + i));
        }
    }

    @Test
    void at900x600WithTheConsolePaneEveryPartKeepsItsRoom(FxRobot robot) {
        loggedInAt900x600(robot);
        robot.clickOn("#table");
        robot.push(KeyCode.CONTROL, KeyCode.BACK_QUOTE);
        until(() -> robot.lookup("#transcript").tryQuery().isPresent());
        robot.interact(() -> main.model.keyList().select(main.model.keyList().rows().get(0).row().handle()));
        until(() -> text(robot, "#headingLabel").startsWith("Key "));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getScene().getHeight()).isEqualTo(600);
        assertThat(rowsShown(robot.lookup("#table").queryAs(TableView.class))).as("key table rows").isGreaterThanOrEqualTo(3);
        assertThat(rowsShown(robot.lookup("#attributeTable").queryAs(TableView.class))).as("attribute rows")
                .isGreaterThanOrEqualTo(3);
        TextArea transcript = robot.lookup("#transcript").queryAs(TextArea.class);
        assertThat(transcript.getHeight()).as("console lines").isGreaterThanOrEqualTo(4 * transcript.getFont().getSize());
        for (String part : new String[] {".status-cluster", ".status-nodes", ".status-user", ".status-role", ".status-keys"}) {
            Label label = robot.lookup(part).queryAs(Label.class);
            assertThat(label.getWidth()).as(part + " \"" + label.getText() + "\" whole")
                    .isGreaterThanOrEqualTo(label.prefWidth(-1) - 0.5);
            assertThat(inside(label, stage)).as(part + " on the window").isTrue();
        }
    }

    /**
     * Issue 19: at 900 px the attribute table needed a horizontal scroll bar to show the Meaning column;
     * now every column fits and the meaning of the selected attribute is a wrapped line under the table.
     * At 1280×800 the Meaning column is back.
     */
    @Test
    void theAttributeTableFitsAt900AndShowsTheMeaningBelow(FxRobot robot) {
        loggedInAt900x600(robot);
        robot.interact(() -> main.model.keyList().select(main.model.keyList().rows().get(0).row().handle()));
        until(() -> text(robot, "#headingLabel").startsWith("Key "));
        TableView<?> attributes = robot.lookup("#attributeTable").queryAs(TableView.class);
        robot.interact(() -> attributes.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(horizontalScrollBarShown(attributes)).as("a horizontal scroll bar at 900 px").isFalse();
        assertThat(visibleColumnsWidth(attributes)).as("the visible columns fit the table").isLessThanOrEqualTo(attributes.getWidth());
        assertThat(attributes.getColumns().get(4).isVisible()).as("Meaning column at 900 px").isFalse();
        Label line = robot.lookup("#meaningLine").queryAs(Label.class);
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getText()).startsWith("OBJ_ATTR_KEY_TYPE: ");
        assertThat(line.getHeight()).as("the sentence whole").isGreaterThanOrEqualTo(line.prefHeight(line.getWidth()) - 0.5);

        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(attributes.getColumns().get(4).isVisible()).as("Meaning column at 1280 px").isTrue();
        assertThat(line.isVisible()).isFalse();
        assertThat(horizontalScrollBarShown(attributes)).as("a horizontal scroll bar at 1280 px").isFalse();
        assertThat(visibleColumnsWidth(attributes)).isLessThanOrEqualTo(attributes.getWidth());
    }

    private void loggedInAt900x600(FxRobot robot) {
        main.login("example_user", "example_pwd");
        until(() -> robot.lookup("#table").tryQuery().isPresent());
        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
        });
    }

    private static double visibleColumnsWidth(TableView<?> table) {
        return table.getColumns().stream().filter(javafx.scene.control.TableColumn::isVisible)
                .mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
    }

    private static boolean horizontalScrollBarShown(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof javafx.scene.control.ScrollBar bar
                && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible());
    }

    /** How many rows' height the table body has below its header. */
    private static double rowsShown(TableView<?> table) {
        Node header = table.lookup(".column-header-background");
        double row = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 24;
        return (table.getHeight() - header.getBoundsInLocal().getHeight()) / row;
    }

    private static boolean inside(Node node, Stage stage) {
        var b = node.localToScene(node.getBoundsInLocal());
        return b.getMinX() >= 0 && b.getMaxX() <= stage.getScene().getWidth() + 0.5 && b.getMinY() >= 0
                && b.getMaxY() <= stage.getScene().getHeight() + 0.5;
    }
}
