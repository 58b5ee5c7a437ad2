package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.shell.quorum.TokenText;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The quorum steps of the approval window written as key_mgmt_util commands for the console pane.
 * The window keeps the token in memory where the tool writes a file, and approvers type passwords
 * where the tool takes them with {@code -p}: both appear as placeholders, never as values.
 */
final class QuorumText {
    private QuorumText() {
    }

    static ActionRecord getToken(String user, QuorumPurpose purpose, long handle, HsmResult<QuorumToken> result) {
        List<String> lines = new ArrayList<>();
        lines.add(KmuText.returnedLine("Cfm3GetToken", result.code()));
        result.valueIfSuccess().ifPresent(token -> {
            lines.add("");
            StringWriter dump = new StringWriter();
            TokenText.dump(token, new PrintWriter(dump));
            lines.addAll(dump.toString().lines().toList());
        });
        if (!result.nodes().isEmpty()) {
            lines.add("");
            lines.addAll(KmuText.clusterBlock(result.nodes()));
        }
        return new ActionRecord(ActionRecord.KMU, "getToken -n " + purpose.serviceNumber() + " -k " + handle + " -u "
                + user + " -f <token file>", lines);
    }

    static ActionRecord approveToken(String approver, HsmResult<QuorumToken> result) {
        return new ActionRecord(ActionRecord.KMU, "approveToken -tf <token file> -s " + approver + " -p <password>",
                KmuText.resultLines("Cfm3ApproveToken", result));
    }
}
