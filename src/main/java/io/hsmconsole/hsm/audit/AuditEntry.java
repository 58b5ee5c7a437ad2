package io.hsmconsole.hsm.audit;

/**
 * What the simulator records about one command before it is chained: when, on which node, who,
 * which command with which arguments (never key material or passwords), and the result code.
 * <p>
 * A user name and the arguments are kept up to a bound ({@link AuditBounds}): refused input can be
 * huge (a 1 MB label), and the log must not grow by what anyone chooses to send. A record that was cut
 * says so in the text it keeps, and is chained as it is stored, so the chain verifies.
 */
public record AuditEntry(long timeMillis, int nodeId, int userId, String userName, String command, String arguments,
                         long resultCode) {
    public AuditEntry {
        userName = AuditBounds.cut(userName, AuditBounds.MAX_USER_NAME);
        arguments = AuditBounds.cut(arguments, AuditBounds.MAX_ARGUMENTS);
    }
}
