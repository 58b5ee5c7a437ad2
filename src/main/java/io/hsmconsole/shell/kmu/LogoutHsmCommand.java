package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ExitStatus;

/** {@code logoutHSM}: ends the session; its session keys vanish. */
final class LogoutHsmCommand extends SessionCommand {
    @Override
    public String name() {
        return "logoutHSM";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.none();
    }

    @Override
    public String help() {
        return HelpText.noArguments("logoutHSM logs the current user out of the HSM");
    }

    @Override
    String call() {
        return "Cfm3LogoutHSM";
    }

    @Override
    ExitStatus run(ParsedOptions options, HsmSession session, KmuContext context) {
        HsmResult<Void> result = session.logout();
        context.endSession();
        context.printer().resultAndBlock(call(), result);
        return ExitStatus.of(result.isSuccess());
    }
}
