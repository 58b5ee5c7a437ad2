package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyPairText;
import io.hsmconsole.text.KmuPrinter;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code exportPrivateKey -k <private key handle> -w <wrapping key handle> -out <key file> [-m 4]}
 * (key_mgmt_util-exportPrivateKey.md): the HSM wraps the owner's extractable private key under the
 * AES wrapping key, the host unwraps it and writes PEM (PKCS#8, which {@code openssl pkey} reads).
 * With {@code -wk <file>} the HSM only wraps, and the tool unwraps with the AES key in the file.
 */
final class ExportPrivateKeyCommand extends DescribedCommand {
    private static final String HELP = HelpText.of("Exports an RSA/EC private key in PEM format (wrapped with an AES"
                    + " key, then unwrapped on the host).",
            "exportPrivateKey -h -k <private key handle> -w <wrapping key handle> -out <key file> [-m 4]"
                    + " [-wk <unwrapping key file>]", """
            -h    displays this information
                   -k    specifies the handle of the private key to export
                   -w    specifies the handle of the AES wrapping key
                   -out  specifies the file to write the PEM private key to
                   -m    specifies the wrapping mechanism: 4 = NIST_AES_WRAP (the only one)
                   -wk   specifies a file with the wrapping key's material (16, 24 or 32 bytes): the
                         HSM wraps with -w and the tool unwraps with this key""");

    ExportPrivateKeyCommand() {
        super("exportPrivateKey", "Cfm3WrapKey", OptionSpec.valued("-k", "-w", "-out", "-m", "-wk"), HELP);
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        if (o.handle("-k") == null) {
            return usage(context, "Error: Private key handle (-k) is missing.");
        }
        if (o.handle("-w") == null) {
            return usage(context, WRAPPING_KEY_MISSING);
        }
        if (o.text("-out") == null) {
            return usage(context, "Error: Key File (-out) is missing.");
        }
        if (o.has("-m") && !"4".equals(o.text("-m"))) {
            return usage(context, "Error: Wrapping mechanism (-m) must be 4 (NIST_AES_WRAP).");
        }
        return null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        if (o.has("-wk")) {
            Optional<byte[]> der = HostUnwrap.export(o, context, call(),
                    () -> session.pairs().wrapPrivateKeyForHost(o.handle("-k"), o.handle("-w")));
            return der.isPresent() && writePem(o, context, der.get()) ? ExitStatus.SUCCESS : ExitStatus.ERROR;
        }
        HsmResult<byte[]> result = session.pairs().exportPrivateKey(o.handle("-k"), o.handle("-w"));
        KmuPrinter p = context.printer();
        if (!result.isSuccess()) {
            p.resultAndBlock(call(), result);
            return ExitStatus.ERROR;
        }
        p.result(call(), result.code());
        p.result("Cfm3UnWrapHostKey", result.code());
        return writePem(o, context, result.value()) ? ExitStatus.SUCCESS : ExitStatus.ERROR;
    }

    /** Writes the PKCS#8 as PEM and says so; both are wiped. */
    private static boolean writePem(ParsedOptions o, KmuContext context, byte[] der) {
        byte[] pem = PemKeys.privatePem(der);
        try {
            if (!KeyFiles.write(context, o.text("-out"), pem)) {
                return false;
            }
        } finally {
            Arrays.fill(der, (byte) 0);
            Arrays.fill(pem, (byte) 0);
        }
        KeyPairText.pemWritten(context.printer(), true, o.text("-out"));
        return true;
    }
}
