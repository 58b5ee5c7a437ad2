package io.hsmconsole.controller;

/**
 * Work that needs the logged-in session found it ended: a logout, or the window's close, came
 * between asking for the work and its start (on a loaded machine a worker thread can come late).
 * Nothing was done, and the views the work was for were cleared at the logout, so
 * {@link BackgroundWork} drops it rather than report an error no user could act on.
 */
public final class SessionEnded extends IllegalStateException {
    SessionEnded() {
        super("no user is logged in");
    }
}
