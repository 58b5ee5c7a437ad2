package io.hsmconsole.controller;

/**
 * The verdict of walking the audit log's hash chain: intact, or the first record where it breaks
 * ({@code brokenAtSeq}) and why, with how many records before it were checked and found sound.
 */
public record AuditCheck(boolean intact, long brokenAtSeq, String reason, long recordsChecked) {
}
