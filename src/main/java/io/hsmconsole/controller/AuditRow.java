package io.hsmconsole.controller;

import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.text.KmuText;

import java.util.Arrays;

/**
 * One record of the cluster's audit log as the console shows and exports it: when, on which node
 * ({@code -1} when no node answered), who (user 0 is the simulation itself), which command with
 * which arguments, and the result code with the text KMU prints for it. The record itself (with
 * its hashes) is kept so that an export writes exactly what {@code key_mgmt_util audit export} writes.
 */
public record AuditRow(AuditRecord record, String resultText) {

    public long seq() {
        return record.seq();
    }

    public long timeMillis() {
        return record.timeMillis();
    }

    public int nodeId() {
        return record.nodeId();
    }

    public int userId() {
        return record.userId();
    }

    public String userName() {
        return record.userName();
    }

    public String command() {
        return record.command();
    }

    public String arguments() {
        return record.arguments();
    }

    public long resultCode() {
        return record.resultCode();
    }

    /** The code as KMU prints it: {@code 0x00}, {@code 0x4000001d}. */
    public String resultCodeHex() {
        return KmuText.hex(record.resultCode());
    }

    public boolean succeeded() {
        return record.resultCode() == 0;
    }

    /** Two reads of the same record are equal: the hashes are compared by content, not as arrays. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AuditRow row)) {
            return false;
        }
        AuditRecord a = record;
        AuditRecord b = row.record;
        return a.seq() == b.seq() && a.timeMillis() == b.timeMillis() && a.nodeId() == b.nodeId()
                && a.userId() == b.userId() && a.userName().equals(b.userName()) && a.command().equals(b.command())
                && a.arguments().equals(b.arguments()) && a.resultCode() == b.resultCode()
                && Arrays.equals(a.previousHash(), b.previousHash()) && Arrays.equals(a.hash(), b.hash())
                && resultText.equals(row.resultText);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(record.seq()) * 31 + Arrays.hashCode(record.hash());
    }
}
