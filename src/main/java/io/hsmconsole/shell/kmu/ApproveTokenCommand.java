package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.quorum.ApprovalFile;
import io.hsmconsole.shell.quorum.ApprovalSubmission;
import io.hsmconsole.shell.quorum.TokenFiles;
import io.hsmconsole.text.KmuPrinter;
import io.hsmconsole.text.TokenText;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code approveToken -af <approval file>}: submits the approvers' signatures of a token file (see
 * {@link ApprovalFile}); the HSM verifies each against the approver's registered quorum key. The
 * simulator also accepts one approval by password, {@code approveToken -tf <token file> -s <approver>
 * -p <password>} (or {@code -hpswd}): the HSM signs with the quorum key it keeps for that user.
 */
final class ApproveTokenCommand extends SessionCommand {
    private static final String HELP = HelpText.of("Approves a quorum token with the approvers' signatures.",
            "approveToken -h -af <approval file>\n"
                    + "\t\t(simulator: approveToken -tf <token file> -s <approver> { -p <password> | -hpswd })", """
            -h      displays this information
                   -af     specifies the approval file: the token file and each approver's type, name and
                           signature file (openssl dgst -sha256 -sign <key> -out <signature> <token file>)
                   -tf     specifies the token file to approve by password (simulator only)
                   -s      specifies the approver's user name
                   -p      specifies the approver's password
                   -hpswd  asks for the approver's password without showing it""");

    private static final OptionSpec OPTIONS = OptionSpec.of(List.of("-af", "-tf", "-s", "-p"), List.of("-hpswd"));

    @Override
    public String name() {
        return "approveToken";
    }

    @Override
    public OptionSpec options() {
        return OPTIONS;
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    String call() {
        return "Cfm3ApproveToken";
    }

    @Override
    public Set<String> secretOptions() {
        return Set.of("-p");
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        boolean byFile = o.has("-af");
        boolean byPassword = o.has("-tf") || o.has("-s") || o.has("-p") || o.flag("-hpswd");
        if (byFile && byPassword) {
            context.printer().out().print(HELP);
            return ExitStatus.USAGE;
        }
        if (!byPassword) {
            return byFile ? null : usage(context, "Error: Approval file (-af) is missing.");
        }
        if (o.text("-tf") == null) {
            return usage(context, "Error: Token file (-tf) is missing.");
        }
        if (o.text("-s") == null) {
            return usage(context, "Error: Approver name (-s) is missing.");
        }
        if (o.has("-p") == o.flag("-hpswd")) {
            return usage(context, o.has("-p") ? "Error: give -p or -hpswd, not both." : "Error: Password (-p) is missing.");
        }
        return null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        return o.has("-af") ? approveByFile(o.text("-af"), session, context) : approveByPassword(o, session, context);
    }

    private ExitStatus approveByFile(String fileName, HsmSession session, KmuContext context) {
        KmuPrinter p = context.printer();
        Optional<byte[]> text = KeyFiles.read(context, fileName, "approval file");
        if (text.isEmpty()) {
            return ExitStatus.ERROR;
        }
        ApprovalFile approvals;
        try {
            approvals = ApprovalFile.parse(new String(text.get(), StandardCharsets.UTF_8));
        } catch (ApprovalFile.Invalid e) {
            p.error("Error: " + fileName + ": " + e.getMessage());
            return ExitStatus.USAGE;
        }
        Optional<QuorumToken> token = SessionTokens.fromFile(context, session, approvals.tokenFile());
        if (token.isEmpty()) {
            return ExitStatus.ERROR;
        }
        int id = token.get().id();
        ApprovalSubmission.Outcome outcome = ApprovalSubmission.submit(session, id, approvals,
                file -> KeyFiles.read(context, file, "signature file"),
                (result, approver) -> reported(result, approver, id, session, context));
        if (outcome.last() != null) {
            p.clusterBlock(outcome.last().nodes());
        }
        return ExitStatus.of(outcome.allRecorded());
    }

    private ExitStatus approveByPassword(ParsedOptions o, HsmSession session, KmuContext context) {
        Optional<QuorumToken> token = SessionTokens.fromFile(context, session, o.text("-tf"));
        if (token.isEmpty()) {
            return ExitStatus.ERROR;
        }
        char[] password = o.flag("-hpswd") ? context.console().readSecret("Enter password:") : o.text("-p").toCharArray();
        if (password == null) {
            context.printer().error("Error: Password (-p) is missing.");
            return ExitStatus.USAGE;
        }
        // The session wipes the password once it has checked it.
        HsmResult<QuorumToken> result = session.quorumTokens().approveTokenWithPassword(token.get().id(), o.text("-s"), password);
        TokenText.approveToken(context.printer(), result, o.text("-s"), TokenFiles.standing(session, token.get().id()));
        return ExitStatus.of(result.isSuccess());
    }

    /** The result line and where the token stands ({@code token 1 has 1 of 2 approvals}); true when recorded. */
    private boolean reported(HsmResult<QuorumToken> result, String approver, int tokenId, HsmSession session,
                             KmuContext context) {
        TokenText.approval(context.printer(), result, approver, TokenFiles.standing(session, tokenId));
        return result.isSuccess();
    }
}
