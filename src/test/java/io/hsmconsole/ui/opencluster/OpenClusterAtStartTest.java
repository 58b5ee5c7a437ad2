package io.hsmconsole.ui.opencluster;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.OpenClusterController;
import io.hsmconsole.controller.SameThreadTaskRunner;
import io.hsmconsole.controller.StoreAnswer;
import io.hsmconsole.controller.StorePlace;
import io.hsmconsole.controller.TestStores;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.ServerUrl;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresUrl;
import io.hsmconsole.store.sqlite.SqliteBackend;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's start when the store it was given cannot be opened (issue 18): the Open cluster
 * dialog's state holds what was asked for (the server's URL without its password, the password
 * handed to the masked field, the demo cluster), says why in the words "Test connection" uses, and
 * offers Quit; the controller answers with the store's finding, or with the failure's own sentence
 * when the store finds nothing in the way. {@code OpenClusterAtStartWindowTest} drives the window.
 */
class OpenClusterAtStartTest {
    @TempDir
    Path dir;
    final Messages messages = Messages.load();
    final ManualClock clock = new ManualClock(TestClusters.START);
    final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    final List<Throwable> errors = new ArrayList<>();
    final List<String> passwordsHandedOver = new ArrayList<>();

    private OpenClusterViewModel startedOn(ClusterCatalog catalog, StorePlace place) {
        OpenClusterController controller = new OpenClusterController(new Workspace(catalog, place), runner, errors::add,
                TestStores.REAL);
        OpenClusterViewModel vm = new OpenClusterViewModel(controller, messages);
        vm.onPasswordFromUrl(p -> passwordsHandedOver.add(new String(p)));
        return vm;
    }

    @Test
    void aServerThatIsDownIsSaidInTheTestsWordsWithWhatWasAskedForFilledIn() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PostgresUrl asked = PostgresUrl.parse("postgresql://team:s3cret@127.0.0.1:" + closedPort + "/hsm");
        OpenClusterViewModel vm = startedOn(new ClusterCatalog(new PostgresBackend(asked), new DataDirectory(dir), clock),
                StorePlace.server(ServerUrl.parse(asked.toString())));
        char[] password = "s3cret".toCharArray();

        vm.startFailed(new StoreException(dir, "cannot connect to the PostgreSQL server"), password);

        assertThat(password).as("wiped").containsOnly('\0');
        assertThat(passwordsHandedOver).containsExactly("s3cret");
        assertThat(vm.storeProperty().get()).isEqualTo(StorePlace.Kind.TEAM_SERVER);
        assertThat(vm.urlProperty().get()).isEqualTo("postgresql://team@127.0.0.1:" + closedPort + "/hsm");
        assertThat(vm.clusterProperty().get()).isEqualTo(ClusterCatalog.DEMO_CLUSTER);
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.canTryProperty().get()).isTrue();
        Notice why = vm.noticeProperty().get();
        assertThat(why.error()).isTrue();
        assertThat(why.text()).startsWith(messages.get("openCluster.verdict.UNREACHABLE"))
                .contains("127.0.0.1:" + closedPort).doesNotContain("s3cret");
        assertThat(vm.atStartProperty().get()).isTrue();
        assertThat(vm.closeTextProperty().get()).isEqualTo(messages.get("openCluster.quit"));
        assertThat(vm.introProperty().get()).isEqualTo(messages.get("openCluster.intro.atStart"));
        assertThat(errors).isEmpty();
    }

    @Test
    void aDataFolderThatCannotBeUsedIsSaidWithTheFailuresSentence() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("data"), "a file where the data folder should be");
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(notAFolder), clock);
        RuntimeException failure = assertFailsToOpen(catalog);
        OpenClusterViewModel vm = startedOn(catalog, StorePlace.dataFolder(notAFolder));

        vm.startFailed(failure, new char[0]);

        assertThat(passwordsHandedOver).isEmpty();
        assertThat(vm.storeProperty().get()).isEqualTo(StorePlace.Kind.DATA_FOLDER);
        Notice why = vm.noticeProperty().get();
        assertThat(why.error()).isTrue();
        assertThat(why.text()).startsWith(messages.get("openCluster.verdict.FAILED")).contains(notAFolder.toString());
        assertThat(errors).isEmpty();
    }

    @Test
    void theControllerAnswersWithTheFailureWhenTheStoreFindsNothingInTheWay() {
        try (ControllerFixture f = new ControllerFixture(dir)) {
            OpenClusterController controller = new OpenClusterController(f.workspace, f.runner, f.errors::add,
                    TestStores.REAL);
            StoreAnswer answer = ControllerFixture.await(done -> controller.whyStartFailed(
                    new StoreException(dir, "the cluster file is damaged"), done));
            assertThat(answer.verdict()).isEqualTo("FAILED");
            assertThat(answer.usable()).isFalse();
            assertThat(answer.detail()).contains("the cluster file is damaged");
            assertThat(f.errors).isEmpty();
        }
    }

    /** What the console's start meets: the catalog's open of the demo cluster fails. */
    private static RuntimeException assertFailsToOpen(ClusterCatalog catalog) {
        try {
            catalog.openOrCreateDemo().close();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the demo cluster opened");
    }
}
