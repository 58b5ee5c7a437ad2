package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.text.TokenText;

/**
 * The quorum steps of the approval window as the key_mgmt_util commands they equal, for the console
 * pane; what they print is {@link TokenText}'s, as in the shell. The window keeps the token in
 * memory where the tool writes a file, and approvers type passwords where the tool takes them with
 * {@code -p}: both appear as placeholders, never as values.
 */
final class QuorumText {
    static final String TOKEN_FILE = "<token file>";

    private QuorumText() {
    }

    static ActionRecord getToken(String user, QuorumPurpose purpose, long handle, HsmResult<QuorumToken> result) {
        return ActionRecord.kmu("getToken -n " + purpose.serviceNumber() + " -k " + handle + " -u " + user + " -f "
                + TOKEN_FILE, p -> TokenText.getToken(p, result, TOKEN_FILE));
    }

    /** {@code standing}: where the token stands afterwards ({@link TokenText#standing}). */
    static ActionRecord approveToken(String approver, HsmResult<QuorumToken> result, String standing) {
        return ActionRecord.kmu("approveToken -tf " + TOKEN_FILE + " -s " + approver + " -p <password>",
                p -> TokenText.approveToken(p, result, approver, standing));
    }

    static ActionRecord delToken(HsmResult<Void> result) {
        return ActionRecord.kmu("delToken -tf " + TOKEN_FILE, p -> p.resultAndBlock("Cfm3DeleteToken", result));
    }
}
