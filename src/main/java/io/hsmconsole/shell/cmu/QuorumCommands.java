package io.hsmconsole.shell.cmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.quorum.ApprovalFile;
import io.hsmconsole.shell.quorum.ApprovalSubmission;
import io.hsmconsole.shell.quorum.TokenFiles;
import io.hsmconsole.text.NodeAddresses;
import io.hsmconsole.text.TokenText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * CMU's quorum tokens: for the crypto officers' services (3 USER_MGMT, 4 MISC_CO;
 * quorum-authentication-crypto-officers.md), and for keys, so that an owner can share, unshare or
 * change a key with m_value 2 or more (service 6, MANAGE_KEY) where those commands live:
 * {@code getToken}, {@code approveToken}, {@code listTokens}, {@code delToken}, in the shapes of AWS's quorum pages. The token and approval
 * files are the same as key_mgmt_util's (docs/command-line.md, "Quorum"); tokens live in this session.
 */
final class QuorumCommands {
    private QuorumCommands() {
    }

    static List<CmuCommand> all() {
        return List.of(
                new CmuCommand("getToken", "getToken <service 3|4> <user name> <token file> | getToken <service 5|6>"
                        + " <user name> <token file> <key handle>",
                        "Gets a quorum token for one operation and writes the bytes approvers sign to the token file."
                                + " The user name is yours. Crypto officers: 3 = USER_MGMT (createUser, deleteUser,"
                                + " changePswd of another user), 4 = MISC_CO (setMValue), once its m value is 2 or more"
                                + " (getMValue). Key owners: 6 = MANAGE_KEY (share, unshare, setAttribute), 5 = USE_KEY,"
                                + " on a key with m_value 2 or more.", 3, 4, QuorumCommands::getToken),
                new CmuCommand("approveToken", "approveToken <approval file> | approveToken <token file> <approver>"
                        + " <password | -hpswd>",
                        "Submits the approvers' signatures of a token file (an approval file), or (simulator only) one"
                                + " approval by the approver's password.", 1, 3, QuorumCommands::approveToken),
                new CmuCommand("listTokens", "listTokens", "Lists the quorum tokens of this session.", 0, 0,
                        QuorumCommands::listTokens),
                new CmuCommand("delToken", "delToken <token file>", "Deletes the token a token file stands for.", 1, 1,
                        QuorumCommands::delToken));
    }

    private static ExitStatus getToken(List<String> a, CmuContext c) {
        Optional<QuorumService> service = Optional.ofNullable(Tokens.decimalInt(a.get(0))).flatMap(QuorumService::fromNumber);
        Long handle = a.size() == 4 ? Tokens.decimal(a.get(3), Long.MAX_VALUE) : null;
        boolean officers = service.map(QuorumService::forOfficers).orElse(false);
        if (service.isEmpty() || (officers ? a.size() != 3 : handle == null)) {
            c.out().println("Invalid arguments: the service is 3 (USER_MGMT) or 4 (MISC_CO) with no key handle, or 5"
                    + " (USE_KEY) or 6 (MANAGE_KEY) and the key handle a number");
            return ExitStatus.USAGE;
        }
        if (c.session().isEmpty()) {
            return c.notLoggedIn("getToken", String.join(" ", a));
        }
        HsmSession session = c.session().get();
        if (!session.user().name().equalsIgnoreCase(a.get(1))) {
            c.out().printf("getToken failed: %s is not the logged-in user (%s); a token belongs to the session that"
                    + " asks for it%n", a.get(1), session.user().name());
            return ExitStatus.USAGE;
        }
        HsmResult<QuorumToken> result = officers ? session.officerQuorum().getToken(service.get())
                : session.quorumTokens().getToken(service.get(), handle);
        if (!result.isSuccess()) {
            return c.perServer("getToken", result);
        }
        QuorumToken token = result.value();
        try {
            c.write(a.get(2), token.challenge());
        } catch (IOException e) {
            session.quorumTokens().deleteToken(token.id());
            c.out().printf("getToken failed: cannot write the token file %s: %s%n", a.get(2), e.getMessage());
            return ExitStatus.ERROR;
        }
        for (NodeResult n : result.nodes()) {
            if (n.code().isSuccess()) {
                c.out().printf("getToken success on server %s%n", NodeAddresses.server(n.nodeId()));
                TokenText.dump(token, c.out());
            } else {
                c.out().printf("getToken failed on server %s: %s%n", NodeAddresses.server(n.nodeId()), n.code().text());
            }
        }
        return ExitStatus.SUCCESS;
    }

    private static ExitStatus approveToken(List<String> a, CmuContext c) {
        if (a.size() == 2) {
            return ExitStatus.USAGE;
        }
        if (c.session().isEmpty()) {
            // Never the password: the approver's name at most.
            return c.notLoggedIn("approveToken", a.size() == 3 ? a.get(0) + " " + a.get(1) : a.get(0));
        }
        return a.size() == 1 ? approveByFile(a.get(0), c) : approveByPassword(a, c);
    }

    private static ExitStatus approveByFile(String fileName, CmuContext c) {
        Optional<byte[]> text = c.read("approveToken", fileName, "approval");
        if (text.isEmpty()) {
            return ExitStatus.ERROR;
        }
        ApprovalFile approvals;
        try {
            approvals = ApprovalFile.parse(new String(text.get(), StandardCharsets.UTF_8));
        } catch (ApprovalFile.Invalid e) {
            c.out().printf("approveToken failed: %s: %s%n", fileName, e.getMessage());
            return ExitStatus.USAGE;
        }
        Optional<QuorumToken> token = token("approveToken", approvals.tokenFile(), c);
        if (token.isEmpty()) {
            return ExitStatus.ERROR;
        }
        int id = token.get().id();
        // As the quorum pages print it: only the per-server answer, unless an approver was refused (then
        // that approver's line says so, and the servers answer with the refusal).
        List<HsmResult<QuorumToken>> refused = new java.util.ArrayList<>();
        ApprovalSubmission.Outcome outcome = ApprovalSubmission.submit(c.session().get(), id, approvals,
                file -> c.read("approveToken", file, "signature"), (result, approver) -> {
                    if (!result.isSuccess()) {
                        refused.add(result);
                        reported(result, approver, id, c);
                    }
                    return result.isSuccess();
                });
        HsmResult<QuorumToken> answer = refused.isEmpty() ? outcome.last() : refused.get(0);
        if (answer != null) {
            c.perServer("approveToken", answer);
        }
        return ExitStatus.of(outcome.allRecorded());
    }

    private static ExitStatus approveByPassword(List<String> a, CmuContext c) {
        Optional<QuorumToken> token = token("approveToken", a.get(0), c);
        if (token.isEmpty()) {
            return ExitStatus.ERROR;
        }
        char[] password = a.get(2).equals("-hpswd") ? c.console().readSecret("Enter password:") : a.get(2).toCharArray();
        if (password == null) {
            return ExitStatus.USAGE;
        }
        // The session wipes the password once it has checked it.
        HsmResult<QuorumToken> result = c.session().get().quorumTokens().approveTokenWithPassword(token.get().id(), a.get(1), password);
        boolean recorded = reported(result, a.get(1), token.get().id(), c);
        c.perServer("approveToken", result);
        return ExitStatus.of(recorded);
    }

    private static boolean reported(HsmResult<QuorumToken> result, String approver, int tokenId, CmuContext c) {
        c.out().printf("Approval by %s %s: %s%n", approver, result.isSuccess() ? "recorded" : "refused ("
                + result.code().text() + ")", TokenFiles.standing(c.session().get(), tokenId));
        return result.isSuccess();
    }

    private static ExitStatus listTokens(List<String> a, CmuContext c) {
        if (c.session().isEmpty()) {
            return c.notLoggedIn("listTokens", "");
        }
        List<QuorumToken> tokens = c.session().get().quorumTokens().listTokens();
        for (NodeStatus n : c.nodes()) {
            c.out().printf("%n=====================%n    Server %s%n=====================%n", NodeAddresses.server(n.id()));
            if (n.isOnline()) {
                TokenText.list(tokens, c.nowMillis(), c.out());
            } else {
                c.out().printf("listTokens failed on server %s: %s%n", NodeAddresses.server(n.id()),
                        io.hsmconsole.hsm.ReturnCode.SERVER_UNAVAILABLE.text());
            }
        }
        c.out().printf("%nlistTokens success%n");
        return ExitStatus.SUCCESS;
    }

    private static ExitStatus delToken(List<String> a, CmuContext c) {
        if (c.session().isEmpty()) {
            return c.notLoggedIn("delToken", a.get(0));
        }
        Optional<QuorumToken> token = token("delToken", a.get(0), c);
        return token.isEmpty() ? ExitStatus.ERROR : c.perServer("delToken", c.session().get().quorumTokens().deleteToken(token.get().id()));
    }

    /** The session's token a token file stands for, or one line saying why there is none. */
    private static Optional<QuorumToken> token(String command, String fileName, CmuContext c) {
        Optional<byte[]> content = c.read(command, fileName, "token");
        if (content.isEmpty()) {
            return Optional.empty();
        }
        Optional<QuorumToken> token = TokenFiles.match(c.session().get(), content.get());
        Arrays.fill(content.get(), (byte) 0);
        if (token.isEmpty()) {
            c.out().printf("%s %s%n", fileName, TokenFiles.NOT_OF_THIS_SESSION);
        }
        return token;
    }
}
