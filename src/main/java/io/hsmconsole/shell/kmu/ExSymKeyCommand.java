package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.WrapMechanism;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KmuPrinter;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code exSymKey -k <key> -w <wrapping key> -out <file>}: the HSM wraps the key, the tool unwraps it
 * on the host and writes the plaintext (as KMU does, despite the message's wording). Only the owner
 * of an extractable key may export it. With {@code -wk <file>} (the wrapping key's material, kept by
 * the user) only the wrap happens in the HSM; the tool unwraps with the file's key.
 */
final class ExSymKeyCommand extends SessionCommand {
    private static final String HELP = HelpText.of("Exports a symmetric key from the HSM in plaintext (wrapped with an"
                    + " AES key, then unwrapped on the host).",
            "exSymKey -h -k <key to export> -w <wrapping key handle> -out <key file> [-m 4]"
                    + " [-wk <unwrapping key file>]", """
            -h    displays this information
                   -k    specifies the handle of the key to export
                   -w    specifies the handle of the AES wrapping key
                   -out  specifies the file to write the plaintext key to
                   -m    specifies the wrapping mechanism: 4 = NIST_AES_WRAP (the only one)
                   -wk   specifies a file with the wrapping key's material (16, 24 or 32 bytes): the
                         tool unwraps on the host with it instead of asking the HSM""");

    @Override
    public String name() {
        return "exSymKey";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.valued("-k", "-w", "-out", "-m", "-wk");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    String call() {
        return "Cfm3WrapKey";
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        if (o.handle("-k") == null) {
            return usage(context, "Error: Handle of key to export (-k) is missing.");
        }
        if (o.handle("-w") == null) {
            return usage(context, WRAPPING_KEY_MISSING);
        }
        if (o.text("-out") == null) {
            return usage(context, "Error: Key File (-out) is missing.");
        }
        if (o.has("-m") && !"4".equals(o.text("-m"))) {
            context.printer().out().print(HELP);
            return ExitStatus.USAGE;
        }
        return null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        if (o.has("-wk")) {
            return exportWithHostKey(o, session, context);
        }
        HsmResult<byte[]> result = session.transfers().exportKey(o.handle("-k"), o.handle("-w"));
        KmuPrinter p = context.printer();
        p.result(call(), result.code());
        if (!result.isSuccess()) {
            p.clusterBlock(result.nodes());
            return ExitStatus.ERROR;
        }
        byte[] plaintext = result.value();
        try {
            p.result("Cfm3UnWrapHostKey", result.code());
            if (!KeyFiles.write(context, o.text("-out"), plaintext)) {
                return ExitStatus.ERROR;
            }
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        p.out().printf("%n%nWrapped Symmetric Key written to file \"%s\"%n", o.text("-out"));
        return ExitStatus.SUCCESS;
    }

    /** {@code -wk}: the HSM only wraps; the tool unwraps with the key in the file. */
    private ExitStatus exportWithHostKey(ParsedOptions o, HsmSession session, KmuContext context) {
        Optional<byte[]> plaintext = HostUnwrap.export(o, context, call(), () -> session.transfers().wrapKey(
                o.handle("-k"), o.handle("-w"), WrapMechanism.NIST_AES_WRAP_PAD.code()));
        if (plaintext.isEmpty()) {
            return ExitStatus.ERROR;
        }
        try {
            if (!KeyFiles.write(context, o.text("-out"), plaintext.get())) {
                return ExitStatus.ERROR;
            }
        } finally {
            Arrays.fill(plaintext.get(), (byte) 0);
        }
        context.printer().out().printf("%n%nWrapped Symmetric Key written to file \"%s\"%n", o.text("-out"));
        return ExitStatus.SUCCESS;
    }
}
