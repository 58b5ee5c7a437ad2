package io.hsmconsole.ui.audit;

import io.hsmconsole.controller.AuditController;
import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.text.AuditFormat;
import io.hsmconsole.ui.common.FileKind;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import io.hsmconsole.ui.common.TimeText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit screen over a real cluster, without a toolkit. */
class AuditViewModelTest {
    @TempDir
    Path dir;
    @TempDir
    Path exports;
    ControllerFixture f;
    RecordingDialogs dialogs = new RecordingDialogs();
    AuditViewModel vm;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        f.login("example_user");
        f.login("alice");
        f.cluster.login(LoginChannel.CONSOLE, UserType.CU, "bob", "wrong_pwd".toCharArray());
        vm = new AuditViewModel(f.workspace, f.clusterView, new AuditController(f.workspace, f.runner, f.errors::add),
                Messages.load(), dialogs, new TimeText(ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private AuditLine last() {
        return vm.shown().get(vm.shown().size() - 1);
    }

    @Test
    void everyRecordIsListedWithReadableColumns() {
        AuditLine refused = last();
        assertThat(refused.row().command()).isEqualTo("loginHSM");
        assertThat(refused.user()).isEqualTo("bob (5)");
        assertThat(refused.time()).isEqualTo("2023-11-14 22:13:20");
        assertThat(refused.result()).isEqualTo("0xa3 HSM Error: RET_USER_LOGIN_FAILURE");
        assertThat(vm.countProperty().get()).isEqualTo("Showing " + vm.shown().size() + " of " + vm.shown().size()
                + " records");
    }

    @Test
    void aScreenMadeWhileTheClusterStillOpensFillsOnceItIsOpen() {
        Workspace opening = new Workspace(f.catalog);
        ClusterController cluster = new ClusterController(opening, f.runner, f.errors::add);
        AuditViewModel early = new AuditViewModel(opening, cluster, new AuditController(opening, f.runner,
                f.errors::add), Messages.load(), dialogs, new TimeText(ZoneOffset.UTC));
        early.verify();
        assertThat(early.shown()).isEmpty();
        assertThat(early.verdictProperty().get().text()).isEmpty();

        opening.opened(f.cluster);

        assertThat(early.shown()).hasSameSizeAs(vm.shown());
    }

    @Test
    void oneFilterSearchesEveryColumn() {
        int total = vm.shown().size();
        vm.filterProperty().set("0xA3");
        assertThat(vm.shown()).hasSize(1);
        vm.filterProperty().set("alice (4)");
        assertThat(vm.shown()).extracting(l -> l.row().arguments()).containsExactly("-u CU -s alice");
        vm.filterProperty().set("  ");
        assertThat(vm.shown()).hasSize(total);
        vm.filterProperty().set("no such text");
        assertThat(vm.shown()).isEmpty();
        assertThat(vm.countProperty().get()).isEqualTo("Showing 0 of " + total + " records");
        assertThat(vm.emptyTextProperty().get()).as("the empty table says why and what to do")
                .isEqualTo("No record matches \u201cno such text\u201d. Clear the filter to see all " + total + ".");
    }

    @Test
    void newRecordsFromAnyProcessAreAppendedWhenTheClusterChanges() {
        int before = vm.shown().size();
        try (HsmCluster script = TestClusters.catalog(dir, f.clock).open("demo")) {
            TestClusters.login(script, "carol").logout();
        }
        f.clusterView.refresh();

        assertThat(vm.shown()).hasSize(before + 2);
        assertThat(last().row().command()).isEqualTo("logoutHSM");
        assertThat(last().user()).isEqualTo("carol (6)");
    }

    @Test
    void verifyTellsIntactOrTheFirstBrokenRecord() throws Exception {
        vm.verify();
        assertThat(vm.verdictProperty().get().error()).isFalse();
        assertThat(vm.verdictProperty().get().text()).startsWith("Chain intact: all ");
        assertThat(vm.brokenAtProperty().get()).isZero();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("clusters/demo/cluster.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET user_name = 'mallory' WHERE seq = 2");
        }
        vm.verify();

        assertThat(vm.verdictProperty().get().error()).isTrue();
        assertThat(vm.verdictProperty().get().text()).isEqualTo(
                "Chain broken at record 2: record 2 was changed after it was written. The 1 records before it are sound.");
        assertThat(vm.brokenAtProperty().get()).isEqualTo(2);
    }

    @Test
    void exportWritesTheShownRecordsInTheChosenFormat() throws Exception {
        vm.filterProperty().set("loginHSM");
        int shown = vm.shown().size();
        dialogs.saveAnswer = exports.resolve("audit.csv");

        vm.export(AuditFormat.CSV);

        List<String> lines = Files.readAllLines(dialogs.saveAnswer);
        assertThat(lines).hasSize(shown + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains(",loginHSM,"));
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Exported " + shown + " records to " + dialogs.saveAnswer + ".");

        dialogs.saveAnswer = exports.resolve("audit.jsonl");
        vm.export(AuditFormat.JSONL);
        assertThat(Files.readAllLines(dialogs.saveAnswer)).hasSize(shown);
        assertThat(dialogs.kindsOffered).extracting(FileKind::patterns)
                .containsExactly(List.of("*.csv"), List.of("*.jsonl"));
    }

    @Test
    void aCancelledOrFailedExportWritesNothingAndSaysWhy() {
        dialogs.saveAnswer = null;
        vm.export(AuditFormat.CSV);
        assertThat(vm.noticeProperty().get().text()).isEmpty();

        dialogs.saveAnswer = exports.resolve("gone").resolve("audit.csv");
        vm.export(AuditFormat.CSV);
        assertThat(vm.noticeProperty().get().error()).isTrue();
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Nothing was exported to " + dialogs.saveAnswer
                + ": the folder " + exports.resolve("gone") + " does not exist.");
    }
}
