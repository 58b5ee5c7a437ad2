package io.hsmconsole.app;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresServer;
import io.hsmconsole.store.postgresql.PostgresUrl;
import io.hsmconsole.ui.keylist.KeyListItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;

import java.util.List;

import static io.hsmconsole.app.TourFixture.isShowing;
import static io.hsmconsole.app.TourFixture.login;
import static io.hsmconsole.app.TourFixture.pause;
import static io.hsmconsole.app.TourFixture.waitUntil;
import static io.hsmconsole.app.TourFixture.window;

/**
 * Not a test: the README's screenshots. Runs only with {@code -Dscreenshots.dir=DIR} on a real
 * display (Xvfb), drives the real window and captures it with ImageMagick's {@code import}:
 * <pre>
 * xvfb-run -a -s "-screen 0 1280x800x24" ./mvnw -B -q test -Dgui -Dtest=ScreenshotTour \
 *     -Dscreenshots.dir=$PWD/assets/screenshots -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The keys shown are real keys made through the simulator before the console starts. The second
 * part, File → Open cluster (issue 18), also needs a PostgreSQL server's binaries ({@link PostgresServer}
 * starts a throw-away one).
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreenshotTour {
    private TourFixture tour;
    private FxRobot robot;

    @BeforeAll
    void start() throws Exception {
        tour = TourFixture.start("screenshot-tour", ScreenshotTour::seedKeys);
        robot = tour.robot;
    }

    /** A few keys of every kind, made by the demo users through the simulator itself. */
    private static void seedKeys(HsmCluster cluster) {
        try (HsmSession me = login(cluster, "example_user", "example_pwd")) {
            me.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "aes256"));
            me.generateSymmetricKey(GenSymKeyRequest.of(21, 24, "3DES_shared").withId("IT-02")
                    .withShareWith(List.of(4, 5)));
            me.generateSymmetricKey(GenSymKeyRequest.of(16, 512, "IT_test_key").withMinServers(1)
                    .withTimeoutSeconds(1));
            me.generateSymmetricKey(GenSymKeyRequest.of(16, 256, "generic-mV2").withShareWith(List.of(6))
                    .withMValue(2));
            me.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "payments-kek").withId("PAY-01").withNonExtractable(true));
        }
        try (HsmSession alice = login(cluster, "alice", "alice_pwd")) {
            alice.generateSymmetricKey(GenSymKeyRequest.of(31, 24, "alice_wrapping").withShareWith(List.of(3)));
        }
    }

    @AfterAll
    void stop() throws Exception {
        tour.stop();
    }

    @Test
    @Order(1)
    void tour() throws Exception {
        tour.logIn("example_user", "example_pwd", () -> tour.shoot("login.png", window("Log in")));
        pause(1000);

        robot.targetWindow(window("HSM Key Console"));
        TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(1));
        pause(1500);
        tour.shoot("main-window.png", window("HSM Key Console"));

        robot.push(KeyCode.CONTROL, KeyCode.N);
        pause(2500);
        robot.targetWindow(window("New key"));
        robot.clickOn("#labelField").write("aes_demo");
        robot.clickOn("#idField").write("IT-02");
        ComboBox<?> size = robot.lookup("#sizeBox").queryAs(ComboBox.class);
        robot.clickOn(size.getEditor()).push(KeyCode.CONTROL, KeyCode.A).write("20");
        robot.clickOn("#timeoutField").write("1");
        pause(1200);
        tour.shoot("keygen-validation.png", window("New key"));

        robot.clickOn(size.getEditor()).push(KeyCode.CONTROL, KeyCode.A).write("32");
        robot.clickOn("#idField").push(KeyCode.CONTROL, KeyCode.A).write("APP-07");
        robot.clickOn("#minSrvField").write("3");
        robot.clickOn("#searchField").write("a");
        // Ticks alice with a click on her box: a SPACE typed for it landed in the label field on a busy
        // machine ("aes_demo "), the form then refused to generate and its Close asked about the typed
        // input, and the Ctrl+D below went to that question instead of the key list (no compare window).
        waitUntil("the search to show alice", () -> userCell("alice (4)") != null);
        robot.clickOn(userCell("alice (4)").lookup(".check-box"));
        waitUntil("alice ticked", () -> ((javafx.scene.control.CheckBox) userCell("alice (4)").lookup(".check-box")).isSelected());
        pause(500);
        tour.shoot("keygen-sharing-picker.png", window("New key"));
        int keysBefore = table.getItems().size();
        javafx.scene.Node generate = window("New key").getScene().lookup("#generateButton");
        waitUntil("Generate to be enabled (the input is valid)", () -> !generate.isDisabled());
        robot.clickOn("#generateButton");
        // On a busy machine genSymKey -min_srv 3 may take longer than any pause: closing the form
        // while it waits would ask "stop waiting?" and the rest of the tour would type into that dialog.
        javafx.scene.Node progress = window("New key").getScene().lookup("#progressBox");
        waitUntil("genSymKey to finish", () -> !progress.isVisible());
        pause(500);
        tour.shoot("keygen-result.png", window("New key"));
        robot.clickOn("#closeButton");
        waitUntil("the key form to close", () -> !isShowing("New key"));
        waitUntil("the new key in the key list", () -> table.getItems().size() > keysBefore);

        robot.targetWindow(window("HSM Key Console"));
        robot.clickOn(".status-keys"); // gives the main window the keyboard focus back
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(1);
            table.getSelectionModel().select(0);
        });
        // Ctrl+D is the Compare menu item's, enabled only with exactly two keys selected; a key list
        // refresh landing after the selection would clear it, so the tour checks before it presses.
        waitUntil("two keys selected", () -> table.getSelectionModel().getSelectedItems().size() == 2);
        robot.push(KeyCode.CONTROL, KeyCode.D);
        waitUntil("the comparison window", () -> isShowing("Key "));
        pause(800);
        tour.shoot("compare.png", window("Key "));
        // Closed directly: an Esc typed for it reached the main window when that had the focus, and
        // the comparison stayed open behind it (WindowMannersTest checks Esc itself).
        robot.interact(() -> ((Stage) window("Key ")).close());
        waitUntil("the comparison window to close", () -> !isShowing("Key "));

        // Typed only once the pane's command field has the keyboard: on a busy machine the lines went
        // into the key list's filter instead (a password shown in the 900x600 picture).
        robot.targetWindow(window("HSM Key Console"));
        robot.push(KeyCode.CONTROL, KeyCode.BACK_QUOTE);
        waitUntil("the console pane's command field focused", () -> robot.lookup("#commandField").tryQuery()
                .map(javafx.scene.Node::isFocused).orElse(false));
        robot.write("loginHSM -u CU -s alice -p alice_pwd");
        robot.push(KeyCode.ENTER);
        waitUntil("loginHSM's answer", () -> transcript().contains("Cfm3LoginHSM returned"));
        robot.write("findKey -u 4");
        robot.push(KeyCode.ENTER);
        waitUntil("findKey's answer", () -> transcript().contains("Cfm3FindKey returned"));
        pause(500);
        tour.shoot("console-pane.png", window("HSM Key Console"));
        smallWindow(table);
        robot.push(KeyCode.CONTROL, KeyCode.BACK_QUOTE);
        pause(800);
        smallKeyFormWithANodeOffline();

        quorumAndTryTheKey(table);

        robot.clickOn("View");
        waitUntil("the View menu", () -> robot.lookup("Theme").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.clickOn("Theme");
        waitUntil("the Theme menu", () -> robot.lookup("Dark").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.clickOn("Dark");
        robot.interact(() -> table.getSelectionModel().clearAndSelect(1));
        pause(1500);
        tour.shoot("main-window-dark.png", window("HSM Key Console"));
    }

    /**
     * The seed's generic-mV2 key (m_value 2, shared with carol): signing is refused until OBJ_ATTR_SIGN
     * is set; setting it asks the key's quorum (one wrong password shown); then signing asks again.
     */
    private void quorumAndTryTheKey(TableView<?> table) throws Exception {
        robot.targetWindow(window("HSM Key Console"));
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (((KeyListItem) table.getItems().get(i)).row().label().equals("generic-mV2")) {
                    table.getSelectionModel().clearAndSelect(i);
                }
            }
        });
        waitUntil("the inspector on generic-mV2", () -> robot.lookup("#headingLabel").tryQuery()
                .map(n -> ((javafx.scene.control.Labeled) n).getText().contains("generic-mV2")).orElse(false));
        pause(500);
        robot.clickOn("Try the key");
        robot.clickOn("#tryDataArea").write("Release the payment");
        robot.clickOn("#tryRunButton");
        pause(1500);
        robot.clickOn("Attributes");
        TableView<?> attributes = robot.lookup("#attributeTable").queryAs(TableView.class);
        waitUntil("the key's attributes", () -> attributes.getItems().size() > 7);
        robot.interact(() -> attributes.scrollTo(7)); // OBJ_ATTR_SIGN in view, whatever the window's height
        waitUntil("OBJ_ATTR_SIGN's editor", () -> robot.lookup("#edit-SIGN").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.clickOn("#edit-SIGN");
        pause(2000);
        approve("carols_pwd"); // a wrong password first, for the picture
        tour.shoot("quorum-approval.png", window("Quorum approval"));
        typeApproval("carol", "carol_pwd");
        pause(3000);
        robot.targetWindow(window("HSM Key Console"));
        robot.clickOn("Try the key");
        robot.clickOn("#tryRunButton");
        pause(2000);
        approve("carol_pwd");
        pause(500);
        robot.targetWindow(window("HSM Key Console"));
        tour.shoot("try-the-key.png", window("HSM Key Console"));
        robot.clickOn("Attributes");
    }

    /** The main window at 900x600 with the console pane open (issue 19 item 2), then back to its size. */
    private void smallWindow(TableView<?> table) {
        Stage main = (Stage) window("HSM Key Console");
        double width = main.getWidth();
        double height = main.getHeight();
        robot.interact(() -> {
            main.setWidth(900);
            main.setHeight(600);
            table.getSelectionModel().clearAndSelect(1);
        });
        pause(1500);
        tour.shoot("main-window-900x600.png", main);
        robot.interact(() -> {
            main.setWidth(width);
            main.setHeight(height);
        });
        pause(800);
    }

    /**
     * The key form at 900x600 while node 2 is offline (taken offline by another process, as a script
     * would): min_srv 3 is a warning that names the node, and a label with a space is explained.
     */
    private void smallKeyFormWithANodeOffline() {
        setNode2Online(false);
        robot.targetWindow(window("HSM Key Console"));
        robot.push(KeyCode.CONTROL, KeyCode.N);
        pause(2500);
        Stage form = (Stage) window("New key");
        robot.interact(() -> {
            form.setWidth(900);
            form.setHeight(600);
            form.setX(0);
            form.setY(0);
        });
        robot.targetWindow(form);
        // Scrolled first: since the form also makes pairs (a "Make" row), min_srv lies below the fold at
        // 900x600, and a click there landed on the command preview, so "3" was never typed.
        robot.interact(() -> ((javafx.scene.control.ScrollPane) form.getScene().getRoot().lookup(".scroll-pane")).setVvalue(0.45));
        pause(800);
        robot.clickOn("#labelField").write("my key");
        robot.clickOn("#minSrvField").write("3");
        pause(1500);
        tour.shoot("keygen-900x600.png", form);
        robot.interact(form::close); // Stage.close asks nothing: the typed input is the picture's, not work
        pause(800);
        setNode2Online(true);
    }

    private void setNode2Online(boolean online) {
        try (HsmCluster cluster = tour.catalog().openOrCreateDemo()) {
            cluster.setNodeOnline(2, online);
        }
        pause(1500);
    }

    /**
     * In the approval window: the owner's password, then what carol types, each clicked into its own
     * field (on a busy machine keys typed while the keyboard moved on landed in the other field, and
     * the wrong logins locked carol's account in the pictures).
     */
    private void approve(String carolTypes) {
        waitUntil("the quorum approval window", () -> isShowing("Quorum approval"));
        robot.targetWindow(window("Quorum approval"));
        typeApproval("example_user", "example_pwd");
        waitUntil("the owner's approval", () -> robot.lookup("#quorumProgress").queryLabeled().getText()
                .startsWith("1 of 2"));
        pause(500);
        typeApproval("carol", carolTypes);
        pause(2500);
    }

    /** Into this approver's own field, replacing whatever it held, then Enter. */
    private void typeApproval(String approver, String password) {
        robot.clickOn("#approver-password-" + approver).push(KeyCode.CONTROL, KeyCode.A).write(password)
                .push(KeyCode.ENTER);
    }

    /** What the console pane shows, empty while it is closed. */
    private String transcript() {
        return robot.lookup("#transcript").tryQuery().map(n -> ((javafx.scene.control.TextInputControl) n).getText())
                .orElse("");
    }

    /** The sharing picker's row of this user, or null while the list does not show it. */
    private javafx.scene.control.ListCell<?> userCell(String text) {
        return robot.lookup(".list-cell").match(c -> c instanceof javafx.scene.control.ListCell<?> cell
                && text.equals(cell.getText()) && cell.isVisible()).tryQuery()
                .map(c -> (javafx.scene.control.ListCell<?>) c).orElse(null);
    }

    /**
     * File → Open cluster, at 1280x800 (the dialog) and on a 900x600 screen (the main window that size
     * with the dialog over it: nothing may be cut off): this machine's data folder with its test
     * answer, then a team's PostgreSQL server given as fields, whose cluster the console then opens.
     */
    @Test
    @Order(2)
    void openCluster() {
        PostgresUrl url = PostgresServer.get().newDatabase();
        // The team's cluster, made by this machine (so its master key is in this data folder).
        new ClusterCatalog(new PostgresBackend(url), new DataDirectory(tour.dataDir), HsmClock.SYSTEM)
                .createDemo("payments", ClusterOptions.demo()).close();
        Stage main = (Stage) window("HSM Key Console");
        robot.targetWindow(main);
        robot.clickOn("View").clickOn("Theme").clickOn("Light");
        pause(800);

        tour.place(main, 900, 600);
        openTheDialogAndTest();
        centreOnA900x600Screen();
        tour.shootScreen("open-cluster-900x600.png", 900, 600);
        onTheServer(url);
        centreOnA900x600Screen();
        tour.shootScreen("open-cluster-postgresql-900x600.png", 900, 600);
        robot.push(KeyCode.ESCAPE);
        waitUntil("the dialog to close", () -> !isShowing("Open cluster"));

        tour.place(main, 1280, 800);
        openTheDialogAndTest();
        tour.shoot("open-cluster.png", window("Open cluster"));
        onTheServer(url);
        tour.shoot("open-cluster-postgresql.png", window("Open cluster"));
        robot.clickOn("#openButton");
        waitUntil("the console on the team's cluster", () -> !isShowing("Open cluster")
                && robot.lookup(".status-cluster").queryLabeled().getText().contains("on PostgreSQL"));
        pause(1500);
        tour.shoot("main-window-team.png", main);
    }

    /**
     * Where a 900x600 screen would show the dialog (centred on it; the X screen here is 1280x800): a
     * dialog larger than that screen would be cut off in the picture.
     */
    private void centreOnA900x600Screen() {
        Stage dialog = (Stage) window("Open cluster");
        robot.interact(() -> {
            dialog.setX(Math.max(0, (900 - dialog.getWidth()) / 2));
            dialog.setY(Math.max(0, (600 - dialog.getHeight()) / 2));
        });
        pause(800);
        if (dialog.getWidth() > 900 || dialog.getHeight() > 600) {
            throw new AssertionError("the Open cluster dialog (" + dialog.getWidth() + "x" + dialog.getHeight()
                    + ") does not fit a 900x600 screen");
        }
    }

    /** Ctrl+O over the main window, then "Test connection" on this machine's data folder. */
    private void openTheDialogAndTest() {
        robot.targetWindow(window("HSM Key Console"));
        robot.clickOn(".status-keys");
        robot.push(KeyCode.CONTROL, KeyCode.O);
        waitUntil("the Open cluster dialog", () -> isShowing("Open cluster"));
        robot.targetWindow(window("Open cluster"));
        robot.clickOn("#openTestButton");
        waitUntil("the data folder's answer", () -> robot.lookup("#openNotice").queryLabeled().getText()
                .startsWith("Connection works"));
        pause(800);
    }

    /** The team server as fields (the password masked), cluster payments, and its test answer. */
    private void onTheServer(PostgresUrl url) {
        robot.clickOn("#openServerChoice");
        robot.clickOn("#openByFieldsChoice");
        robot.clickOn("#openHostField").push(KeyCode.CONTROL, KeyCode.A).write(url.host());
        robot.clickOn("#openPortField").push(KeyCode.CONTROL, KeyCode.A).write(Integer.toString(url.port()));
        robot.clickOn("#openDatabaseField").push(KeyCode.CONTROL, KeyCode.A).write(url.database());
        robot.clickOn("#openUserField").push(KeyCode.CONTROL, KeyCode.A).write(url.user());
        robot.clickOn("#openPasswordField").push(KeyCode.CONTROL, KeyCode.A).write(url.password());
        robot.clickOn("#openClusterBox .text-field").push(KeyCode.CONTROL, KeyCode.A).write("payments");
        robot.clickOn("#openTestButton");
        waitUntil("the server's answer", () -> robot.lookup("#openNotice").queryLabeled().getText()
                .startsWith("Connection works"));
        pause(800);
    }
}
