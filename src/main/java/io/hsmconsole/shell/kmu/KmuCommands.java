package io.hsmconsole.shell.kmu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every command key_mgmt_util knows, by name (case-sensitive, as the tool's {@code strcmp}). */
final class KmuCommands {
    private static final String QUORUM = "quorum tokens (M of N) come with the quorum feature";
    private static final String TRANSFER = "key export, import and wrapping need simulator support that is not in this build";
    private static final String SYMMETRIC_ONLY = "the simulator makes symmetric keys only";

    private KmuCommands() {
    }

    static Map<String, KmuCommand> all() {
        Map<String, KmuCommand> commands = new LinkedHashMap<>();
        for (KmuCommand c : List.of(new LoginHsmCommand(), new LogoutHsmCommand(), new LoginStatusCommand(),
                new GenSymKeyCommand(), new KeyInfoCommand(), new GetAttributeCommand(), new SetAttributeCommand(),
                new ListAttributesCommand(), new FindKeyCommand(), new FindSingleKeyCommand(), new DeleteKeyCommand(),
                new ListUsersCommand(), new Error2StringCommand(), new HsmInfoCommand(), new PartitionInfoCommand())) {
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
        add(commands, new NotAvailableCommand("getCert", "getCert -f <file-name> -s <certificate-type>",
                OptionSpec.valued("-f", "-s", "-t"), "HSM certificates come with attestation"));
        add(commands, new NotAvailableCommand("exSymKey",
                "exSymKey -k <key-to-export> -w <wrapping-key> -out <key-file> [-m 4] [-wk <unwrapping-key-file>]",
                OptionSpec.valued("-k", "-w", "-out", "-m", "-wk"), TRANSFER));
        add(commands, new NotAvailableCommand("imSymKey", "imSymKey -f <key-file> -w <wrapping-key-handle> -t <key-type>"
                + " -l <label> [-id <key-ID>] [-sess] [-wk <wrapping-key-file>] [-attest]"
                + " [-min_srv <minimum-number-of-servers>] [-timeout <number-of-seconds>] [-u <user-ids>]",
                OptionSpec.of(List.of("-f", "-w", "-t", "-l", "-id", "-wk", "-min_srv", "-timeout", "-u"),
                        List.of("-sess", "-attest")), TRANSFER));
        add(commands, new NotAvailableCommand("wrapKey", "wrapKey -k <exported-key-handle> -w <wrapping-key-handle>"
                + " -out <output-file> [-m <wrapping-mechanism>] [-aad <file>] [-t <hash-type>] [-noheader]"
                + " [-i <wrapping IV>] [-iv_file <IV file>] [-tag_size <num_tag_bytes>]",
                OptionSpec.of(List.of("-k", "-w", "-out", "-m", "-aad", "-t", "-i", "-iv_file", "-tag_size"),
                        List.of("-noheader")), TRANSFER));
        add(commands, new NotAvailableCommand("unWrapKey", "unWrapKey -f <key-file-name> -w <wrapping-key-handle>"
                + " [-sess] [-min_srv <n>] [-timeout <s>] [-aad <file>] [-tag_size <n>] [-iv_file <file>] [-attest]"
                + " [-m <wrapping-mechanism>] [-t <hash-type>] [-nex] [-u <user id list>] [-m_value <n>] [-noheader]"
                + " [-l <key-label>] [-id <key-id>] [-kt <key-type>] [-kc <key-class>] [-i <unwrapping-IV>]",
                OptionSpec.of(List.of("-f", "-w", "-min_srv", "-timeout", "-aad", "-tag_size", "-iv_file", "-m", "-t",
                        "-u", "-m_value", "-l", "-id", "-kt", "-kc", "-i"), List.of("-sess", "-attest", "-nex", "-noheader")),
                TRANSFER));
    }

    private static void add(Map<String, KmuCommand> commands, KmuCommand command) {
        commands.put(command.name(), command);
    }
}
