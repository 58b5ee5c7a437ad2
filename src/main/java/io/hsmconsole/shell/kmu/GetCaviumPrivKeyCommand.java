package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.FakePem;
import io.hsmconsole.text.KeyPairText;
import io.hsmconsole.text.KmuPrinter;

/**
 * {@code getCaviumPrivKey -k <private key handle> -out <fake PEM file>}
 * (key_mgmt_util-getCaviumPrivKey.md): a fake PEM that references an RSA private key in the HSM by
 * handle, for SSL/TLS offload; it holds no private key material ({@link FakePem}). The page prints
 * the file line, then the call's result, and no cluster block.
 */
final class GetCaviumPrivKeyCommand extends DescribedCommand {
    private static final String HELP = HelpText.of("Saves an RSA private key handle in fake PEM format.",
            "getCaviumPrivKey -h -k <private key handle> -out <fake PEM file>", """
            -h    displays this information
                   -k    specifies the handle of the RSA private key
                   -out  specifies the file to write the fake PEM to""");

    GetCaviumPrivKeyCommand() {
        super("getCaviumPrivKey", "getCaviumPrivKey", OptionSpec.valued("-k", "-out"), HELP);
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        if (o.handle("-k") == null) {
            return usage(context, "Error: Private key handle (-k) is missing.");
        }
        return o.text("-out") == null ? usage(context, "Error: Fake PEM file (-out) is missing.") : null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        HsmResult<byte[]> result = session.pairs().rsaPrivateKeyReference(o.handle("-k"));
        KmuPrinter p = context.printer();
        if (!result.isSuccess()) {
            p.result(call(), result.code());
            return ExitStatus.ERROR;
        }
        if (!KeyFiles.write(context, o.text("-out"), FakePem.write(result.value(), o.handle("-k")))) {
            return ExitStatus.ERROR;
        }
        KeyPairText.fakePemWritten(p, o.text("-out"));
        p.result(call(), result.code());
        return ExitStatus.SUCCESS;
    }
}
