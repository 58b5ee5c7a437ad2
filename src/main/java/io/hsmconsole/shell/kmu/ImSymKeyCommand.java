package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.CreatedKeyText;
import io.hsmconsole.text.KeySyncProgress;
import io.hsmconsole.text.KmuPrinter;

import java.util.List;
import java.util.Optional;

/**
 * {@code imSymKey -f <file> -w <wrapping key> -t <type> -l <label>}: imports a plaintext key (the
 * host wraps it, the HSM unwraps it). The new key has OBJ_ATTR_LOCAL = 0.
 */
final class ImSymKeyCommand extends DescribedCommand {

    private static final String HELP = HelpText.of("Imports a symmetric key in plaintext into the HSM.",
            "imSymKey -h -f <key file> -w <wrapping key handle> -t <key type> -l <label>\n"
                    + "\t\t\t[-id <key ID>] [-sess] [-wk <wrapping key file>] [-attest] [-u <user-ids>]\n"
                    + "\t\t\t[-min_srv <minimum number of servers>] [-timeout <number of seconds>]", """
            -h       displays this information
                   -f       specifies the file with the plaintext key
                   -w       specifies the handle of the AES wrapping key
                   -t       specifies the key type (21 = DES3, 24 bytes; 31 = AES, 16, 24 or 32 bytes)
                   -l       specifies the key label
                   -id      specifies the key ID
                   -sess    specifies key as session key
                   -wk      wraps the key with the AES key in this file (plaintext) instead of
                            with -w; -w then only unwraps, and both must be the same key
                   -attest  performs the attestation check on the firmware response
                   -u       specifies the list of users to share with (separated by ,)
                   -min_srv specifies the number of servers the key must reach (see genSymKey)
                   -timeout specifies the number of seconds to wait for -min_srv""");

    private static final OptionSpec OPTIONS = OptionSpec.of(
            List.of("-f", "-w", "-t", "-l", "-id", "-u", "-min_srv", "-timeout", "-wk"), List.of("-sess", "-attest"));

    ImSymKeyCommand() {
        super("imSymKey", "Cfm3UnWrapKey", OPTIONS, HELP);
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        if (o.text("-f") == null) {
            return usage(context, "Error: Key File (-f) is missing.");
        }
        if (o.handle("-w") == null) {
            return usage(context, WRAPPING_KEY_MISSING);
        }
        if (o.integer("-t") == null) {
            return usage(context, "Error: Key type (-t) is missing.");
        }
        if (KeyType.fromCode(o.integer("-t")).filter(KeyType::importableInPlaintext).isEmpty()) {
            return usage(context, "Error: Key type (-t) must be 21 (3DES) or 31 (AES); " + o.text("-t")
                    + " is not.");
        }
        if (o.text("-l") == null) {
            return usage(context, "Error: Key label (-l) is missing.");
        }
        return checkSyncAndSharing(o, context);
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        Optional<byte[]> material = KeyFiles.read(context, o.text("-f"));
        if (material.isEmpty()) {
            return ExitStatus.ERROR;
        }
        KmuPrinter p = context.printer();
        KeySyncProgress progress = new KeySyncProgress(p, session, CreatedKeyText.IMPORTED);
        KeyOptions options = KeyOptionsReader.read(o, o.text("-l"), o.text("-id"));
        HsmResult<GeneratedKey> result;
        if (o.has("-wk")) {
            Optional<byte[]> wrapped = HostUnwrap.wrap(o, material.get(), context);
            if (wrapped.isEmpty()) {
                return ExitStatus.ERROR;
            }
            result = session.transfers().importWrappedKey(wrapped.get(), o.handle("-w"), o.integer("-t"), options, progress);
        } else {
            result = session.transfers().importKey(material.get(), o.handle("-w"), o.integer("-t"), options, progress);
        }
        if (result.isSuccess()) {
            p.result("Cfm3WrapHostKey", result.code());
            p.result("Cfm3CreateUnwrapTemplate", result.code());
        }
        CreatedKeyText.print(p, call(), CreatedKeyText.IMPORTED, result, o.integer("-min_srv"), progress.announced());
        return ExitStatus.of(result.isSuccess());
    }
}
