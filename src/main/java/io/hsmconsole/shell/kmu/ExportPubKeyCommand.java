package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyPairText;
import io.hsmconsole.text.KmuPrinter;

/** {@code exportPubKey -k <public key handle> -out <key file>}: the public key as PEM (key_mgmt_util-exportPubKey.md). */
final class ExportPubKeyCommand extends DescribedCommand {
    private static final String HELP = HelpText.of("Exports an RSA/EC public key in PEM format.",
            "exportPubKey -h -k <public key handle> -out <key file>", """
            -h    displays this information
                   -k    specifies the handle of the public key to export
                   -out  specifies the file to write the PEM public key to""");

    ExportPubKeyCommand() {
        super("exportPubKey", "Cfm3ExportPubKey", OptionSpec.valued("-k", "-out"), HELP);
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        if (o.handle("-k") == null) {
            return usage(context, "Error: Public key handle (-k) is missing.");
        }
        return o.text("-out") == null ? usage(context, "Error: Key File (-out) is missing.") : null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        HsmResult<byte[]> result = session.pairs().exportPublicKey(o.handle("-k"));
        KmuPrinter p = context.printer();
        if (!result.isSuccess()) {
            p.resultAndBlock(call(), result);
            return ExitStatus.ERROR;
        }
        if (!KeyFiles.write(context, o.text("-out"), PemKeys.publicPem(result.value()))) {
            return ExitStatus.ERROR;
        }
        KeyPairText.pemWritten(p, false, o.text("-out"));
        p.result(call(), result.code());
        return ExitStatus.SUCCESS;
    }
}
