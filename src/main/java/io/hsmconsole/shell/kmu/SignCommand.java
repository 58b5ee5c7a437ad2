package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyUseText;


/**
 * {@code sign -f <file> -k <key> -m <mechanism> -out <file>}: the HSM signs the file with the key and
 * the tool writes the signature to {@code -out}. A GENERIC_SECRET key signs with the HMAC mechanisms
 * (20 to 24) once its owner has set OBJ_ATTR_SIGN (the seed's tip).
 */
final class SignCommand extends SignatureCommand {
    private static final String HELP = HelpText.of("Generates a signature of a file with a key in the HSM.",
            "sign -h -f <file name> -k <key handle> -m <signature mechanism> -out <signed file name>", """
            -h    displays this information
                   -f    specifies the file to sign
                   -k    specifies the handle of the key to sign with
                   -m    %s
                   -out  specifies the file to write the signature to""".formatted(MECHANISMS));

    SignCommand() {
        super("sign", "Cfm3Sign", OptionSpec.valued("-f", "-k", "-m", "-out"), HELP);
    }

    @Override
    ExitStatus checkAfterMechanism(ParsedOptions o, KmuContext context) {
        return o.text("-out") == null ? usage(context, "Error: Signature file (-out) is missing.") : null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context, byte[] message) {
        HsmResult<byte[]> result = session.crypto().sign(o.handle("-k"), mechanism(o), message);
        boolean written = result.isSuccess() && KeyFiles.write(context, o.text("-out"), result.value(), "signature file");
        KeyUseText.sign(context.printer(), result, o.text("-out"), written);
        return ExitStatus.of(written);
    }
}
