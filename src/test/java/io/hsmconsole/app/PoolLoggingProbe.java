package io.hsmconsole.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * A child JVM for {@link LibraryLoggingTest}: sets logging up as one entry point does ({@code service},
 * {@code tools}, or {@code console}: loading the console's application class, as JavaFX's launcher
 * does), then starts and stops a HikariCP pool, whose start and stop are logged at INFO.
 */
public final class PoolLoggingProbe {
    private PoolLoggingProbe() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "service" -> Logging.forService();
            case "tools" -> Logging.forTools();
            case "console" -> Class.forName("io.hsmconsole.app.ConsoleApp");
            default -> throw new IllegalArgumentException(args[0]);
        }
        Path db = Files.createTempFile("pool-logging", ".db");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + db);
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config); Connection c = pool.getConnection()) {
            c.createStatement().execute("select 1");
        } finally {
            Files.deleteIfExists(db);
        }
    }
}
