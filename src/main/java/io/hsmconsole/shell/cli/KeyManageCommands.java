package io.hsmconsole.shell.cli;

import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliAttributes;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliRoles;
import io.hsmconsole.text.cli.CliSyntaxes;

import java.util.List;
import java.util.Optional;

/**
 * {@code key share|unshare|set-attribute|delete}: a filter selects exactly one key, then the
 * simulator is asked (cloudhsm_cli-key-share.md, -unshare, -set-attribute, -delete). Share, unshare
 * and set-attribute take a signed {@code key-management} token ({@code --approval}, {@link KeyApproval}).
 */
final class KeyManageCommands {
    private KeyManageCommands() {
    }

    static List<CliCommand> all() {
        return List.of(new SimpleCommand(CliSyntaxes.KEY_SHARE, (c, a) -> share(c, a, true)),
                new SimpleCommand(CliSyntaxes.KEY_UNSHARE, (c, a) -> share(c, a, false)),
                new SimpleCommand(CliSyntaxes.KEY_SET_ATTRIBUTE, KeyManageCommands::setAttribute),
                new SimpleCommand(CliSyntaxes.KEY_DELETE, KeyManageCommands::delete));
    }

    private static ExitStatus share(CliContext context, CliArguments args, boolean share) {
        String name = args.value("username");
        Optional<UserInfo> user = context.user(name)
                .filter(u -> CliRoles.name(u.type()).equals(args.value("role")));
        if (user.isEmpty()) {
            return context.error(CliMessages.unknownUser(name));
        }
        KeyApproval approval;
        try {
            approval = KeyApproval.read(context, args, TokenSignService.KEY_MANAGEMENT);
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        }
        return KeySelection.single(context, "shareKey", args.values("filter"), (session, handle) ->
                approval.answer(context, session, handle, () -> session.shareKey(handle, user.get().id(), share),
                        done -> context.message(share ? CliMessages.KEY_SHARED : CliMessages.KEY_UNSHARED)));
    }

    private static ExitStatus setAttribute(CliContext context, CliArguments args) {
        String name = args.value("name");
        String value = args.value("value");
        if (!CliAttributes.isKnown(name)) {
            return context.error(CliMessages.unknownAttribute(name));
        }
        Optional<Attribute> attribute = CliAttributes.attribute(name);
        boolean bool = attribute.isPresent() && attribute.get().isBoolean();
        if (bool && !value.equals("true") && !value.equals("false")) {
            return context.error(CliMessages.invalidBoolean(name, value));
        }
        KeyApproval approval;
        try {
            approval = KeyApproval.read(context, args, TokenSignService.KEY_MANAGEMENT);
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        }
        return KeySelection.single(context, "setAttribute", args.values("filter"), (session, handle) -> {
            if (attribute.isEmpty()) { // modifiable: the simulator has no such attribute to change
                return context.error(CliMessages.of(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE));
            }
            // Which attributes may change, and to what, is the simulator's to say.
            return approval.answer(context, session, handle, () -> session.setAttribute(handle, attribute.get(),
                    value.equals("true") ? 1 : 0, bool ? null : value), done -> context.message(CliMessages.ATTRIBUTE_SET));
        });
    }

    private static ExitStatus delete(CliContext context, CliArguments args) {
        return KeySelection.single(context, "deleteKey", args.values("filter"), (session, handle) ->
                context.answer(session.deleteKey(handle), done -> context.message(CliMessages.KEY_DELETED)));
    }
}
