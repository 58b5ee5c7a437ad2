package io.hsmconsole.ui.audit;

import io.hsmconsole.controller.AuditController;
import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.FxTaskRunner;
import io.hsmconsole.controller.TaskHandle;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserType;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.support.ScriptedDialogs;
import javafx.scene.Scene;
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
import java.util.ArrayList;
import java.util.List;

import static io.hsmconsole.ui.support.FxWait.text;
import static io.hsmconsole.ui.support.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the audit screen headless: filter from the keyboard, verify intact then broken, export. */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {
    @TempDir
    static Path dir;
    private final ManualClock clock = new ManualClock(TestClusters.START);
    private final FxTaskRunner runner = new FxTaskRunner();
    private final List<Throwable> errors = new ArrayList<>();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private HsmCluster cluster;
    private TaskHandle watcher;

    @Start
    void start(Stage stage) {
        ClusterCatalog catalog = TestClusters.catalog(dir, clock);
        cluster = catalog.createDemo("audit" + System.nanoTime(),
                new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 0L), null));
        TestClusters.login(cluster, "alice").logout();
        cluster.login(LoginChannel.CONSOLE, UserType.CU, "bob", "wrong_pwd".toCharArray());
        Workspace workspace = new Workspace(catalog, cluster);
        ClusterController clusterController = new ClusterController(workspace, runner, errors::add);
        AuditView view = AuditView.create(workspace, clusterController,
                new AuditController(workspace, runner, errors::add), Messages.load(), dialogs);
        Scene scene = new Scene(view.root(), 1200, 700);
        new Themes().register(scene);
        stage.setScene(scene);
        stage.show();
        watcher = clusterController.watch();
    }

    @AfterEach
    void stop() {
        watcher.cancel();
        runner.close();
        cluster.close();
        assertThat(errors).isEmpty();
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

        dialogs.saveTo = Files.createTempDirectory("audit-export").resolve("bob.csv");
        robot.clickOn("#csvButton");
        until(() -> text(robot, "#auditNotice").startsWith("Exported 1 records to "));
        assertThat(Files.readAllLines(dialogs.saveTo)).hasSize(2);

        robot.interact(() -> robot.lookup("#filterField").queryTextInputControl().clear());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("clusters/" + cluster.name()
                + "/cluster.db")); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_log WHERE seq = 2");
        }
        robot.clickOn("#verifyButton");
        until(() -> text(robot, "#auditVerdict").startsWith("Chain broken at record 2: record 2 is missing"),
                () -> text(robot, "#auditVerdict"));
    }
}
