package io.hsmconsole.shell.cli;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.quorum.SignedApproval;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliQuorumSyntaxes;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code --approval} on the key commands a key's quorum guards: {@code crypto sign} ({@code key-usage})
 * and {@code key share|unshare|set-attribute|unwrap} ({@code key-management}); key wrap's
 * {@code --wrapping-approval} and {@code --payload-approval} (each key's own, {@code key-management}). The simulator judges the signed
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
        return new KeyApproval(service, QuorumCommands.approval(context, args, CliQuorumSyntaxes.APPROVAL.name()));
    }

    /** Another approval option of the command ({@code --wrapping-approval}, {@code --payload-approval} of key wrap). */
    static KeyApproval read(CliContext context, CliArguments args, TokenSignService service, String option)
            throws GenerationAttributes.Refused {
        return new KeyApproval(service, QuorumCommands.approval(context, args, option));
    }

    /** {@code operation} on the key {@code handle}, run with this approval (nested calls approve several keys). */
    <T> Supplier<HsmResult<T>> around(HsmSession session, long handle, Supplier<HsmResult<T>> operation) {
        return () -> session.tokenSign().withKeyApproval(service, handle, approval, operation);
    }

    <T> ExitStatus answer(CliContext context, HsmSession session, long handle, Supplier<HsmResult<T>> operation,
                          Function<T, ExitStatus> onSuccess) {
        return answer(context, around(session, handle, operation).get(), onSuccess);
    }

    static <T> ExitStatus answer(CliContext context, HsmResult<T> r, Function<T, ExitStatus> onSuccess) {
        return r.code() == ReturnCode.QUORUM_REQUIRED ? context.error(CliMessages.KEY_QUORUM_FAILED)
                : context.answer(r, onSuccess);
    }
}
