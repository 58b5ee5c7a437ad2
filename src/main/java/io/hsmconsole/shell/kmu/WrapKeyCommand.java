package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.WrappedKey;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KmuPrinter;
import io.hsmconsole.text.WrapText;

import java.util.List;

/**
 * {@code wrapKey -k <key> -w <wrapping key> -out <file> -m <mechanism>}: the key encrypted under an
 * AES wrapping key, in a binary file with the attribute header unWrapKey reads (see
 * {@link WrappedKeyFile}) unless {@code -noheader}.
 */
final class WrapKeyCommand extends DescribedCommand {
    private static final List<String> RSA_AND_GCM_OPTIONS = List.of("-aad", "-t", "-i", "-iv_file", "-tag_size");

    private static final String HELP = HelpText.of("Wraps a key from the HSM under a wrapping key and writes it to a file.",
            "wrapKey -h -k <key to wrap> -w <wrapping key handle> -out <file> -m <wrapping mechanism> [-noheader]", """
            -h         displays this information
                   -k         specifies the handle of the key to wrap
                   -w         specifies the handle of the AES wrapping key
                   -out       specifies the file to write the wrapped key to
                   -m         specifies the wrapping mechanism:
                              4 = AES_KEY_WRAP_PAD_PKCS5, 5 = NIST_AES_WRAP_NO_PAD, 6 = NIST_AES_WRAP_PAD
                   -noheader  writes the ciphertext only, without the attribute header""");

    private static final OptionSpec OPTIONS = OptionSpec.of(
            List.of("-k", "-w", "-out", "-m", "-aad", "-t", "-i", "-iv_file", "-tag_size"), List.of("-noheader"));

    WrapKeyCommand() {
        super("wrapKey", "Cfm2WrapKey", OPTIONS, HELP);
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        if (o.handle("-k") == null) {
            return usage(context, "Error: Handle of key to be wrapped (-k) is missing.");
        }
        if (o.handle("-w") == null) {
            return usage(context, WRAPPING_KEY_MISSING);
        }
        if (o.text("-out") == null) {
            return usage(context, "Error: Wrapped Key File (-out) is missing.");
        }
        if (o.integer("-m") == null) {
            return usage(context, "Error: Wrapping mechanism (-m) is missing.");
        }
        for (String option : RSA_AND_GCM_OPTIONS) {
            if (o.has(option)) {
                context.printer().error("Error: " + option + " belongs to RSA or AES-GCM wrapping, which this simulator"
                        + " does not have; use -m 4, 5 or 6.");
                return ExitStatus.ERROR;
            }
        }
        return null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        HsmResult<WrappedKey> result = session.transfers().wrapKey(o.handle("-k"), o.handle("-w"), o.integer("-m"));
        KmuPrinter p = context.printer();
        if (!result.isSuccess()) {
            p.resultAndBlock(call(), result);
            return ExitStatus.ERROR;
        }
        byte[] file = WrappedKeyFile.write(result.value(), !o.flag("-noheader"));
        if (!KeyFiles.write(context, o.text("-out"), file)) {
            return ExitStatus.ERROR;
        }
        p.line(WrapText.WRAPPED);
        p.line(WrapText.written(o.text("-out"), file.length));
        p.result(call(), result.code());
        return ExitStatus.SUCCESS;
    }
}
