package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyText;

/** {@code deleteKey -k <handle>}: only the owner may delete; the key goes from every node. */
final class DeleteKeyCommand extends KeyHandleCommand {
    private static final String HELP = HelpText.of("Delete a key specified by the key handle.",
            "deleteKey -h -k <key handle>", """
            -h  displays this information
                   -k  specifies the key handle to delete""");

    DeleteKeyCommand() {
        super("deleteKey", "Cfm3DeleteKey", HELP);
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        HsmResult<Void> result = session.deleteKey(o.handle("-k"));
        KeyText.deleteKey(context.printer(), result);
        return ExitStatus.of(result.isSuccess());
    }
}
