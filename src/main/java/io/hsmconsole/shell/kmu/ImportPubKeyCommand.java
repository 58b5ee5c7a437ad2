package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyPairText;
import io.hsmconsole.text.KeySyncProgress;
import io.hsmconsole.text.KmuPrinter;

import java.util.List;
import java.util.Optional;

/** {@code importPubKey -l <label> -f <key file> [-sess] [-id] [-min_srv] [-timeout]} (key_mgmt_util-importPubKey.md). */
final class ImportPubKeyCommand extends DescribedCommand {
    private static final String HELP = HelpText.of("Imports an RSA/EC public key in PEM format.",
            "importPubKey -h -l <label> -f <key file> [-sess] [-id <key ID>]"
                    + " [-min_srv <minimum number of servers>] [-timeout <number of seconds>]", """
            -h       displays this information
                   -l       specifies the label of the public key
                   -f       specifies the PEM file of the public key (BEGIN PUBLIC KEY or BEGIN RSA PUBLIC KEY)
                   -sess    specifies key as session key
                   -id      specifies key ID
                   -min_srv specifies the number of servers the key should atleast be created on
                   -timeout specifies the number of seconds to wait for the key to get synced when min_srv option is used""");

    ImportPubKeyCommand() {
        super("importPubKey", "Cfm3CreatePublicKey",
                OptionSpec.of(List.of("-l", "-f", "-id", "-min_srv", "-timeout"), List.of("-sess")), HELP);
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        ExitStatus missing = PemKeys.requireLabelAndFile(this, o, context);
        return missing != null ? missing : checkSyncAndSharing(o, context);
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        KmuPrinter p = context.printer();
        Optional<byte[]> der = PemKeys.read(context, o.text("-f"), false);
        if (der.isEmpty()) {
            return ExitStatus.ERROR;
        }
        KeySyncProgress progress = new KeySyncProgress(p, session, "Public Key Created.");
        HsmResult<GeneratedKey> result = session.pairs().importPublicKey(der.get(),
                KeyOptionsReader.read(o, o.text("-l"), o.text("-id")), progress);
        KeyPairText.importedPublic(p, result, o.integer("-min_srv"), progress.announced());
        return ExitStatus.of(result.isSuccess());
    }
}
