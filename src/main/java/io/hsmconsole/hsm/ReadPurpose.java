package io.hsmconsole.hsm;

/**
 * Why a client reads a key: the audit log records what users did, so a read a user (or a script)
 * asked for is audited, while the console redrawing what it already shows - after every change in
 * the cluster - is not. The simulator decides from this flag; clients only say which it is.
 */
public enum ReadPurpose {
    /** A user's or a script's command (getKeyInfo, getAttribute, selecting a key): audited. */
    COMMAND,
    /** The window re-reading what it shows so that it stays current: not audited. */
    DISPLAY_REFRESH;

    boolean audited() {
        return this == COMMAND;
    }
}
