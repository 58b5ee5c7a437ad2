package io.hsmconsole.store.sqlite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store opens SQLite's connection class directly (no DriverManager): the settings it used to
 * pass through {@code SQLiteConfig} must still reach the connection.
 */
class ConnectionSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theConnectionHasTheBusyTimeoutImmediateTransactionsAndNoGeneratedKeysQuery() throws Exception {
        try (Connection c = ClusterDbFiles.connect(dir.resolve("settings.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA busy_timeout")) {
            assertThat(rs.getInt(1)).isEqualTo(30_000);
            SQLiteConnection sqlite = c.unwrap(SQLiteConnection.class);
            assertThat(sqlite.getConnectionConfig().getTransactionMode()).isEqualTo(SQLiteConfig.TransactionMode.IMMEDIATE);
            assertThat(sqlite.getConnectionConfig().isGetGeneratedKeys()).isFalse();
        }
    }
}
