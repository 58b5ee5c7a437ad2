package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.HexArgument;
import io.hsmconsole.text.KeyUseText;
import io.hsmconsole.text.KmuPrinter;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code aesWrapUnwrap -m 1|0 -f <file> -w <AES key> [-i <IV>] [-out <file>]}: NIST AES key wrap
 * (RFC 3394, after PKCS #5 padding: a 24-byte key file wraps to 40 bytes) of a host file by an AES key
 * inside the HSM, printed as {@code result data:} and written to the output file, as the AWS page
 * shows. The HSM decides whether the key may wrap or unwrap. A failure writes no file (the page's tool
 * leaves an empty one): nothing half-written.
 */
final class AesWrapUnwrapCommand extends SessionCommand {
    /** The tool wraps files "that contain less than 4 KB (4096 bytes) of data" (AWS page). */
    static final int MAX_FILE_BYTES = 4095;
    /**
     * What unwrap reads: the wrapped form of the largest file wrap takes (PKCS #5 padding to a multiple
     * of 8, then RFC 3394's 8-byte block), so whatever wrap wrote unwraps again.
     */
    static final int MAX_WRAPPED_BYTES = (MAX_FILE_BYTES / 8 + 1) * 8 + 8;

    private static final String HELP = HelpText.of("Does NIST AES Wrap/Unwrap (RFC 3394) of a file"
                    + " with an AES key in the HSM.",
            "aesWrapUnwrap -h -m <wrap-unwrap mode> -f <file-to-wrap-unwrap> -w <wrapping-key-handle>\n"
                    + "\t\t\t[-i <wrapping-IV>] [-out <output-file>]", """
            -h    displays this information
                   -m    specifies the mode: 1 = wrap (encrypt), 0 = unwrap (decrypt)
                   -f    specifies the file to wrap (less than 4096 bytes) or unwrap (at most
                         4104 bytes, what wrap makes of 4095); a wrap pads it with PKCS #5 to a
                         multiple of 8 bytes first
                   -w    specifies the handle of the AES key that wraps (OBJ_ATTR_WRAP = 1) or
                         unwraps (OBJ_ATTR_UNWRAP = 1)
                   -i    specifies the initial value, 8 bytes in hex (default 0xA6A6A6A6A6A6A6A6)
                   -out  specifies the output file (default wrapped_key or unwrapped_key)""");

    @Override
    public String name() {
        return "aesWrapUnwrap";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.valued("-m", "-f", "-w", "-i", "-out");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    String call() {
        return "Cfm3WrapHostKey";
    }

    @Override
    String call(ParsedOptions o) {
        return KeyUseText.aesWrapUnwrapCall(wrap(o));
    }

    private static boolean wrap(ParsedOptions o) {
        return "1".equals(o.text("-m"));
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        Integer mode = o.integer("-m");
        if (mode == null) {
            return usage(context, "Error: Wrap/Unwrap mode (-m) is missing.");
        }
        if (mode != 0 && mode != 1) {
            return usage(context, "Error: Wrap/Unwrap mode (-m) must be 1 (wrap) or 0 (unwrap).");
        }
        if (o.text("-f") == null) {
            return usage(context, "Error: File to wrap/unwrap (-f) is missing.");
        }
        if (o.handle("-w") == null) {
            return usage(context, WRAPPING_KEY_MISSING);
        }
        if (o.has("-i") && HexArgument.parse(o.text("-i")).isEmpty()) {
            return usage(context, "Error: IV (-i) must be whole bytes in hex, e.g. 0xA6A6A6A6A6A6A6A6 (8 bytes); '"
                    + o.text("-i") + "' is not.");
        }
        if (!o.has("-i")) {
            // The tool warns while it reads the arguments, before it reaches the HSM (AWS page).
            KeyUseText.defaultIvWarning(context.printer());
        }
        return null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        KmuPrinter p = context.printer();
        Optional<byte[]> data = KeyFiles.read(context, o.text("-f"), "file");
        if (data.isEmpty()) {
            return ExitStatus.ERROR;
        }
        try {
            int max = wrap(o) ? MAX_FILE_BYTES : MAX_WRAPPED_BYTES;
            if (data.get().length > max) {
                p.error("Error: " + o.text("-f") + " holds " + data.get().length + " bytes; aesWrapUnwrap " + (wrap(o)
                        ? "wraps files of less than " + (MAX_FILE_BYTES + 1) + " bytes."
                        : "unwraps files of at most " + MAX_WRAPPED_BYTES + " bytes (a wrapped file of less than "
                        + (MAX_FILE_BYTES + 1) + " bytes)."));
                return ExitStatus.ERROR;
            }
            byte[] iv = o.has("-i") ? HexArgument.parse(o.text("-i")).orElseThrow() : null;
            HsmResult<byte[]> result = session.crypto().aesWrapUnwrap(o.handle("-w"), wrap(o), data.get(), iv);
            return print(o, result, context);
        } finally {
            Arrays.fill(data.get(), (byte) 0);
        }
    }

    /** The answer as KeyUseText writes it; the result bytes are wiped afterwards (they may be a key). */
    private ExitStatus print(ParsedOptions o, HsmResult<byte[]> result, KmuContext context) {
        if (!result.isSuccess()) {
            KeyUseText.aesWrapUnwrap(context.printer(), wrap(o), result, null, false);
            return ExitStatus.ERROR;
        }
        byte[] output = result.value();
        try {
            KeyUseText.resultData(context.printer(), output);
            String file = o.has("-out") ? o.text("-out") : wrap(o) ? "wrapped_key" : "unwrapped_key";
            boolean written = KeyFiles.write(context, file, output, "output file");
            KeyUseText.resultWritten(context.printer(), wrap(o), result, file, written);
            return ExitStatus.of(written);
        } finally {
            Arrays.fill(output, (byte) 0);
        }
    }
}
