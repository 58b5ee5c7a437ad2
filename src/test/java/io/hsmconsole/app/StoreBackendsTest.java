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
}
