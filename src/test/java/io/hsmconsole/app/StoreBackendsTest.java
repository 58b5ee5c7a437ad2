package io.hsmconsole.app;

import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreBackendsTest {

    @Test
    void withoutASettingTheEmbeddedSqliteStoreIsUsed() {
        assertThat(StoreBackends.fromSetting(null)).isInstanceOf(SqliteBackend.class);
        assertThat(StoreBackends.fromSetting("  ")).isInstanceOf(SqliteBackend.class);
        assertThat(StoreBackends.fromSetting("sqlite")).isInstanceOf(SqliteBackend.class);
    }

    @Test
    void aPostgresqlUrlChoosesTheSharedServer() {
        assertThat(StoreBackends.fromSetting("postgresql://team:pw@db:5432/hsm")).isInstanceOfSatisfying(
                PostgresBackend.class, b -> assertThat(b.url().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/hsm"));
    }

    @Test
    void anUnknownSettingNamesWhatIsAccepted() {
        assertThatThrownBy(() -> StoreBackends.fromSetting("postgres://db/hsm"))
                .hasMessageContaining("unknown store 'postgres://db/hsm'")
                .hasMessageContaining("postgresql://USER:PASSWORD@HOST:PORT/DB");
    }

    @Test
    void storeAmongTheLauncherOptionsIsFoundInEitherForm() {
        assertThat(StoreBackends.storeOption(new String[] {"--data-dir", "/d", "--store", "postgresql://u:p@h/db",
                "singlecmd", "findKey"})).isEqualTo("postgresql://u:p@h/db");
        assertThat(StoreBackends.storeOption(new String[] {"--store=sqlite", "singlecmd"})).isEqualTo("sqlite");
        assertThat(StoreBackends.storeOption(new String[] {"singlecmd", "--store", "x"})).as("a tool argument")
                .isNull();
    }

    @Test
    void theConsoleTakesStoreAndDataDirAndNamesTheWrongSettingWithoutItsPassword() {
        LaunchOptions options = LaunchOptions.parse(java.util.List.of("--store=postgresql://u:secret@h:1/db",
                "--data-dir", "/d"));
        assertThat(options.store()).isEqualTo("postgresql://u:secret@h:1/db");
        assertThat(options.dataDir()).isEqualTo("/d");
        assertThat(StoreBackends.forWindow(options.store())).isInstanceOf(PostgresBackend.class);
        assertThatThrownBy(() -> StoreBackends.forWindow("postgresql://u:secret@h:1/"))
                .hasMessageStartingWith("--store: the store URL is not valid (it names no database")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> LaunchOptions.parse(java.util.List.of("--store")))
                .hasMessageContaining("--store needs sqlite or postgresql://USER:PASSWORD@HOST:PORT/DB");
    }
}
