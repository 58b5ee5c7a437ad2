package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyInfoText;
import io.hsmconsole.text.KmuPrinter;

/** {@code getKeyInfo -k <handle>}: owner, shared users and quorum of a key. */
final class KeyInfoCommand extends KeyHandleCommand {
    private static final String HELP = HelpText.of("Gets key info about shared users/sessions of a key.",
            "getKeyInfo -h -k <key handle>", """
            -h  displays this information
                   -k  specifies the key handle""");

    KeyInfoCommand() {
        super("getKeyInfo", "Cfm3GetKey", HELP);
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        HsmResult<KeyInfo> result = session.keyInfo(o.handle("-k"));
        KmuPrinter p = context.printer();
        if (!result.isSuccess()) {
            p.resultAndBlock(call(), result);
            return ExitStatus.ERROR;
        }
        p.result(call(), result.code());
        KeyInfoText.print(result.value(), "\t", p.out());
        return ExitStatus.SUCCESS;
    }
}
