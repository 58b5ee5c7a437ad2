package io.hsmconsole.ui.audit;

import io.hsmconsole.controller.AuditController;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import io.hsmconsole.ui.common.FxConsole;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the audit screen headless: filter from the keyboard, verify intact then broken, export. */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {
    @TempDir
    static Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private FxConsole fx;

    @Start
    void start(Stage stage) {
        fx = new FxConsole(dir);
        TestClusters.login(fx.cluster, "alice").logout();
        fx.cluster.login(LoginChannel.CONSOLE, UserType.CU, "bob", "wrong_pwd".toCharArray());
        fx.show(stage, AuditView.create(fx.workspace, fx.clusterController,
                new AuditController(fx.workspace, fx.runner, fx.errors::add), Messages.load(), dialogs).root(), 1200, 700);
        fx.watch();
    }

    @AfterEach
    void stop() {
        fx.close();
        assertThat(fx.errors).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private TableView<AuditLine> table(FxRobot robot) {
        return (TableView<AuditLine>) robot.lookup("#auditTable").query();
    }

    @Test
    void filterVerifyAndExport(FxRobot robot) throws Exception {
        until(() -> table(robot).getItems().size() >= 3);
        int total = table(robot).getItems().size();

        robot.clickOn("#auditTable");
        robot.push(KeyCode.CONTROL, KeyCode.F);
        until(() -> robot.lookup("#filterField").query().isFocused());
        robot.write("0xa3");
        until(() -> table(robot).getItems().size() == 1);
        assertThat(text(robot, "#countLabel")).isEqualTo("Showing 1 of " + total + " records");
        assertThat(table(robot).getItems().get(0).user()).isEqualTo("bob (5)");

        robot.clickOn("#verifyButton");
        until(() -> text(robot, "#auditVerdict").startsWith("Chain intact"));

        dialogs.saveAnswer = Files.createTempDirectory("audit-export").resolve("bob.csv");
        robot.clickOn("#csvButton");
        until(() -> text(robot, "#auditNotice").startsWith("Exported 1 record to "));
        assertThat(Files.readAllLines(dialogs.saveAnswer)).hasSize(2);

        robot.interact(() -> robot.lookup("#filterField").queryTextInputControl().setText("nothing like it"));
        until(() -> table(robot).getItems().isEmpty());
        assertThat(text(robot, "#auditEmpty")).startsWith("No record matches \u201cnothing like it\u201d.");
        robot.interact(() -> robot.lookup("#filterField").queryTextInputControl().clear());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fx.storeFile());
             Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_log WHERE seq = 2");
        }
        robot.clickOn("#verifyButton");
        until(() -> text(robot, "#auditVerdict").startsWith("Chain broken at record 2: record 2 is missing"),
                () -> text(robot, "#auditVerdict"));
    }
}
