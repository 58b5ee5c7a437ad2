package io.hsmconsole.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a team's cluster server is: {@code postgresql://USER:PASSWORD@HOST:PORT/DB}, as a user gives
 * it in {@code HSM_CONSOLE_STORE}, {@code --store} or the console's "Open cluster" dialog (which also
 * composes it from its fields, {@link #of}). The rules of its form live here, once: the PostgreSQL
 * backend reads the same record. The password is kept apart and never shown ({@link #toString});
 * user and password may be percent-encoded, as in any URL.
 */
public record ServerUrl(String user, String password, String host, int port, String database) {
    public static final String SCHEME = "postgresql";
    public static final int DEFAULT_PORT = 5432;
    /** The form a message names when a value is wrong. */
    public static final String FORM = SCHEME + "://USER:PASSWORD@HOST:PORT/DB";

    /** True when the text names a PostgreSQL server (whether or not it is well formed). */
    public static boolean isServerUrl(String text) {
        return text != null && text.startsWith(SCHEME + "://");
    }

    /** Parses the URL; a malformed one is refused with what is wrong and the expected form. */
    public static ServerUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(e.getReason());
        }
        if (!SCHEME.equals(uri.getScheme())) {
            throw invalid("it does not start with " + SCHEME + "://");
        }
        String info = uri.getRawUserInfo();
        if (info == null || info.isEmpty()) {
            throw invalid("it names no user");
        }
        int colon = info.indexOf(':');
        String user = decode(colon < 0 ? info : info.substring(0, colon));
        String password = colon < 0 ? "" : decode(info.substring(colon + 1));
        if (uri.getHost() == null) {
            throw invalid("it names no host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw invalid("it names no database (the part after the last /)");
        }
        if (uri.getRawQuery() != null) {
            throw invalid("options after ? are not supported");
        }
        return new ServerUrl(user, password, uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                path.substring(1));
    }

    /**
     * The URL of separate fields (the dialog's host, port, database and user; no password yet), each
     * checked with a message naming the field. A blank port is PostgreSQL's.
     */
    public static ServerUrl of(String host, String port, String database, String user) {
        String h = host == null ? "" : host.strip();
        if (h.isEmpty() || h.chars().anyMatch(c -> c == '/' || c == '@' || c == '?' || c == '#' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException(h.isEmpty() ? "the host is missing (a name or an address, e.g. db.example)"
                    : "the host '" + h + "' is not a host name or address");
        }
        int p = DEFAULT_PORT;
        String portText = port == null ? "" : port.strip();
        if (!portText.isEmpty()) {
            p = portText.matches("\\d{1,5}") ? Integer.parseInt(portText) : -1;
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("the port must be a number from 1 to 65535 (PostgreSQL's is "
                        + DEFAULT_PORT + ")");
            }
        }
        String db = database == null ? "" : database.strip();
        if (db.isEmpty()) {
            throw new IllegalArgumentException("the database is missing (the database the team's clusters live in, e.g. hsm)");
        }
        String u = user == null ? "" : user.strip();
        if (u.isEmpty()) {
            throw new IllegalArgumentException("the user is missing (the PostgreSQL account, e.g. team)");
        }
        // Through the text and back: whatever the fields hold, the result is a URL parse accepts.
        return parse(new ServerUrl(u, "", h.startsWith("[") ? h.substring(1, h.length() - 1) : h, p, db).text());
    }

    /** The same server with this password (never shown, never written down by the console). */
    public ServerUrl withPassword(String secret) {
        return new ServerUrl(user, secret == null ? "" : secret, host, port, database);
    }

    /** The setting a program reads ({@code HSM_CONSOLE_STORE}), password included when there is one. */
    public String text() {
        String credentials = encode(user) + (password.isEmpty() ? "" : ":" + encode(password));
        return SCHEME + "://" + credentials + "@" + bracketed() + ":" + port + "/" + encode(database);
    }

    /** Host, port and database, as the driver's URL and messages name them. */
    public String bracketed() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return SCHEME + "://" + user + "@" + bracketed() + ":" + port + "/" + database;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String why) {
        // The text may hold a password: the message shows the expected form, not the value.
        return new IllegalArgumentException("the store URL is not valid (" + why + "); expected " + FORM);
    }
}
