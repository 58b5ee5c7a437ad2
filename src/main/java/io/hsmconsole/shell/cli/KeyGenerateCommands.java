package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReadPurpose;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliKeyJson;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliSyntax;
import io.hsmconsole.text.cli.CliSyntaxes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code key generate-symmetric aes|generic-secret} (cloudhsm_cli-key-generate-symmetric-*.md): the
 * options become a genSymKey request with SDK 5's attributes; the simulator judges it.
 */
final class KeyGenerateCommands {
    private KeyGenerateCommands() {
    }

    static List<CliCommand> all() {
        return List.of(new SimpleCommand(CliSyntaxes.KEY_GENERATE_AES,
                        (c, a) -> generate(c, a, KeyType.AES, CliSyntaxes.KEY_GENERATE_AES)),
                new SimpleCommand(CliSyntaxes.KEY_GENERATE_GENERIC_SECRET,
                        (c, a) -> generate(c, a, KeyType.GENERIC_SECRET, CliSyntaxes.KEY_GENERATE_GENERIC_SECRET)));
    }

    private static ExitStatus generate(CliContext context, CliArguments args, KeyType type, CliSyntax syntax)
            throws CliUsageException {
        int length = args.number(syntax, "key-length-bytes");
        int manage = quorumValue(args.number(syntax, "manage-key-quorum-value"));
        int use = quorumValue(args.number(syntax, "use-key-quorum-value"));
        Optional<HsmSession> session = context.requireSession("genSymKey");
        if (session.isEmpty()) {
            return ExitStatus.ERROR;
        }
        GenerationAttributes given;
        List<Integer> shareWith;
        try {
            given = GenerationAttributes.parse(args.values("attributes"));
            shareWith = shareWith(context, args);
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        }
        boolean extractable = given.extractable().orElse(true);
        boolean token = given.token().orElse(!args.has("session"));
        String id = given.id().orElse("");
        Map<Attribute, Boolean> attributes = given.usage();
        GenSymKeyRequest request = GenSymKeyRequest.of(type.code(), length, args.value("label")).withId(id)
                .withNonExtractable(!extractable).withSession(!token).withShareWith(shareWith).withQuorum(use, manage);
        HsmResult<GeneratedKey> made = session.get().generateSdk5Key(request, attributes, context.availability());
        return context.answer(made, key -> {
            ObjectNode data = CliJson.object();
            data.set("key", describe(context, session.get(), key.handle()));
            return context.success(data);
        });
    }

    /** A quorum value option (manage or use): 0, no quorum, when not given (the pages' key-info shows 0). */
    static int quorumValue(Integer given) {
        return given == null ? 0 : given;
    }

    /** {@code --share-crypto-users}: each name a crypto user of the cluster, as user IDs. */
    static List<Integer> shareWith(CliContext context, CliArguments args) throws GenerationAttributes.Refused {
        List<Integer> ids = new ArrayList<>();
        for (String name : args.values("share-crypto-users")) {
            ids.add(context.user(name).orElseThrow(() -> new GenerationAttributes.Refused(CliMessages.unknownUser(name))).id());
        }
        return ids;
    }

    /** A key as {@code key list --verbose} shows it; read for display, not a command of its own. */
    static ObjectNode describe(CliContext context, HsmSession session, long handle) {
        KeyInfo info = session.keyInfo(handle, ReadPurpose.DISPLAY_REFRESH).value();
        KeyAttributes attributes = session.attributes(handle, ReadPurpose.DISPLAY_REFRESH).value();
        return CliKeyJson.verbose(info, attributes, context::userName);
    }
}
