package io.hsmconsole.shell.kmu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every command key_mgmt_util knows, by name (case-sensitive, as the tool's {@code strcmp}). */
final class KmuCommands {
    /** Commands the simulator does not make yet. */
    private static final String NOT_YET = "the simulator makes AES, 3DES, RC4, generic secret, RSA, DSA and EC keys;"
            + " this command is not offered yet";
    /**
     * Masked objects (key_mgmt_util-extractMaskedObject.md, -insertMaskedObject.md) are keys with all
     * their metadata sealed under a secret the cluster and its clones share, so only they can insert
     * one. The simulator's clusters have no such secret yet; a file sealed under a made-up one would
     * let any simulated cluster insert it, which is not what a user would be testing.
     */
    private static final String NO_MASKING_KEY = "a masked object is sealed with a key that only its cluster"
            + " and that cluster's clones hold, and simulated clusters have no such key yet; to copy keys,"
            + " use exSymKey and imSymKey, or 'key_mgmt_util cluster export' for a whole cluster";

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
                new SimulateCommand(), new GenRsaKeyPairCommand(), new GenDsaKeyPairCommand(), new GenEccKeyPairCommand(),
                new ListEccCurveIdsCommand(), new ExportPubKeyCommand(), new ImportPubKeyCommand(),
                new ExportPrivateKeyCommand(), new ImportPrivateKeyCommand(), new GetCaviumPrivKeyCommand(),
                new IsValidKeyHandleFileCommand())) {
            commands.put(c.name(), c);
        }
        for (String name : List.of("genPBEKey", "createPublicKey")) {
            commands.put(name, new NotAvailableCommand(name, name + " ...", OptionSpec.any(), NOT_YET));
        }
        commands.put("extractMaskedObject", new NotAvailableCommand("extractMaskedObject",
                "extractMaskedObject -h -o <object handle> -out <object file>", OptionSpec.valued("-o", "-out"), """
                -h    displays this information
                       -o    specifies the handle of the key to extract as a masked object
                       -out  specifies the file to write the masked object to""", NO_MASKING_KEY));
        commands.put("insertMaskedObject", new NotAvailableCommand("insertMaskedObject",
                "insertMaskedObject -h -f <file name> [-min_srv <minimum number of servers>] [-timeout <number of seconds>]",
                OptionSpec.valued("-f", "-min_srv", "-timeout"), """
                -h        displays this information
                       -f        specifies the file of the masked object to insert
                       -min_srv  specifies the minimum number of HSMs the key must reach
                       -timeout  specifies how many seconds to wait for -min_srv HSMs""", NO_MASKING_KEY));
        return commands;
    }
}
