package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.WrapSpec;
import io.hsmconsole.hsm.key.WrappedKey;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KmuPrinter;
import io.hsmconsole.text.WrapText;

import java.util.List;
import java.util.Optional;

/**
 * {@code wrapKey -k <key> -w <wrapping key> -out <file> -m <mechanism>}: a secret or private key
 * (its PKCS#8) encrypted under an AES key (4, 5, 6, 10, 11) or an RSA public key (8, RSA_OAEP), in a
 * binary file with the attribute header unWrapKey reads (see {@link WrappedKeyFile}) unless
 * {@code -noheader}. With a header, AES_GCM's IV sits in front of the ciphertext; with
 * {@code -noheader} it goes to {@code -iv_file}.
 */
final class WrapKeyCommand extends DescribedCommand {
    private static final String HELP = HelpText.of("Wraps a key from the HSM under a wrapping key and writes it to a file.",
            "wrapKey -h -k <key to wrap> -w <wrapping key handle> -out <file> -m <wrapping mechanism> [-t <hash type>]\n"
                    + "\t\t[-aad <aad file>] [-noheader] [-iv_file <IV file>] [-tag_size <tag bytes>]", """
            -h         displays this information
                   -k         specifies the handle of the secret or private key to wrap
                   -w         specifies the handle of the wrapping key: an AES key, or for RSA_OAEP an
                              RSA public key (unwrap with its private key)
                   -out       specifies the file to write the wrapped key to
                   -m         specifies the wrapping mechanism:
                              4 = AES_KEY_WRAP_PAD_PKCS5, 5 = NIST_AES_WRAP_NO_PAD, 6 = NIST_AES_WRAP_PAD,
                              8 = RSA_OAEP, 10 = AES_GCM, 11 = CLOUDHSM_AES_GCM
                   -t         the hash of RSA_OAEP: 2 = SHA1, 3 = SHA256, 4 = SHA384, 5 = SHA512, 6 = SHA224
                   -aad       a file of additional authenticated data (AES_GCM, CLOUDHSM_AES_GCM)
                   -noheader  writes the ciphertext only, without the attribute header
                   -iv_file   with -noheader and AES_GCM: the file to write the HSM's IV to
                   -tag_size  with -noheader and AES-GCM: the tag's length, 8 to 16 bytes (default 16)""");

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
        String misuse = WrapOptions.misuse(o, true);
        return misuse == null ? null : usage(context, misuse);
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        Optional<WrapSpec> spec = WrapOptions.spec(o, context, true);
        if (spec.isEmpty()) {
            return ExitStatus.ERROR;
        }
        HsmResult<WrappedKey> result = session.transfers().wrapKey(o.handle("-k"), o.handle("-w"), spec.get());
        KmuPrinter p = context.printer();
        if (!result.isSuccess()) {
            p.resultAndBlock(call(), result);
            return ExitStatus.ERROR;
        }
        WrappedKey wrapped = result.value();
        boolean header = !o.flag("-noheader");
        if (wrapped.iv() != null && !header && !KeyFiles.write(context, o.text("-iv_file"), wrapped.iv(), "IV file")) {
            return ExitStatus.ERROR;
        }
        byte[] file = WrappedKeyFile.write(wrapped, header);
        if (!KeyFiles.write(context, o.text("-out"), file)) {
            return ExitStatus.ERROR;
        }
        p.line(WrapText.WRAPPED);
        p.line(WrapText.written(o.text("-out"), file.length));
        p.result(call(), result.code());
        return ExitStatus.SUCCESS;
    }
}
