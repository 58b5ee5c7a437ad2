package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReadPurpose;
import io.hsmconsole.hsm.Sdk5KeyAttributes;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliAttributes;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliKeyJson;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliSyntax;
import io.hsmconsole.text.cli.CliSyntaxes;

import java.util.ArrayList;
import java.util.EnumMap;
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
        Integer manage = args.number(syntax, "manage-key-quorum-value");
        Integer use = args.number(syntax, "use-key-quorum-value");
        Optional<HsmSession> session = context.requireSession("genSymKey");
        if (session.isEmpty()) {
            return ExitStatus.ERROR;
        }
        if (manage != null && use != null && !manage.equals(use)) {
            return context.error(CliMessages.quorumValuesDiffer(manage, use));
        }
        int quorum = manage != null ? manage : use != null ? use : 0;
        Map<Attribute, Boolean> attributes = new EnumMap<>(Attribute.class);
        boolean extractable = true;
        boolean token = !args.has("session");
        String id = "";
        for (String pair : args.values("attributes")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!CliAttributes.isKnown(name)) {
                return context.error(CliMessages.unknownAttribute(name));
            }
            if (name.equals(CliAttributes.ID)) {
                id = value; // the simulator judges it (length, unique in the cluster)
                continue;
            }
            if (!value.equals("true") && !value.equals("false")) {
                return context.error(CliMessages.invalidBoolean(name, value));
            }
            boolean on = value.equals("true");
            Optional<Attribute> attribute = CliAttributes.attribute(name);
            if (attribute.equals(Optional.of(Attribute.EXTRACTABLE))) {
                extractable = on;
            } else if (attribute.equals(Optional.of(Attribute.TOKEN))) {
                token = on;
            } else if (attribute.isEmpty() || Sdk5KeyAttributes.whyNotSettable(List.of(attribute.get())).isPresent()) {
                return context.error(CliMessages.notSettableAtGeneration(name));
            } else {
                attributes.put(attribute.get(), on);
            }
        }
        List<Integer> shareWith = new ArrayList<>();
        for (String name : args.values("share-crypto-users")) {
            Optional<UserInfo> user = context.user(name);
            if (user.isEmpty()) {
                return context.error(CliMessages.unknownUser(name));
            }
            shareWith.add(user.get().id());
        }
        GenSymKeyRequest request = GenSymKeyRequest.of(type.code(), length, args.value("label")).withId(id)
                .withNonExtractable(!extractable).withSession(!token).withShareWith(shareWith).withMValue(quorum);
        HsmResult<GeneratedKey> made = session.get().generateSdk5Key(request, attributes);
        return context.answer(made, key -> {
            ObjectNode data = CliJson.object();
            data.set("key", describe(context, session.get(), key.handle()));
            return context.success(data);
        });
    }

    /** A key as {@code key list --verbose} shows it; read for display, not a command of its own. */
    static ObjectNode describe(CliContext context, HsmSession session, long handle) {
        KeyInfo info = session.keyInfo(handle, ReadPurpose.DISPLAY_REFRESH).value();
        KeyAttributes attributes = session.attributes(handle, ReadPurpose.DISPLAY_REFRESH).value();
        return CliKeyJson.verbose(info, attributes, context::userName);
    }
}
