package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.shell.ExitStatus;

/**
 * {@code findSingleKey -k <handle>}: does every connected HSM hold this key? The nodes that lack it
 * answer 0xa8, and then so does the command (offline nodes are not connected and do not count).
 */
final class FindSingleKeyCommand extends KeyHandleCommand {
    private static final String HELP = HelpText.of("Checks that a key exists on every connected HSM.",
            "findSingleKey -h -k <key handle>", """
            -h  displays this information
                   -k  specifies the key handle""");

    FindSingleKeyCommand() {
        super("findSingleKey", "Cfm3FindKey", HELP);
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        HsmResult<KeyInfo> result = session.keyInfo(o.handle("-k"));
        ReturnCode code = result.code();
        if (result.isSuccess()) {
            code = result.nodes().stream().map(NodeResult::code).filter(c -> c == ReturnCode.INVALID_HANDLE)
                    .findFirst().orElse(code);
        }
        context.printer().result(call(), code);
        context.printer().clusterBlock(result.nodes());
        return ExitStatus.of(code.isSuccess());
    }
}
