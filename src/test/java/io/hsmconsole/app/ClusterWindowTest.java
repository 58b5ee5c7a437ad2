package io.hsmconsole.app;

import io.hsmconsole.controller.KeyRow;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.store.sqlite.SqliteBackend;
import io.hsmconsole.ui.common.FxScroll;
import io.hsmconsole.ui.common.TimeText;
import io.hsmconsole.ui.keylist.KeyListItem;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 through the real console window on a manual clock (nothing here depends on wall time):
 * node 2 offline, {@code -min_srv 3 -timeout 1} from the key-generation form fails and rolls back,
 * node 2 comes back and catches up, a tampered node fails "attest now" with its reason and passes
 * once restored, Cancel gives up a wait, {@code -min_srv 3} waits for replication and succeeds, a key
 * and an attestation made by another cluster instance on the same data directory (what a
 * key_mgmt_util script is) reach the window by themselves, and the tiles set latency, add and remove.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterWindowTest {
    private static final String MAIN = "HSM Key Console";
    private static final String CLUSTER = "Cluster nodes";
    private static final String FORM = "New key";

    private final FxRobot robot = new FxRobot();
    private final ManualClock clock = new ManualClock(TestClusters.START);
    private RealConsole console;

    @BeforeAll
    void startConsoleAndLogIn() throws Exception {
        console = RealConsole.start("cluster-window-test", new PacedClock(clock));
        until(() -> text("#keyCountLabel").startsWith("Token keys in the cluster: 0"));
        RealConsole.logInWithTheKeyboard(robot, "example_user", "example_pwd", () -> until(() -> window("Log in").isPresent()));
        until(() -> text(".status-user").equals("User: example_user (3)"));
    }

    @AfterAll
    void stopConsole() throws Exception {
        console.stop();
    }

    @Test
    @Order(1)
    void withNode2OfflineMinSrv3Timeout1FailsAndTheKeyIsRolledBack() {
        openClusterWindow();
        robot.clickOn("#online-2");
        until(() -> text("#node-badge-2").equals("OFFLINE"));
        closeClusterWindow();

        openForm();
        robot.clickOn("#labelField").write("while_offline");
        robot.clickOn("#generateButton");
        until(() -> text("#resultText").contains("Symmetric Key Created.  Key Handle: "), this::formShows);
        assertThat(text("#resultText"))
                .contains("Node id 2 and err state 0x30000085 : HSM CLUSTER ERROR: Server in cluster is unavailable");

        replaceText("#labelField", "needs_three");
        FxScroll.clickOn(robot, "#minSrvField").write("3");
        robot.push(KeyCode.TAB).write("1"); // to the timeout field, which the form scrolls into view
        assertThat(text("#kmuPreview")).isEqualTo("genSymKey -t 31 -s 32 -l needs_three -min_srv 3 -timeout 1");
        robot.clickOn("#generateButton");

        until(() -> text("#resultHeadline").startsWith("Refused"), this::formShows);
        assertThat(text("#resultHeadline")).contains("0x4000000f");
        assertThat(text("#resultText"))
                .contains("Cfm3GenerateSymmetricKey returned: 0x4000000f")
                .containsPattern("Key \\d+ was rolled back on every HSM\\.")
                .contains("Node id 2 and err state 0x30000085");
        closeForm();

        until(() -> labels().contains("while_offline"));
        assertThat(labels()).doesNotContain("needs_three");
        KeyRow kept = row("while_offline").orElseThrow();
        assertThat(kept.coverage()).isEqualTo("2/3");
        assertThat(kept.nodesHolding()).doesNotContain(2);
    }

    @Test
    @Order(2)
    void node2BackOnlineCatchesUpOnWhatItMissed() {
        openClusterWindow();
        robot.clickOn("#online-2");

        until(() -> text("#node-badge-2").equals("SYNCING"));
        assertThat(text("#node-keys-2")).isEqualTo("0 keys held \u00b7 1 pending");
        assertThat(text("#node-replication-2")).isEqualTo("Replication latency 250 ms, catching up on 1 key");

        clock.advance(1_000);

        until(() -> text("#node-badge-2").equals("ACTIVE"));
        for (int node = 0; node < 3; node++) {
            assertThat(text("#node-keys-" + node)).as("node %d", node).isEqualTo("1 key held \u00b7 0 pending");
        }
        until(() -> row("while_offline").map(KeyRow::coverage).orElse("").equals("3/3"));
        closeClusterWindow();
    }

    @Test
    @Order(3)
    void aTamperedNodeFailsAttestNowWithTheReasonAndPassesOnceRestored() {
        openClusterWindow();
        robot.clickOn("#tamper-1");
        until(() -> text("#node-badge-1").equals("TAMPERED"));

        robot.clickOn("#attest-1");

        until(() -> text("#detailsHeading").startsWith("Node 1: FAIL"));
        assertThat(text("#detailsReason")).startsWith("measurement mismatch");
        assertThat(text("#detailsMeasured")).isNotEqualTo(text("#detailsExpected"));
        assertThat(text("#node-attestation-1")).startsWith("Last attestation: FAIL at ").endsWith("measurement mismatch");
        assertThat(text("#clusterNotice")).contains("measurement mismatch");

        robot.clickOn("#restore-1");
        until(() -> text("#node-badge-1").equals("ACTIVE"));
        robot.clickOn("#attest-1");
        until(() -> text("#detailsHeading").startsWith("Node 1: PASS"));
        assertThat(text("#node-attestation-1")).startsWith("Last attestation: PASS at ");
        closeClusterWindow();
    }

    @Test
    @Order(4)
    void cancelGivesUpWaitingForMinSrvAndTheKeyIsRolledBack() {
        openClusterWindow();
        robot.clickOn("#online-2");
        until(() -> text("#node-badge-2").equals("OFFLINE"));
        closeClusterWindow();
        openForm();
        robot.clickOn("#labelField").write("never_three");
        FxScroll.clickOn(robot, "#minSrvField").write("3");
        robot.clickOn("#generateButton");

        until(() -> text("#progressLabel").contains("of 3 HSMs hold it"), this::formShows);
        robot.clickOn("#cancelWaitButton");

        until(() -> text("#resultHeadline").startsWith("Refused"), this::formShows);
        assertThat(text("#resultHeadline")).contains("0x40000020");
        assertThat(text("#resultText")).containsPattern("Key \\d+ was rolled back on every HSM\\.");
        closeForm();
        assertThat(labels()).doesNotContain("never_three");
        openClusterWindow();
        robot.clickOn("#online-2");
        until(() -> !text("#node-badge-2").equals("OFFLINE"));
        closeClusterWindow();
    }

    @Test
    @Order(5)
    void withEveryNodeOnlineMinSrv3WaitsForReplicationAndSucceeds() {
        openForm();
        robot.clickOn("#labelField").write("on_three");
        FxScroll.clickOn(robot, "#minSrvField").write("3");
        robot.push(KeyCode.TAB).write("5");
        robot.clickOn("#generateButton");

        until(() -> text("#resultHeadline").startsWith("Key "), this::formShows);
        assertThat(text("#resultHeadline")).endsWith("held by 3 of 3 HSMs when the command returned.");
        assertThat(text("#resultText")).contains("Symmetric Key Created.  Key Handle: ")
                .contains("Node id 2 and err state 0x00000000 : HSM Return: SUCCESS");
        closeForm();
        until(() -> row("on_three").map(KeyRow::coverage).orElse("").equals("3/3"));
    }

    @Test
    @Order(6)
    void aKeyAndAnAttestationMadeByAScriptReachTheWindowByThemselves() {
        openClusterWindow();
        clock.advance(60_000);
        long madeAt = clock.nowMillis();
        GeneratedKey made;
        // A second cluster instance on the same files: what a key_mgmt_util process is.
        try (HsmCluster script = new ClusterCatalog(new SqliteBackend(), new io.hsmconsole.store.DataDirectory(console.dataDir), clock)
                .open(ClusterCatalog.DEMO_CLUSTER)) {
            HsmSession alice = TestClusters.login(script, "alice");
            // -min_srv 1: the script returns before the other HSMs have the key, so the window sees it spread.
            HsmResult<GeneratedKey> r = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "from_script")
                    .withShareWith(List.of(3)).withAttest(true).withMinServers(1));
            alice.close();
            assertThat(r.isSuccess()).as(r.code().text()).isTrue();
            made = r.value();
        }
        int serving = made.servingNode();

        String expected = "Last attestation: PASS at " + TimeText.local().format(madeAt);
        until(() -> text("#node-attestation-" + serving).equals(expected), () -> text("#node-attestation-" + serving));
        robot.clickOn("#details-" + serving);
        until(() -> text("#detailsHeading").equals("Node " + serving + ": PASS at " + TimeText.local().format(madeAt)));

        until(() -> row("from_script").isPresent());
        KeyRow arrived = row("from_script").orElseThrow();
        assertThat(arrived.nodesHolding()).containsExactly(serving);
        assertThat(arrived.coverage()).isEqualTo("1/3");
        assertThat(arrived.owner().name()).isEqualTo("alice");

        clock.advance(1_000);
        until(() -> row("from_script").map(KeyRow::coverage).orElse("").equals("3/3"));
        closeClusterWindow();
    }

    @Test
    @Order(7)
    void latencyAddAndRemoveFromTheTiles() {
        openClusterWindow();
        replaceText("#latency-1", "400");
        robot.push(KeyCode.ENTER);
        until(() -> text("#node-replication-1").equals("Replication latency 400 ms, in sync"));

        replaceText("#newLatencyField", "0");
        robot.clickOn("#addNodeButton");
        until(() -> text("#node-badge-3").equals("ACTIVE"));
        assertThat(text("#node-keys-3")).as("seeded from the cluster").isEqualTo(text("#node-keys-0"));
        assertThat(text("#clusterNotice")).startsWith("Node 3 was added with 0 ms latency");

        robot.clickOn("#remove-3");
        until(() -> window("Remove node 3?").isPresent());
        robot.targetWindow(window("Remove node 3?").orElseThrow());
        robot.push(KeyCode.ENTER);
        until(() -> text("#node-badge-3").isEmpty());
        assertThat(text("#clusterNotice")).startsWith("Node 3 was removed");
        closeClusterWindow();
    }

    // ---- helpers ----

    /** The manual clock, except that a simulated wait also takes a few real milliseconds: the window can show it. */
    private record PacedClock(ManualClock clock) implements HsmClock {
        @Override
        public long nowMillis() {
            return clock.nowMillis();
        }

        @Override
        public void sleepMillis(long millis) throws InterruptedException {
            clock.sleepMillis(millis);
            Thread.sleep(5);
        }
    }

    private void openClusterWindow() {
        robot.targetWindow(window(MAIN).orElseThrow());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);
        until(() -> window(CLUSTER).isPresent());
        robot.targetWindow(window(CLUSTER).orElseThrow());
        until(() -> !text("#node-badge-2").isEmpty());
    }

    private void closeClusterWindow() {
        Stage stage = (Stage) window(CLUSTER).orElseThrow();
        robot.interact(stage::close);
        robot.targetWindow(window(MAIN).orElseThrow());
    }

    private void openForm() {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        until(() -> window(FORM).isPresent());
        robot.targetWindow(window(FORM).orElseThrow());
        until(() -> robot.lookup("#labelField").tryQuery().isPresent());
    }

    private void closeForm() {
        robot.clickOn("#closeButton");
        until(() -> window(FORM).isEmpty());
        robot.targetWindow(window(MAIN).orElseThrow());
    }

    private String formShows() {
        return "headline '" + text("#resultHeadline") + "', progress '" + text("#progressLabel") + "', result:\n"
                + text("#resultText");
    }

    private void replaceText(String query, String text) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(query).queryAs(TextField.class).getText()).isEqualTo(text);
    }

    /** The key list's rows as the window shows them now (read on the FX thread). */
    private List<KeyRow> rows() {
        TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
        return onFx(() -> table.getItems().stream().map(i -> ((KeyListItem) i).row()).toList());
    }

    private List<String> labels() {
        return rows().stream().map(KeyRow::label).toList();
    }

    private Optional<KeyRow> row(String label) {
        return rows().stream().filter(r -> r.label().equals(label)).findFirst();
    }

    private String text(String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(ClusterWindowTest::textOf).orElse(""));
    }

    private static String textOf(Node node) {
        if (node instanceof Labeled l) {
            return l.getText();
        }
        return node instanceof TextInputControl t ? t.getText() : "";
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError("reading the window failed", e);
        }
    }

    private static Optional<Window> window(String titleStart) {
        return RealConsole.window(titleStart);
    }
}
