package io.hsmconsole.shell.cli;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.quorum.SignedApproval;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliMessages;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code --approval} on the key commands a key's quorum guards: {@code crypto sign} ({@code key-usage})
 * and {@code key share|unshare|set-attribute} ({@code key-management}). The simulator judges the signed
 * token ({@code TokenSignCommands.withKeyApproval}); a key operation refused for want of approvals
 * answers as key-quorum-auth-chsm-cli-crypto-user.md shows: {@code Quorum Failed}.
 */
final class KeyApproval {
    private final TokenSignService service;
    private final Optional<SignedApproval> approval;

    private KeyApproval(TokenSignService service, Optional<SignedApproval> approval) {
        this.service = service;
        this.approval = approval;
    }

    /** The command's {@code --approval} file, read now (a file that is not a signed token is refused before any key is touched). */
    static KeyApproval read(CliContext context, CliArguments args, TokenSignService service)
            throws GenerationAttributes.Refused {
        return new KeyApproval(service, QuorumCommands.approval(context, args));
    }

    <T> ExitStatus answer(CliContext context, HsmSession session, long handle, Supplier<HsmResult<T>> operation,
                          Function<T, ExitStatus> onSuccess) {
        HsmResult<T> r = session.tokenSign().withKeyApproval(service, handle, approval, operation);
        return r.code() == ReturnCode.QUORUM_REQUIRED ? context.error(CliMessages.KEY_QUORUM_FAILED)
                : context.answer(r, onSuccess);
    }
}
