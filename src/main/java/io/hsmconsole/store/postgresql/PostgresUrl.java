package io.hsmconsole.store.postgresql;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
    public static final String SCHEME = "postgresql";
    private static final int DEFAULT_PORT = 5432;

    /** True when the text names a PostgreSQL server (whether or not it is well formed). */
    public static boolean isPostgres(String text) {
        return text != null && text.startsWith(SCHEME + "://");
    }

    /** Parses the URL; a malformed one is refused with what is wrong and the expected form. */
    public static PostgresUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text, e.getReason());
        }
        if (!SCHEME.equals(uri.getScheme())) {
            throw invalid(text, "it does not start with " + SCHEME + "://");
        }
        String info = uri.getRawUserInfo();
        if (info == null || info.isEmpty()) {
            throw invalid(text, "it names no user");
        }
        int colon = info.indexOf(':');
        String user = decode(colon < 0 ? info : info.substring(0, colon));
        String password = colon < 0 ? "" : decode(info.substring(colon + 1));
        if (uri.getHost() == null) {
            throw invalid(text, "it names no host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw invalid(text, "it names no database (the part after the last /)");
        }
        if (uri.getRawQuery() != null) {
            throw invalid(text, "options after ? are not supported");
        }
        return new PostgresUrl(user, password, uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                path.substring(1));
    }

    /** The JDBC URL of the official driver (without the credentials, which go as properties). */
    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    /** One connection of its own, outside any pool (the caller closes it). */
    Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), credentials);
    }

    @Override
    public String toString() {
        return SCHEME + "://" + user + "@" + host + ":" + port + "/" + database;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String text, String why) {
        // The text may hold a password: the message shows the expected form, not the value.
        return new IllegalArgumentException("the store URL is not valid (" + why + "); expected "
                + SCHEME + "://USER:PASSWORD@HOST:PORT/DB");
    }
}
