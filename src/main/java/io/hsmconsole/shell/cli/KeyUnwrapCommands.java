package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.Sdk5UnwrapTarget;
import io.hsmconsole.hsm.key.Sdk5WrapMechanism;
import io.hsmconsole.hsm.key.Sdk5WrapParameters;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliSyntax;
import io.hsmconsole.text.cli.CliWrapSyntaxes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code key unwrap <mechanism>} (cloudhsm_cli-key-unwrap-*.md): the filter selects the unwrapping
 * key, the wrapped bytes come Base64 on the line or from a file, and the simulator makes the key
 * ({@code --key-type-class}, {@code --label}, {@code --attributes} …). The answer is the new key as
 * {@code key list --verbose} shows it.
 */
final class KeyUnwrapCommands {
    private KeyUnwrapCommands() {
    }

    static List<CliCommand> all() {
        List<CliCommand> all = new ArrayList<>();
        for (String name : CliWrapSyntaxes.MECHANISMS) {
            CliSyntax syntax = CliWrapSyntaxes.unwrap(name);
            Sdk5WrapMechanism mechanism = Sdk5WrapMechanism.fromCliName(name).orElseThrow();
            all.add(new SimpleCommand(syntax, (c, a) -> unwrap(c, a, syntax, mechanism)));
        }
        return all;
    }

    private static ExitStatus unwrap(CliContext context, CliArguments args, CliSyntax syntax, Sdk5WrapMechanism mechanism)
            throws CliUsageException {
        Integer tagBits = args.number(syntax, "tag-length-bits");
        int manage = KeyGenerateCommands.quorumValue(args.number(syntax, "manage-key-quorum-value"));
        int use = KeyGenerateCommands.quorumValue(args.number(syntax, "use-key-quorum-value"));
        Optional<HsmSession> session = context.requireSession("unWrapKey");
        if (session.isEmpty()) {
            return ExitStatus.ERROR;
        }
        Sdk5WrapParameters parameters;
        byte[] data;
        GenerationAttributes given;
        List<Integer> shareWith;
        KeyApproval approval;
        try {
            parameters = WrapOptions.parameters(mechanism, args, tagBits);
            data = CliFiles.bytes(context, args, "data");
            given = GenerationAttributes.parse(args.values("attributes"));
            shareWith = KeyGenerateCommands.shareWith(context, args);
            approval = KeyApproval.read(context, args, TokenSignService.KEY_MANAGEMENT);
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        }
        Optional<Long> wrapping = KeySelection.one(context, session.get(), args.values("filter"));
        if (wrapping.isEmpty()) {
            return ExitStatus.ERROR;
        }
        boolean token = given.token().orElse(!args.has("session"));
        KeyOptions options = new KeyOptions(args.value("label"), given.id().orElse(""), !given.extractable().orElse(true),
                !token, shareWith, use, null, null, false, manage);
        String typeClass = args.value("key-type-class");
        Sdk5UnwrapTarget target = new Sdk5UnwrapTarget(keyClass(typeClass), keyType(typeClass), given.usage(), options);
        HsmSession s = session.get();
        return approval.answer(context, s, wrapping.get(),
                () -> s.transfers().unwrapSdk5(data, wrapping.get(), mechanism, parameters, target,
                        context.availability()), key -> {
                    ObjectNode out = CliJson.object();
                    out.set("key", KeyGenerateCommands.describe(context, session.get(), key.handle()));
                    return context.success(out);
                });
    }

    private static KeyClass keyClass(String typeClass) {
        return typeClass.endsWith("-private") ? KeyClass.PRIVATE_KEY : KeyClass.SECRET_KEY;
    }

    /** The possible values of --key-type-class, as the simulator's type codes. */
    private static int keyType(String typeClass) {
        return switch (typeClass) {
            case "aes" -> KeyType.AES.code();
            case "des3" -> KeyType.DES3.code();
            case "generic-secret" -> KeyType.GENERIC_SECRET.code();
            case "rsa-private" -> AsymmetricKeyType.RSA.code();
            default -> AsymmetricKeyType.EC.code(); // ec-private: the option accepts nothing else
        };
    }
}
