package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.shell.ExitStatus;

/** {@code deleteKey -k <handle>}: only the owner may delete; the key goes from every node. */
final class DeleteKeyCommand extends SessionCommand {
    private static final String HELP = HelpText.of("Delete a key specified by the key handle.",
            "deleteKey -h -k <key handle>", """
            -h  displays this information
                   -k  specifies the key handle to delete""");

    @Override
    public String name() {
        return "deleteKey";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.valued("-k");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    String call() {
        return "Cfm3DeleteKey";
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        return requireHandle(o, context, "-k", "Error: Key handle (-k) is missing.");
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        HsmResult<Void> result = session.deleteKey(o.handle("-k"));
        // KMU looks the handle up first, so an unknown handle is reported by the find call (reference §8).
        String call = result.code() == ReturnCode.INVALID_HANDLE ? "Cfm3FindKey" : call();
        context.printer().resultAndBlock(call, result);
        return ExitStatus.of(result.isSuccess());
    }
}
