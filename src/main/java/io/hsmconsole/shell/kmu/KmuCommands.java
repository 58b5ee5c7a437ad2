package io.hsmconsole.shell.kmu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every command key_mgmt_util knows, by name (case-sensitive, as the tool's {@code strcmp}). */
final class KmuCommands {
    private static final String QUORUM = "quorum tokens (M of N) come with the quorum feature";
    private static final String SYMMETRIC_ONLY = "the simulator makes symmetric keys only";

    private KmuCommands() {
    }

    static Map<String, KmuCommand> all() {
        Map<String, KmuCommand> commands = new LinkedHashMap<>();
        for (KmuCommand c : List.of(new LoginHsmCommand(), new LogoutHsmCommand(), new LoginStatusCommand(),
                new GenSymKeyCommand(), new KeyInfoCommand(), new GetAttributeCommand(), new SetAttributeCommand(),
                new ListAttributesCommand(), new FindKeyCommand(), new FindSingleKeyCommand(), new DeleteKeyCommand(),
                new ListUsersCommand(), new Error2StringCommand(), new HsmInfoCommand(), new PartitionInfoCommand(),
                new ExSymKeyCommand(), new ImSymKeyCommand(), new WrapKeyCommand(), new UnWrapKeyCommand(),
                new GetCertCommand())) {
            commands.put(c.name(), c);
        }
        notYet(commands);
        for (String name : List.of("genRSAKeyPair", "genDSAKeyPair", "genECCKeyPair", "genPBEKey", "createPublicKey",
                "importPubKey", "exportPubKey", "importPrivateKey", "exportPrivateKey", "insertMaskedObject",
                "extractMaskedObject", "sign", "verify", "aesWrapUnwrap", "getCaviumPrivKey", "IsValidKeyHandlefile",
                "listECCCurveIds")) {
            commands.put(name, new NotAvailableCommand(name, name + " ...", OptionSpec.any(), SYMMETRIC_ONLY));
        }
        return commands;
    }

    private static void notYet(Map<String, KmuCommand> commands) {
        add(commands, new NotAvailableCommand("getToken",
                "getToken -n <ServiceNo> -k <Key> -u <user_name> -f <token_file_to_store> [-F flags]",
                OptionSpec.valued("-n", "-k", "-u", "-f", "-F"), QUORUM));
        add(commands, new NotAvailableCommand("approveToken", "approveToken -h -af <approval-template-file>",
                OptionSpec.valued("-af"), QUORUM));
        add(commands, new NotAvailableCommand("listTokens", "listTokens", OptionSpec.none(), QUORUM));
        add(commands, new NotAvailableCommand("delToken", "delToken -tf <token file> || -f <delete flags>",
                OptionSpec.valued("-tf", "-f"), QUORUM));
    }

    private static void add(Map<String, KmuCommand> commands, KmuCommand command) {
        commands.put(command.name(), command);
    }
}
