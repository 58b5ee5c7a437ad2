package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TokenSignCommands;
import io.hsmconsole.hsm.quorum.SignedApproval;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.hsm.quorum.TokenSignToken;
import io.hsmconsole.hsm.quorum.TokenTimeouts;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.PemObjects;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliQuorumSyntaxes;
import io.hsmconsole.text.cli.CliRoles;
import io.hsmconsole.text.cli.CliTokenFile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code quorum token-sign generate|list|delete|list-quorum-values|set-quorum-value|list-timeouts|set-timeout} and
 * {@code user change-quorum token-sign register} (cloudhsm_cli-qm-token-*.md,
 * cloudhsm_cli-user-chqm-token-reg.md). The simulator keeps the tokens and judges every approval;
 * this class reads and writes the token files.
 */
final class QuorumCommands {
    private QuorumCommands() {
    }

    static List<CliCommand> all() {
        return List.of(new SimpleCommand(CliQuorumSyntaxes.GENERATE, QuorumCommands::generate),
                new SimpleCommand(CliQuorumSyntaxes.LIST, QuorumCommands::list),
                new SimpleCommand(CliQuorumSyntaxes.DELETE, QuorumCommands::delete),
                new SimpleCommand(CliQuorumSyntaxes.LIST_QUORUM_VALUES, QuorumCommands::listQuorumValues),
                new SimpleCommand(CliQuorumSyntaxes.SET_QUORUM_VALUE, QuorumCommands::setQuorumValue),
                new SimpleCommand(CliQuorumSyntaxes.LIST_TIMEOUTS, QuorumCommands::listTimeouts),
                new SimpleCommand(CliQuorumSyntaxes.SET_TIMEOUT, QuorumCommands::setTimeout),
                new SimpleCommand(CliQuorumSyntaxes.REGISTER, QuorumCommands::register));
    }

    /** A registration token needs no login (the first-time setup page makes one before logging in). */
    private static ExitStatus generate(CliContext context, CliArguments args) {
        TokenSignService service = TokenSignService.named(args.value("service")).orElseThrow();
        String path = args.value("token");
        HsmResult<TokenSignToken> made;
        if (service == TokenSignService.REGISTRATION && context.session().isEmpty()) {
            made = HsmResult.ok(context.cluster().tokenSign().registrationToken(), List.of());
        } else {
            Optional<HsmSession> session = context.requireSession("getToken");
            if (session.isEmpty()) {
                return ExitStatus.ERROR;
            }
            made = session.get().tokenSign().generate(service);
        }
        return context.answer(made, token -> {
            try {
                CliFiles.write(context, path, CliTokenFile.write(token).getBytes(StandardCharsets.UTF_8));
            } catch (GenerationAttributes.Refused refused) {
                return context.error(refused.getMessage());
            }
            ObjectNode data = CliJson.object();
            data.put("filepath", path);
            return context.success(data);
        });
    }

    private static ExitStatus list(CliContext context, CliArguments args) {
        return context.requireSession("listTokens").map(s -> context.answer(s.tokenSign().list(), tokens -> {
            ArrayNode list = CliJson.array();
            for (TokenSignCommands.Listing t : tokens) {
                list.addObject().put("username", t.username()).put("service", t.service().cliName())
                        .put("approvals-required", t.approvalsRequired()).put("number-of-approvals", t.approvals())
                        .put("token-timeout-seconds", t.timeoutSeconds()).put("cluster-coverage", "full");
            }
            ObjectNode data = CliJson.object();
            data.set("tokens", list);
            return context.success(data);
        })).orElse(ExitStatus.ERROR);
    }

    private static ExitStatus delete(CliContext context, CliArguments args) {
        boolean everyone = args.value("scope").equals("all");
        return context.requireSession("delToken").map(s -> context.answer(s.tokenSign().delete(everyone),
                done -> context.success(CliMessages.TOKENS_DELETED))).orElse(ExitStatus.ERROR);
    }

    /** Needs no login (the page: all users). */
    private static ExitStatus listQuorumValues(CliContext context, CliArguments args) {
        ObjectNode data = CliJson.object();
        for (Map.Entry<TokenSignService, Integer> e : context.cluster().tokenSign().quorumValues().entrySet()) {
            data.put(e.getKey().cliName(), e.getValue());
        }
        return context.success(data);
    }

    private static ExitStatus setQuorumValue(CliContext context, CliArguments args) throws CliUsageException {
        TokenSignService service = TokenSignService.named(args.value("service")).orElseThrow();
        int value = args.number(CliQuorumSyntaxes.SET_QUORUM_VALUE, "value");
        Optional<HsmSession> session = context.requireSession("setMValue");
        if (session.isEmpty()) {
            return ExitStatus.ERROR;
        }
        Optional<SignedApproval> approval;
        try {
            approval = approval(context, args);
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        }
        return context.answer(session.get().tokenSign().setQuorumValue(service, value, approval),
                done -> context.success(CliMessages.QUORUM_VALUE_SET));
    }

    /** Needs no login (the page: all users). */
    private static ExitStatus listTimeouts(CliContext context, CliArguments args) {
        TokenTimeouts t = context.cluster().tokenSign().timeouts();
        ObjectNode data = CliJson.object();
        data.put("generated", t.generatedSeconds());
        data.put("approved", t.approvedSeconds());
        return context.success(data);
    }

    private static ExitStatus setTimeout(CliContext context, CliArguments args) throws CliUsageException {
        Long generated = args.unsigned32(CliQuorumSyntaxes.SET_TIMEOUT, "generated");
        Long approved = args.unsigned32(CliQuorumSyntaxes.SET_TIMEOUT, "approved");
        return context.requireSession("setTokenTimeout").map(s -> context.answer(
                s.tokenSign().setTimeouts(optional(generated), optional(approved)),
                set -> context.success(CliMessages.TOKEN_TIMEOUT_SET))).orElse(ExitStatus.ERROR);
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static ExitStatus register(CliContext context, CliArguments args) {
        Optional<HsmSession> session = context.requireSession("registerQuorumPubKey");
        if (session.isEmpty()) {
            return ExitStatus.ERROR;
        }
        String keyPath = args.value("public-key");
        String tokenPath = args.value("signed-token");
        SignedApproval signed;
        byte[] publicKey;
        try {
            publicKey = PemObjects.publicKey(CliFiles.read(context, keyPath))
                    .orElseThrow(() -> new GenerationAttributes.Refused(CliMessages.notAPublicKeyPem(keyPath)));
            signed = CliTokenFile.readRegistration(tokenPath, CliFiles.read(context, tokenPath));
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        } catch (CliTokenFile.Invalid invalid) {
            return context.error(invalid.getMessage());
        }
        HsmSession s = session.get();
        return context.answer(s.tokenSign().register(publicKey, signed), done -> context.success(
                LoginCommands.userAndRole(s.user().name(), CliRoles.name(s.user().type()))));
    }

    /** The signed token file of {@code --approval}, when given. */
    static Optional<SignedApproval> approval(CliContext context, CliArguments args) throws GenerationAttributes.Refused {
        return approval(context, args, CliQuorumSyntaxes.APPROVAL.name());
    }

    /** The signed token file of an approval option, when given. */
    static Optional<SignedApproval> approval(CliContext context, CliArguments args, String option)
            throws GenerationAttributes.Refused {
        String path = args.value(option);
        if (path == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CliTokenFile.readApproval(path, CliFiles.read(context, path)));
        } catch (CliTokenFile.Invalid invalid) {
            throw new GenerationAttributes.Refused(invalid.getMessage());
        }
    }
}
