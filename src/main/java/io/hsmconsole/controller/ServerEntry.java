package io.hsmconsole.controller;

/**
 * A team server as the "Open cluster" dialog holds it: one URL, or the fields that compose it (host,
 * port, database, user). Never the password, which the dialog keeps in its masked field.
 */
public record ServerEntry(boolean byFields, String url, String host, String port, String database, String user) {
    public static final ServerEntry EMPTY = new ServerEntry(false, "", "", "", "", "");

    public static ServerEntry url(String url) {
        return new ServerEntry(false, url, "", "", "", "");
    }

    public static ServerEntry fields(String host, String port, String database, String user) {
        return new ServerEntry(true, "", host, port, database, user);
    }
}
