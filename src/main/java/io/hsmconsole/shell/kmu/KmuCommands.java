package io.hsmconsole.shell.kmu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every command key_mgmt_util knows, by name (case-sensitive, as the tool's {@code strcmp}). */
final class KmuCommands {
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
                new GetCertCommand(), new GetTokenCommand(), new ApproveTokenCommand(), new ListTokensCommand(),
                new DelTokenCommand(), new AesWrapUnwrapCommand(), new SignCommand(), new VerifyCommand(),
                new SimulateCommand())) {
            commands.put(c.name(), c);
        }
        for (String name : List.of("genRSAKeyPair", "genDSAKeyPair", "genECCKeyPair", "genPBEKey", "createPublicKey",
                "importPubKey", "exportPubKey", "importPrivateKey", "exportPrivateKey", "insertMaskedObject",
                "extractMaskedObject", "getCaviumPrivKey", "IsValidKeyHandlefile",
                "listECCCurveIds")) {
            commands.put(name, new NotAvailableCommand(name, name + " ...", OptionSpec.any(), SYMMETRIC_ONLY));
        }
        return commands;
    }
}
