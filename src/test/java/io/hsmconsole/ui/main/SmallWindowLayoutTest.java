package io.hsmconsole.ui.main;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 2: at 900×600 with the console pane open every part stays usable - the key table
 * keeps its header and three rows (it used to collapse to its header), the attribute table too, the
 * console its lines, and the status bar shows every part whole (it used to cut "3/3 nodes o…").
 */
@ExtendWith(ApplicationExtension.class)
class SmallWindowLayoutTest {
    @TempDir
    static Path dir;
    private FxMainWindow main;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        main = new FxMainWindow(dir, stage);
        for (int i = 0; i < 6; i++) {
            main.ownKey(GenSymKeyRequest.of(31, 32, "key" + i));
        }
    }

    @AfterEach
    void stop() {
        main.close();
    }

    @Test
    void at900x600WithTheConsolePaneEveryPartKeepsItsRoom(FxRobot robot) {
        main.login("example_user", "example_pwd");
        until(() -> robot.lookup("#table").tryQuery().isPresent());
        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
        });
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
