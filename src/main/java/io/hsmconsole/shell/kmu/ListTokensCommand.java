package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.TokenText;

/** {@code listTokens}: the quorum tokens of this session, their approvals and remaining validity. */
final class ListTokensCommand extends SessionCommand {
    @Override
    public String name() {
        return "listTokens";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.none();
    }

    @Override
    public String help() {
        return HelpText.noArguments("listTokens lists the quorum tokens of the current session");
    }

    @Override
    String call() {
        return "Cfm3ListTokens";
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        context.printer().result(call(), ReturnCode.SUCCESS);
        context.printer().out().println();
        TokenText.list(session.quorumTokens().listTokens(), context.nowMillis(), context.printer().out());
        return ExitStatus.SUCCESS;
    }
}
