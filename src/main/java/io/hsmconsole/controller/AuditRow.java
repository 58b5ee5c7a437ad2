package io.hsmconsole.controller;

/**
 * One record of the cluster's audit log as the console shows and exports it: when, on which node
 * ({@code -1} when no node answered), who (user 0 is the simulation itself), which command with
 * which arguments, and the result code with the text KMU prints for it.
 */
public record AuditRow(long seq, long timeMillis, int nodeId, int userId, String userName, String command,
                       String arguments, long resultCode, String resultText) {

    /** The code as KMU prints it: {@code 0x00}, {@code 0x4000001d}. */
    public String resultCodeHex() {
        return String.format("0x%02x", resultCode);
    }

    public boolean succeeded() {
        return resultCode == 0;
    }
}
