package io.hsmconsole.ui.main;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.hsmconsole.ui.main.FxMainWindow.window;
import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * File → Export cluster, then File → Import cluster in the real window: the passphrase typed twice
 * (a mismatch keeps Export off), the document written; the import refuses a taken name and a wrong
 * passphrase (creating nothing), then makes the new cluster, and the console logs in to it.
 */
class ClusterExchangeWindowTest extends MainWindowTest {
    @Override
    void seed() {
        main.ownKey(GenSymKeyRequest.of(31, 32, "travelling_key").withShareWith(java.util.List.of(4)));
    }

    @Test
    void exportThenImportWithAWrongPassphraseFirst(FxRobot robot) throws Exception {
        until(() -> main.fx.workspace.clusterNameProperty().get() != null);
        Path file = dir.resolve("fx-export.json");
        main.dialogs.saveAnswer = file;

        robot.clickOn("File").clickOn("Export cluster\u2026");
        until(() -> window("Export cluster") != null);
        robot.targetWindow(window("Export cluster"));
        until(() -> robot.lookup("#passphraseField").query().isFocused());
        robot.write("sea-otter-42").type(KeyCode.TAB).write("sea-otter-24");
        until(() -> text(robot, "#passphraseProblem").equals("The two passphrases differ."));
        assertThat(robot.lookup("#exportButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.A).write("sea-otter-42");
        until(() -> !robot.lookup("#exportButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#exportButton");

        until(() -> text(robot, "#exchangeNotice").contains("exported to fx-export.json"));
        assertThat(text(robot, "#exchangeNotice")).contains("3 nodes, 7 users, 1 keys");
        assertThat(Files.readString(file)).doesNotContain("example_pwd").contains("travelling_key");
        robot.clickOn("#closeButton");
        until(() -> window("Export cluster") == null);

        main.dialogs.openAnswer = file;
        robot.targetWindow(window("HSM Key Console"));
        robot.clickOn("File").clickOn("Import cluster\u2026");
        until(() -> window("Import cluster") != null);
        robot.targetWindow(window("Import cluster"));
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo("fx-export");
        robot.clickOn(name).push(KeyCode.CONTROL, KeyCode.A).write(main.fx.cluster.name());
        until(() -> text(robot, "#nameProblem").contains("already exists"));
        robot.push(KeyCode.CONTROL, KeyCode.A).write("restored");
        until(() -> text(robot, "#nameProblem").isEmpty());

        robot.clickOn("#passphraseField").write("sea-otter-24").type(KeyCode.ENTER);
        until(() -> text(robot, "#exchangeNotice").startsWith("Nothing was imported"));
        assertThat(text(robot, "#exchangeNotice")).contains("fx-export.json").contains("wrong passphrase");
        assertThat(main.fx.catalog.clusterNames()).doesNotContain("restored");

        main.dialogs.confirmAnswer = true;
        robot.clickOn("#passphraseField").write("sea-otter-42").type(KeyCode.ENTER);
        until(() -> window("Import cluster") == null && window("Log in") != null);
        assertThat(main.dialogs.confirmations).singleElement().asString()
                .startsWith("Log in to \u2018restored\u2019 now?");
        assertThat(main.fx.catalog.clusterNames()).contains("restored");

        robot.targetWindow(window("Log in"));
        robot.write("example_user").type(KeyCode.TAB).write("example_pwd").type(KeyCode.ENTER);
        until(() -> "restored".equals(main.fx.workspace.clusterNameProperty().get())
                && text(robot, ".status-user").equals("User: example_user (3)"));
        robot.targetWindow(window("HSM Key Console"));
        until(() -> main.model.keyList().rows().stream().anyMatch(i -> i.row().label().equals("travelling_key")));
        assertThat(main.dialogs.errors).isEmpty();
    }
}
