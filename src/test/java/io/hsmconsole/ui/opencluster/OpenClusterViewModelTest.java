package io.hsmconsole.ui.opencluster;

import io.hsmconsole.controller.ClusterLocation;
import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.OpenClusterController;
import io.hsmconsole.controller.RecentClusters;
import io.hsmconsole.controller.StorePlace;
import io.hsmconsole.controller.TestStores;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Open cluster" dialog's state without JavaFX's scene: what is wrong with the input (the store's
 * rules, said as it is typed), a URL's password moved to the masked field, URL and fields carried
 * over, the store's answers in plain words, and an open that switches the console or, failing, leaves
 * the open cluster as it was. The PostgreSQL answers are {@code OpenClusterControllerTest}'s.
 */
class OpenClusterViewModelTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    OpenClusterController controller;
    OpenClusterViewModel vm;
    final Messages messages = Messages.load();
    final List<String> passwordsHandedOver = new ArrayList<>();
    final AtomicInteger opened = new AtomicInteger();

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        controller = new OpenClusterController(f.workspace, f.runner, f.errors::add, TestStores.REAL);
        vm = new OpenClusterViewModel(controller, messages);
        vm.onPasswordFromUrl(p -> passwordsHandedOver.add(new String(p)));
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private void serverUrl(String url) {
        vm.storeProperty().set(StorePlace.Kind.TEAM_SERVER);
        vm.byFieldsProperty().set(false);
        vm.urlProperty().set(url);
    }

    @Test
    void itStartsOnTheOpenClusterOfThisMachinesDataFolder() {
        assertThat(vm.storeProperty().get()).isEqualTo(StorePlace.Kind.DATA_FOLDER);
        assertThat(vm.clusterProperty().get()).isEqualTo("demo");
        assertThat(vm.clusterChoices()).containsExactly("demo");
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.canTryProperty().get()).isTrue();
        assertThat(vm.dataFolderHint()).contains(dir.toString());
    }

    @Test
    void aServerSettingThatIsWrongIsSaidAsItIsTypedAndNothingCanBeTried() {
        serverUrl("");
        assertThat(vm.problemProperty().get()).contains("URL is missing");
        assertThat(vm.canTryProperty().get()).isFalse();
        serverUrl("mysql://team@db.example/hsm");
        assertThat(vm.problemProperty().get()).contains("not a PostgreSQL URL", "postgresql://USER:PASSWORD@HOST:PORT/DB");
        serverUrl("postgresql://db.example:5432/hsm");
        assertThat(vm.problemProperty().get()).contains("names no user");
        serverUrl("postgresql://team@db.example:5432/");
        assertThat(vm.problemProperty().get()).contains("names no database");
        serverUrl("postgresql://team@db.example:5432/hsm");
        assertThat(vm.problemProperty().get()).isEmpty();

        vm.byFieldsProperty().set(true);
        vm.portProperty().set("70000");
        assertThat(vm.problemProperty().get()).contains("port must be a number from 1 to 65535");
        vm.portProperty().set("");
        vm.hostProperty().set(" ");
        assertThat(vm.problemProperty().get()).contains("host is missing");
        vm.hostProperty().set("db.example");
        vm.userProperty().set("");
        assertThat(vm.problemProperty().get()).contains("user is missing");
        vm.userProperty().set("team");
        vm.clusterProperty().set("no spaces please");
        assertThat(vm.problemProperty().get()).contains("not a valid cluster name");
        vm.clusterProperty().set("");
        assertThat(vm.problemProperty().get()).contains("cluster name is missing");
        assertThat(vm.canTryProperty().get()).isFalse();
    }

    @Test
    void aPastedUrlsPasswordGoesToTheMaskedFieldAndLeavesTheUrl() {
        serverUrl("postgresql://team:s%40cret@db.example:5432/hsm");
        assertThat(vm.urlProperty().get()).isEqualTo("postgresql://team@db.example:5432/hsm");
        assertThat(passwordsHandedOver).containsExactly("s@cret");
        assertThat(vm.noticeProperty().get().text()).isEqualTo(messages.get("openCluster.passwordMoved"));

        vm.urlProperty().set("");
        for (char c : "postgresql://ci:pw@db.example:5432/hsm".toCharArray()) {
            vm.urlProperty().set(vm.urlProperty().get() + c); // typed: the caret stays where the user types
        }
        assertThat(vm.urlProperty().get()).isEqualTo("postgresql://ci:pw@db.example:5432/hsm");
        vm.urlCommitted(); // the field was left
        assertThat(vm.urlProperty().get()).isEqualTo("postgresql://ci@db.example:5432/hsm");
        assertThat(passwordsHandedOver).containsExactly("s@cret", "pw");
    }

    @Test
    void theUrlAndTheFieldsCarryOverEitherWay() {
        serverUrl("postgresql://team@db.example:6543/hsm");
        vm.byFieldsProperty().set(true);
        assertThat(List.of(vm.hostProperty().get(), vm.portProperty().get(), vm.databaseProperty().get(),
                vm.userProperty().get())).containsExactly("db.example", "6543", "hsm", "team");
        vm.hostProperty().set("db2.example");
        vm.userProperty().set("ci bot");
        vm.byFieldsProperty().set(false);
        assertThat(vm.urlProperty().get()).isEqualTo("postgresql://ci%20bot@db2.example:6543/hsm");
        assertThat(vm.problemProperty().get()).as("a user name with a space is percent-encoded for the server").isEmpty();
    }

    @Test
    void testingTheDataFolderSaysWhetherTheClusterIsThere() {
        vm.test(new char[0]);
        assertThat(vm.noticeProperty().get().text()).startsWith(messages.get("openCluster.verdict.READY"));
        assertThat(vm.noticeProperty().get().error()).isFalse();

        vm.clusterProperty().set("payments");
        vm.test(new char[0]);
        Notice missing = vm.noticeProperty().get();
        assertThat(missing.error()).isTrue();
        assertThat(missing.text()).startsWith(messages.get("openCluster.verdict.NO_CLUSTER"))
                .contains("no cluster named 'payments'");
    }

    @Test
    void anUnreachableServerIsSaidInPlainWordsWithoutThePassword() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        serverUrl("postgresql://team@127.0.0.1:" + closedPort + "/hsm");
        vm.test("hunter2".toCharArray());
        Notice answer = vm.noticeProperty().get();
        assertThat(answer.error()).isTrue();
        assertThat(answer.text()).startsWith(messages.get("openCluster.verdict.UNREACHABLE"))
                .contains("127.0.0.1:" + closedPort).doesNotContain("hunter2");
    }

    @Test
    void aFailedOpenLeavesTheOpenClusterAndSaysWhy() {
        ClusterLocation before = f.workspace.locationProperty().get();
        f.login("example_user");
        vm.clusterProperty().set("payments");
        vm.open(new char[0], opened::incrementAndGet);
        assertThat(opened).hasValue(0);
        assertThat(f.workspace.locationProperty().get()).isEqualTo(before);
        assertThat(f.workspace.sessionInfo()).as("still logged in").isPresent();
        assertThat(vm.noticeProperty().get().error()).isTrue();
        assertThat(vm.noticeProperty().get().text()).contains("no cluster named 'payments'")
                .contains(messages.format("openCluster.failed", "demo"));
    }

    @Test
    void openingAnotherClusterSwitchesTheConsoleLogsOutAndRemembersIt() {
        f.catalog.createDemo("payments", new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L), null)).close();
        f.login("example_user");
        vm.clusterProperty().set("payments");
        vm.open(new char[0], opened::incrementAndGet);
        assertThat(opened).hasValue(1);
        assertThat(f.workspace.locationProperty().get()).isEqualTo(new ClusterLocation(
                StorePlace.dataFolder(dir.toAbsolutePath().normalize()), "payments"));
        assertThat(f.workspace.clusterNameProperty().get()).isEqualTo("payments");
        assertThat(f.workspace.sessionInfo()).as("the session of the cluster left behind ended").isEmpty();
        assertThat(new OpenClusterViewModel(controller, messages).recent()).extracting(ClusterLocation::cluster)
                .containsExactly("payments");
        assertThat(Files.exists(dir.resolve(RecentClusters.FILE_NAME))).isTrue();
    }

    @Test
    void aRecentServerFillsTheFormAndAsksForThePasswordAgain() {
        controller.remember(new ClusterLocation(StorePlace.server(io.hsmconsole.store.ServerUrl.parse(
                "postgresql://team:hunter2@db.example:5432/hsm")), "ci"));
        OpenClusterViewModel again = new OpenClusterViewModel(controller, messages);
        assertThat(again.recent()).hasSize(1);
        again.pick(again.recent().get(0));
        assertThat(again.storeProperty().get()).isEqualTo(StorePlace.Kind.TEAM_SERVER);
        assertThat(again.urlProperty().get()).isEqualTo("postgresql://team@db.example:5432/hsm");
        assertThat(again.clusterProperty().get()).isEqualTo("ci");
        assertThat(again.noticeProperty().get().text()).contains("Type the password");
        assertThat(again.describe(again.recent().get(0))).isEqualTo("ci \u2014 postgresql://team@db.example:5432/hsm");
    }

    @Test
    void theRecentListNeverHoldsAPassword() throws IOException {
        controller.remember(new ClusterLocation(StorePlace.server(io.hsmconsole.store.ServerUrl.parse(
                "postgresql://team:hunter2@db.example:5432/hsm")), "ci"));
        Files.writeString(dir.resolve(RecentClusters.FILE_NAME), "postgresql://bob:s3cret@db.example/hsm\tdemo\n"
                + Files.readString(dir.resolve(RecentClusters.FILE_NAME)) + "garbage line\n");
        controller.remember(new ClusterLocation(StorePlace.dataFolder(dir), "demo"));
        String file = Files.readString(dir.resolve(RecentClusters.FILE_NAME));
        assertThat(file).doesNotContain("hunter2", "s3cret").contains("postgresql://bob@db.example:5432/hsm\tdemo")
                .doesNotContain("garbage");
        assertThat(new OpenClusterViewModel(controller, messages).recent()).extracting(vm::describe)
                .allMatch(text -> !text.contains("s3cret"));
    }
}
