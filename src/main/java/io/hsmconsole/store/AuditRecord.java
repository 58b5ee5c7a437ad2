package io.hsmconsole.store;

/**
 * One line of the append-only audit log. {@code hash} covers this record's fields and
 * {@code previousHash}, so editing or deleting any record breaks the chain after it.
 */
public record AuditRecord(long seq, long timeMillis, int nodeId, int userId, String userName, String command,
                          String arguments, long resultCode, byte[] previousHash, byte[] hash) {
}
