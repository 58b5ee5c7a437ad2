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
    DISPLAY_REFRESH,
    /**
     * A client's own read while it carries out a command the user gave (PKCS#11 applying a
     * C_GenerateKey template's flags, filtering a search by an attribute): the command is what
     * the user did, so it alone is audited, not its workings.
     */
    WITHIN_COMMAND,
    /**
     * An application's read through the data plane (PKCS#11 C_GetAttributeValue): CloudHSM's audit
     * log records management commands, and its opcodes have none for reading attributes
     * (cloudhsm-audit-log-reference.md), as they have none for encrypt or sign. pkcs11-tool alone
     * reads 21 attributes to print one new key.
     */
    APPLICATION;

    boolean audited() {
        return this == COMMAND;
    }
}
