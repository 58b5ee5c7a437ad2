package io.hsmconsole.controller;

import io.hsmconsole.store.ServerUrl;

import java.nio.file.Path;

/**
 * Which store the console's clusters come from: this machine's data folder (SQLite) or a team's
 * PostgreSQL server. {@code where} names it as the status bar and the recent list show it: the
 * folder, or the server's URL without its password.
 */
public record StorePlace(Kind kind, String where) {
    public enum Kind { DATA_FOLDER, TEAM_SERVER }

    public static StorePlace dataFolder(Path root) {
        return new StorePlace(Kind.DATA_FOLDER, root.toString());
    }

    /** The server, named by its URL without the password (whatever {@code url} holds), percent-encoded as typed. */
    public static StorePlace server(ServerUrl url) {
        return new StorePlace(Kind.TEAM_SERVER, url.withPassword("").text());
    }

    public boolean teamServer() {
        return kind == Kind.TEAM_SERVER;
    }
}
