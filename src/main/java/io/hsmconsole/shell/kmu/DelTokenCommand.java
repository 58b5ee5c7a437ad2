package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.shell.ExitStatus;

import java.util.List;
import java.util.Optional;

/** {@code delToken -tf <token file>} deletes one token of this session; {@code delToken -f 4} deletes them all. */
final class DelTokenCommand extends SessionCommand {
    private static final String ALL_OF_THE_USER = "4";

    private static final String HELP = HelpText.of("Deletes quorum tokens of the current session.",
            "delToken -h -tf <token file> || -f <delete flags>", """
            -h   displays this information
                   -tf  specifies the file getToken wrote: that token is deleted
                   -f   4 = delete every token of the current user""");

    @Override
    public String name() {
        return "delToken";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.valued("-tf", "-f");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    String call() {
        return "Cfm3DeleteToken";
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        if (!o.has("-tf") && !o.has("-f")) {
            return usage(context, "Error: Token file (-tf) or delete flags (-f) is missing.");
        }
        if ((o.has("-tf") && o.has("-f")) || (o.has("-f") && !ALL_OF_THE_USER.equals(o.text("-f")))) {
            context.printer().out().print(HELP);
            return ExitStatus.USAGE;
        }
        return null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        List<QuorumToken> tokens;
        if (o.has("-tf")) {
            Optional<QuorumToken> token = SessionTokens.fromFile(context, session, o.text("-tf"));
            if (token.isEmpty()) {
                return ExitStatus.ERROR;
            }
            tokens = List.of(token.get());
        } else {
            tokens = session.quorumTokens().listTokens();
            if (tokens.isEmpty()) {
                context.printer().line("no tokens found");
                return ExitStatus.SUCCESS;
            }
        }
        boolean allDeleted = true;
        for (QuorumToken t : tokens) {
            HsmResult<Void> result = session.quorumTokens().deleteToken(t.id());
            context.printer().resultAndBlock(call(), result);
            allDeleted &= result.isSuccess();
        }
        return ExitStatus.of(allDeleted);
    }
}
