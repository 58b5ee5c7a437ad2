package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyUseText;

import java.util.Optional;

/**
 * {@code verify -f <file> -s <signature file> -k <key> -m <mechanism>}: the HSM checks that the
 * signature is the key's signature of the file. A GENERIC_SECRET key verifies once its owner has set
 * OBJ_ATTR_VERIFY; a wrong signature is {@code SIGNATURE_INVALID}.
 */
final class VerifyCommand extends SignatureCommand {
    private static final String HELP = HelpText.of("Verifies a signature of a file with a key in the HSM.",
            "verify -h -f <message file> -s <signature file> -k <key handle> -m <signature mechanism>", """
            -h    displays this information
                   -f    specifies the file that was signed
                   -s    specifies the file with the signature
                   -k    specifies the handle of the key to verify with
                   -m    %s""".formatted(MECHANISMS));

    VerifyCommand() {
        super("verify", "Cfm3Verify", OptionSpec.valued("-f", "-s", "-k", "-m"), HELP);
    }

    @Override
    ExitStatus checkBeforeKey(ParsedOptions o, KmuContext context) {
        return o.text("-s") == null ? usage(context, "Error: Signature file (-s) is missing.") : null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context, byte[] message) {
        Optional<byte[]> signature = KeyFiles.read(context, o.text("-s"), "signature file");
        if (signature.isEmpty()) {
            return ExitStatus.ERROR;
        }
        HsmResult<Void> result = session.crypto().verify(o.handle("-k"), mechanism(o), message, signature.get());
        KeyUseText.verify(context.printer(), result);
        return ExitStatus.of(result.isSuccess());
    }
}
