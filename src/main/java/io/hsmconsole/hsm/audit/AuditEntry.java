package io.hsmconsole.hsm.audit;

/**
 * What the simulator records about one command before it is chained: when, on which node, who,
 * which command with which arguments (never key material or passwords), and the result code.
 */
public record AuditEntry(long timeMillis, int nodeId, int userId, String userName, String command, String arguments,
                         long resultCode) {
}
