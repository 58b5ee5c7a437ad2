package io.hsmconsole.text;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.SignMechanism;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The key-use commands (aesWrapUnwrap, sign, verify): their command lines as the console's "try the
 * key" panel shows them, and what key_mgmt_util prints for their results (the AWS pages). The
 * panel keeps data and results in the window where the tool reads and writes files: there the file
 * names are placeholders.
 */
public final class KeyUseText {
    /** aesWrapUnwrap prints its result eight bytes a line. */
    private static final int BYTES_PER_LINE = 8;
    /** The panel's stand-ins for the files the tool would read and write. */
    public static final String DATA_FILE = "<data file>";
    public static final String RESULT_FILE = "<result file>";
    public static final String SIGNATURE_FILE = "<signature file>";

    private KeyUseText() {
    }

    /** {@code aesWrapUnwrap -m 1 -f <data file> -w 6 -i 0x0123456789ABCDEF -out <result file>}. */
    public static String aesWrapUnwrapCommand(long handle, boolean wrap, byte[] iv) {
        return "aesWrapUnwrap -m " + (wrap ? 1 : 0) + " -f " + DATA_FILE + " -w " + handle
                + (iv == null ? "" : " -i 0x" + HexFormat.of().withUpperCase().formatHex(iv)) + " -out " + RESULT_FILE;
    }

    /** {@code sign -f <data file> -k 6 -m 22 -out <signature file>}. */
    public static String signCommand(long handle, SignMechanism mechanism) {
        return "sign -f " + DATA_FILE + " -k " + handle + " -m " + mechanism.code() + " -out " + SIGNATURE_FILE;
    }

    /** {@code verify -f <data file> -s <signature file> -k 6 -m 22}. */
    public static String verifyCommand(long handle, SignMechanism mechanism) {
        return "verify -f " + DATA_FILE + " -s " + SIGNATURE_FILE + " -k " + handle + " -m " + mechanism.code();
    }

    /** aesWrapUnwrap's call: {@code Cfm3WrapHostKey} or {@code Cfm3UnWrapHostKey}. */
    public static String aesWrapUnwrapCall(boolean wrap) {
        return wrap ? "Cfm3WrapHostKey" : "Cfm3UnWrapHostKey";
    }

    /** What aesWrapUnwrap warns while it reads its arguments when {@code -i} is not given (AWS page). */
    public static void defaultIvWarning(KmuPrinter p) {
        p.line("Warning: IV (-i) is missing.");
        p.out().printf("\t\t 0xA6A6A6A6A6A6A6A6 is considered as default IV%n");
    }

    /**
     * aesWrapUnwrap's answer: {@code result data:} in lines of eight bytes, where it was written (when
     * it was), then the result line without a cluster block (AWS page); a refusal prints the block.
     */
    public static void aesWrapUnwrap(KmuPrinter p, boolean wrap, HsmResult<byte[]> result, String file,
                                     boolean written) {
        if (!result.isSuccess()) {
            p.resultAndBlock(aesWrapUnwrapCall(wrap), result);
            return;
        }
        resultData(p, result.value());
        resultWritten(p, wrap, result, file, written);
    }

    /** {@code result data:} and the bytes, eight a line: printed before the tool writes its file. */
    public static void resultData(KmuPrinter p, byte[] data) {
        p.out().println("result data:");
        hexLines(data).forEach(p.out()::println);
    }

    /** After the file: where the result went (when it was written) and the result line. */
    public static void resultWritten(KmuPrinter p, boolean wrap, HsmResult<byte[]> result, String file,
                                     boolean written) {
        if (written) {
            p.out().printf("%nresult written to file %s%n", file);
        }
        p.result(aesWrapUnwrapCall(wrap), result.code());
    }

    /** sign's answer: the result line, where the signature went (when written), the cluster block. */
    public static void sign(KmuPrinter p, HsmResult<byte[]> result, String file, boolean written) {
        p.result("Cfm3Sign", result.code());
        if (written) {
            p.line("signature is written to file " + file);
        }
        p.clusterBlock(result.nodes());
    }

    /** verify's answer: on success the verdict, then the result line and no cluster block (AWS page). */
    public static void verify(KmuPrinter p, HsmResult<Void> result) {
        if (!result.isSuccess()) {
            p.resultAndBlock("Cfm3Verify", result);
            return;
        }
        p.line("Signature verification successful");
        p.result("Cfm3Verify", result.code());
    }

    /** {@code 6E 3F 9F C1 5E BE E4 16}, one line per eight bytes, as aesWrapUnwrap prints them. */
    public static List<String> hexLines(byte[] data) {
        return HexArgument.lines(data, BYTES_PER_LINE);
    }

    /**
     * Typed hex as key_mgmt_util reads it ({@code 0x} allowed), spaces and line breaks ignored; empty
     * text is no bytes. Empty when the text is not whole bytes in hex.
     */
    public static Optional<byte[]> parseHex(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("\\s+", "");
        return digits.isEmpty() ? Optional.of(new byte[0]) : HexArgument.parse(digits);
    }
}
