package io.hsmconsole.controller;

/**
 * What the store answered a "Test connection" or an "Open": {@code verdict} names the store's finding
 * ({@code READY}, {@code UNREACHABLE}, {@code LOGIN_REFUSED}, {@code NO_DATABASE}, {@code NEWER_SCHEMA},
 * {@code NO_MASTER_KEY}, {@code NO_CLUSTER}, {@code INVALID_SETTING}, {@code FAILED}, or
 * {@code WILL_CREATE} for the demo cluster an open makes on first use, {@code ALREADY_OPEN}), which a
 * window turns into a headline; {@code detail} is the store's own sentence; {@code opened} is set
 * when an open switched the console to {@code location}.
 */
public record StoreAnswer(String verdict, String detail, boolean usable, ClusterLocation location) {
    public static final String WILL_CREATE = "WILL_CREATE";
    public static final String ALREADY_OPEN = "ALREADY_OPEN";
    public static final String OPENED = "OPENED";

    public boolean opened() {
        return OPENED.equals(verdict);
    }
}
