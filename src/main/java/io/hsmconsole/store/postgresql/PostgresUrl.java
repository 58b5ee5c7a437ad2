package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.ServerUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a team's cluster server is: {@code postgresql://USER:PASSWORD@HOST:PORT/DB}, as a user gives
 * it in {@code HSM_CONSOLE_STORE}. The password is kept apart and never shown ({@link #toString}).
 * User and password may be percent-encoded, as in any URL.
 */
public record PostgresUrl(String user, String password, String host, int port, String database) {
    public static final String SCHEME = ServerUrl.SCHEME;

    /** True when the text names a PostgreSQL server (whether or not it is well formed). */
    public static boolean isPostgres(String text) {
        return ServerUrl.isServerUrl(text);
    }

    /** Parses the URL by the rules of {@link ServerUrl} (refused with what is wrong and the expected form). */
    public static PostgresUrl parse(String text) {
        return of(ServerUrl.parse(text));
    }

    public static PostgresUrl of(ServerUrl url) {
        return new PostgresUrl(url.user(), url.password(), url.host(), url.port(), url.database());
    }

    /** The JDBC URL of the official driver (without the credentials, which go as properties). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + server().bracketed() + ":" + port + "/" + database;
    }

    /** One connection of its own, outside any pool (the caller closes it). */
    Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), credentials);
    }

    /** The same URL as the store layer's value (password included). */
    public ServerUrl server() {
        return new ServerUrl(user, password, host, port, database);
    }

    @Override
    public String toString() {
        return server().toString();
    }
}
