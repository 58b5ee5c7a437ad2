package io.hsmconsole.controller;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.TestFiles;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresServer;
import io.hsmconsole.store.postgresql.PostgresUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File → Open cluster against a real PostgreSQL server ({@link PostgresServer}): "Test connection"
 * tells each thing that can stand in the way apart (login refused, no database, a newer schema, no
 * master key on this machine), the demo cluster is one an open makes, and an open switches the
 * console from its SQLite cluster to the server's cluster of the same name: another location, read
 * afresh, remembered without the password.
 */
class OpenClusterControllerTest {
    private static final ClusterOptions NO_LATENCY = new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 0L), null);

    @TempDir
    Path dir;
    ControllerFixture f;
    OpenClusterController controller;
    ClusterController watched;
    PostgresUrl url;
    Path otherMachine;

    @BeforeEach
    void setUp() throws Exception {
        url = PostgresServer.get().newDatabase();
        f = new ControllerFixture(dir);
        controller = new OpenClusterController(f.workspace, f.runner, f.errors::add, TestStores.REAL);
        watched = new ClusterController(f.workspace, f.runner, f.errors::add);
        otherMachine = Files.createTempDirectory("hsm-other-machine-");
    }

    @AfterEach
    void tearDown() {
        f.close();
        TestFiles.deleteTree(otherMachine);
        assertThat(f.errors).isEmpty();
    }

    private ClusterRequest onServer(String user, String database, String cluster) {
        return ClusterRequest.teamServer(ServerEntry.fields(url.host(), Integer.toString(url.port()), database, user),
                cluster);
    }

    private StoreAnswer test(ClusterRequest request, String password) {
        return ControllerFixture.await(done -> controller.test(request, password.toCharArray(), done));
    }

    private StoreAnswer open(ClusterRequest request, String password) {
        return ControllerFixture.await(done -> controller.open(request, password.toCharArray(), done));
    }

    /** A cluster made on the server by another machine (its own data folder, so its own master key). */
    private void madeElsewhere(String cluster) {
        new ClusterCatalog(new PostgresBackend(url), new DataDirectory(otherMachine), f.clock).createDemo(cluster, NO_LATENCY)
                .close();
    }

    @Test
    void eachObstacleIsToldApartWithoutThePassword() throws Exception {
        StoreAnswer wrongPassword = test(onServer(url.user(), url.database(), "demo"), "not-" + url.password());
        assertThat(wrongPassword.verdict()).isEqualTo("LOGIN_REFUSED");
        assertThat(wrongPassword.detail()).contains("refused the login of '" + url.user() + "'")
                .doesNotContain(url.password());

        StoreAnswer noDatabase = test(onServer(url.user(), "nosuchdb", "demo"), url.password());
        assertThat(noDatabase.verdict()).isEqualTo("NO_DATABASE");
        assertThat(noDatabase.detail()).contains("no database 'nosuchdb'");

        StoreAnswer keyInTheWay = test(onServer(url.user(), url.database(), "demo"), url.password());
        assertThat(keyInTheWay.verdict()).as("this data folder's SQLite demo cluster holds a master key of its own")
                .isEqualTo("KEY_IN_THE_WAY");
        assertThat(keyInTheWay.detail()).contains("a master key is already in this cluster folder");
        assertThat(test(onServer(url.user(), url.database(), "payments"), url.password()).verdict()).isEqualTo("NO_CLUSTER");

        madeElsewhere("payments");
        StoreAnswer noKey = test(onServer(url.user(), url.database(), "payments"), url.password());
        assertThat(noKey.verdict()).isEqualTo("NO_MASTER_KEY");
        assertThat(noKey.detail()).contains(dir.resolve("clusters").resolve("payments").resolve("master.key").toString());

        Path key = dir.resolve("clusters").resolve("payments").resolve("master.key");
        OwnerOnly.createDirectories(key.getParent());
        OwnerOnly.writeWhole(key, Files.readAllBytes(otherMachine.resolve("clusters").resolve("payments").resolve("master.key")));
        assertThat(test(onServer(url.user(), url.database(), "payments"), url.password()).usable()).isTrue();

        setSchemaVersion("hsm_payments", 99);
        StoreAnswer newer = test(onServer(url.user(), url.database(), "payments"), url.password());
        assertThat(newer.verdict()).isEqualTo("NEWER_SCHEMA");
        assertThat(newer.detail()).contains("schema version 99", "left untouched");
        StoreAnswer refused = open(onServer(url.user(), url.database(), "payments"), url.password());
        assertThat(refused.opened()).isFalse();
        assertThat(refused.verdict()).as("an open that fails is answered as the test would").isEqualTo("NEWER_SCHEMA");
        assertThat(f.workspace.store().teamServer()).isFalse();
    }

    @Test
    void openingAServersClusterSwitchesTheConsoleAndATeamKeyOfAnotherClusterIsRefused() throws Exception {
        madeElsewhere("demo");
        // This data folder's demo cluster (SQLite) has a master key of its own in the same folder.
        StoreAnswer wrongKey = open(onServer(url.user(), url.database(), "demo"), url.password());
        assertThat(wrongKey.opened()).isFalse();
        assertThat(wrongKey.detail()).contains("this master.key is not the key of the cluster 'demo'");
        assertThat(f.workspace.store().teamServer()).as("the local cluster stays open").isFalse();

        madeElsewhere("team");
        Path key = dir.resolve("clusters").resolve("team").resolve("master.key");
        OwnerOnly.createDirectories(key.getParent());
        OwnerOnly.writeWhole(key, Files.readAllBytes(otherMachine.resolve("clusters").resolve("team").resolve("master.key")));
        f.login("example_user");
        ClusterLocation before = f.workspace.locationProperty().get();

        StoreAnswer answer = open(onServer(url.user(), url.database(), "team"), url.password());

        assertThat(answer.opened()).as(answer.detail()).isTrue();
        ClusterLocation now = f.workspace.locationProperty().get();
        assertThat(now).isNotEqualTo(before);
        assertThat(now.cluster()).isEqualTo("team");
        assertThat(now.store().where()).isEqualTo("postgresql://" + url.user() + "@127.0.0.1:" + url.port() + "/"
                + url.database()).doesNotContain(url.password());
        assertThat(f.workspace.sessionInfo()).as("logged out of the cluster left").isEmpty();
        assertThat(watched.snapshotProperty().get().info().name()).as("read afresh from the server").isEqualTo("team");
        assertThat(Files.readString(dir.resolve(RecentClusters.FILE_NAME)))
                .contains(now.store().where()).doesNotContain(url.password());
        assertThat(open(onServer(url.user(), url.database(), "team"), url.password()).verdict())
                .isEqualTo(StoreAnswer.ALREADY_OPEN);
        assertThat(f.login("example_user").result().isSuccess()).as("a login now goes to the server's cluster").isTrue();
    }

    private void setSchemaVersion(String schema, int version) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", url.user());
        p.setProperty("password", url.password());
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), p); Statement st = c.createStatement()) {
            st.execute("UPDATE \"" + schema + "\".schema_version SET version = " + version);
        }
    }
}
