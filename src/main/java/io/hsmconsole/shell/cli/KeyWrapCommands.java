package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.Sdk5WrapMechanism;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.hsm.key.Sdk5WrapParameters;
import io.hsmconsole.hsm.key.Sdk5WrappedKey;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliKeyJson;
import io.hsmconsole.text.cli.CliSyntax;
import io.hsmconsole.text.cli.CliWrapSyntaxes;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code key wrap <mechanism>} (cloudhsm_cli-key-wrap-*.md): the payload filter and the wrapping
 * filter each select one key; the simulator wraps. The answer names both keys and gives the wrapped
 * bytes in Base64 (and the IV aes-gcm chose); {@code --path} also writes the bytes to a file.
 */
final class KeyWrapCommands {
    private KeyWrapCommands() {
    }

    static List<CliCommand> all() {
        List<CliCommand> all = new ArrayList<>();
        for (String name : CliWrapSyntaxes.MECHANISMS) {
            CliSyntax syntax = CliWrapSyntaxes.wrap(name);
            Sdk5WrapMechanism mechanism = Sdk5WrapMechanism.fromCliName(name).orElseThrow();
            all.add(new SimpleCommand(syntax, (c, a) -> wrap(c, a, syntax, mechanism)));
        }
        return all;
    }

    private static ExitStatus wrap(CliContext context, CliArguments args, CliSyntax syntax, Sdk5WrapMechanism mechanism)
            throws CliUsageException {
        Integer tagBits = args.number(syntax, "tag-length-bits");
        Optional<HsmSession> session = context.requireSession("wrapKey");
        if (session.isEmpty()) {
            return ExitStatus.ERROR;
        }
        Sdk5WrapParameters parameters;
        KeyApproval wrappingApproval;
        KeyApproval payloadApproval;
        try {
            parameters = WrapOptions.parameters(mechanism, args, tagBits);
            wrappingApproval = KeyApproval.read(context, args, TokenSignService.KEY_MANAGEMENT, CliWrapSyntaxes.WRAPPING_APPROVAL);
            payloadApproval = KeyApproval.read(context, args, TokenSignService.KEY_MANAGEMENT, CliWrapSyntaxes.PAYLOAD_APPROVAL);
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        }
        Optional<Long> payload = KeySelection.one(context, session.get(), args.values("payload-filter"));
        if (payload.isEmpty()) {
            return ExitStatus.ERROR;
        }
        Optional<Long> wrapping = KeySelection.one(context, session.get(), args.values("wrapping-filter"));
        if (wrapping.isEmpty()) {
            return ExitStatus.ERROR;
        }
        HsmSession s = session.get();
        // each key's approval for its own key: the payload's inside the wrapping key's
        return KeyApproval.answer(context, wrappingApproval.around(s, wrapping.get(), payloadApproval.around(s, payload.get(),
                () -> s.transfers().wrapSdk5(payload.get(), wrapping.get(), mechanism, parameters))).get(),
                wrapped -> answer(context, args, wrapped));
    }

    private static ExitStatus answer(CliContext context, CliArguments args, Sdk5WrappedKey wrapped) {
        if (args.has("path")) {
            try {
                CliFiles.write(context, args.value("path"), wrapped.data());
            } catch (GenerationAttributes.Refused refused) {
                return context.error(refused.getMessage());
            }
        }
        ObjectNode data = CliJson.object();
        data.put("payload_key_reference", CliKeyJson.reference(wrapped.payloadHandle()));
        data.put("wrapping_key_reference", CliKeyJson.reference(wrapped.wrappingHandle()));
        if (wrapped.iv() != null) {
            data.put("iv", "0x" + HexFormat.of().formatHex(wrapped.iv()));
        }
        data.put("wrapped_key_data", Base64.getEncoder().encodeToString(wrapped.data()));
        return context.success(data);
    }
}
