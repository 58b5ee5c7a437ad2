package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.CreatedKeyText;
import io.hsmconsole.text.KeyPairText;
import io.hsmconsole.text.KeySyncProgress;
import io.hsmconsole.text.KmuPrinter;

import java.util.List;
import java.util.Optional;

/**
 * {@code importPrivateKey -l <label> -f <key file> -w <wrapping key handle> ...}
 * (key_mgmt_util-importPrivateKey.md): the host reads the PEM private key, wraps it under the AES
 * wrapping key and the HSM unwraps it into a private key (OBJ_ATTR_LOCAL = 0). The page offers no
 * {@code -nex}. With {@code -wk <file>} the tool wraps the key with the AES key in the file, and the
 * HSM unwraps it with {@code -w} (the same key, or the unwrap fails its integrity check).
 */
final class ImportPrivateKeyCommand extends DescribedCommand {
    private static final String HELP = HelpText.of("Imports an RSA/EC private key in PEM format (wrapped on the host"
                    + " with an AES key, unwrapped in the HSM).",
            "importPrivateKey -h -l <label> -f <key file> -w <wrapping key handle> [-sess] [-id <key ID>]"
                    + " [-m_value <0..8>] [-min_srv <minimum number of servers>] [-timeout <number of seconds>]"
                    + " [-u <user-ids>] [-wk <wrapping key file>] [-attest]", """
            -h       displays this information
                   -l       specifies the label of the private key
                   -f       specifies the PEM file of the private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)
                   -w       specifies the handle of the AES wrapping key
                   -sess    specifies key as session key
                   -id      specifies key ID
                   -m_value specifies the number of users to approve any service with the key
                   -min_srv specifies the number of servers the key should atleast be created on
                   -timeout specifies the number of seconds to wait for the key to get synced when min_srv option is used
                   -u       specifies the list of users to share the key with (separated by ,) (optional)
                   -wk      wraps the key with the AES key in this file (plaintext) instead of -w,
                            which then only unwraps it
                   -attest  performs the attestation check on the firmware response""");

    ImportPrivateKeyCommand() {
        super("importPrivateKey", "Cfm3UnWrapKey", OptionSpec.of(
                List.of("-l", "-f", "-w", "-id", "-m_value", "-min_srv", "-timeout", "-u", "-wk"), List.of("-sess", "-attest")), HELP);
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        ExitStatus missing = PemKeys.requireLabelAndFile(this, o, context);
        if (missing != null) {
            return missing;
        }
        if (o.handle("-w") == null) {
            return usage(context, WRAPPING_KEY_MISSING);
        }
        return checkKeyCreation(o, context);
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        KmuPrinter p = context.printer();
        Optional<byte[]> der = PemKeys.read(context, o.text("-f"), true);
        if (der.isEmpty()) {
            return ExitStatus.ERROR;
        }
        KeyPairText.berLength(p, der.get().length);
        KeySyncProgress progress = new KeySyncProgress(p, session, KeyPairText.PRIVATE_KEY_UNWRAPPED);
        KeyOptions options = KeyOptionsReader.read(o, o.text("-l"), o.text("-id"));
        HsmResult<GeneratedKey> result;
        if (o.has("-wk")) {
            Optional<byte[]> wrapped = HostUnwrap.wrap(o, der.get(), context);
            if (wrapped.isEmpty()) {
                return ExitStatus.ERROR;
            }
            result = session.pairs().importWrappedPrivateKey(wrapped.get(), o.handle("-w"), options, progress);
        } else {
            result = session.pairs().importPrivateKey(der.get(), o.handle("-w"), options, progress);
        }
        if (result.isSuccess()) {
            p.result("Cfm3WrapHostKey", result.code());
            p.result("Cfm3CreateUnwrapTemplate", result.code());
        }
        CreatedKeyText.print(p, call(), KeyPairText.PRIVATE_KEY_UNWRAPPED, result, o.integer("-min_srv"),
                progress.announced());
        return ExitStatus.of(result.isSuccess());
    }
}
