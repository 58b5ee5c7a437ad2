package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.shell.kmu.HexArgument;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The key-use commands of the "try the key" panel as key_mgmt_util commands for the console pane.
 * The panel keeps data and results in the window where the tool reads and writes files: the file
 * names appear as placeholders. Results print as {@code aesWrapUnwrap} prints them ({@code result
 * data:}, eight bytes a line).
 */
public final class KeyUseText {
    private static final int BYTES_PER_LINE = 8;

    private KeyUseText() {
    }

    /** {@code aesWrapUnwrap -m 1 -f <data file> -w 6 -i 0x0123456789ABCDEF -out <result file>}. */
    public static String aesWrapUnwrapCommand(long handle, boolean wrap, byte[] iv) {
        return "aesWrapUnwrap -m " + (wrap ? 1 : 0) + " -f <data file> -w " + handle
                + (iv == null ? "" : " -i 0x" + HexFormat.of().withUpperCase().formatHex(iv)) + " -out <result file>";
    }

    /** {@code sign -f <data file> -k 6 -m 22 -out <signature file>}. */
    public static String signCommand(long handle, SignMechanism mechanism) {
        return "sign -f <data file> -k " + handle + " -m " + mechanism.code() + " -out <signature file>";
    }

    /** {@code verify -f <data file> -s <signature file> -k 6 -m 22}. */
    public static String verifyCommand(long handle, SignMechanism mechanism) {
        return "verify -f <data file> -s <signature file> -k " + handle + " -m " + mechanism.code();
    }

    static ActionRecord aesWrapUnwrap(long handle, boolean wrap, byte[] iv, HsmResult<byte[]> result) {
        List<String> lines = new ArrayList<>();
        if (iv == null) {
            lines.add("Warning: IV (-i) is missing.");
            lines.add("\t 0xA6A6A6A6A6A6A6A6 is considered as default IV");
        }
        result.valueIfSuccess().ifPresent(data -> {
            lines.add("result data:");
            lines.addAll(hexLines(data));
            lines.add("");
            lines.add("result written to file <result file>");
            lines.add("");
        });
        lines.addAll(KmuText.resultLines(wrap ? "Cfm3WrapHostKey" : "Cfm3UnWrapHostKey", result));
        return new ActionRecord(ActionRecord.KMU, aesWrapUnwrapCommand(handle, wrap, iv), lines);
    }

    static ActionRecord sign(long handle, SignMechanism mechanism, HsmResult<byte[]> result) {
        List<String> lines = new ArrayList<>();
        lines.add(KmuText.returnedLine("Cfm3Sign", result.code()));
        if (result.isSuccess()) {
            lines.add("");
            lines.add("signature is written to file <signature file>");
        }
        if (!result.nodes().isEmpty()) {
            lines.add("");
            lines.addAll(KmuText.clusterBlock(result.nodes()));
        }
        return new ActionRecord(ActionRecord.KMU, signCommand(handle, mechanism), lines);
    }

    static ActionRecord verify(long handle, SignMechanism mechanism, HsmResult<Void> result) {
        List<String> lines = new ArrayList<>();
        if (result.isSuccess()) {
            lines.add("Signature verification successful");
            lines.add("");
        }
        lines.addAll(KmuText.resultLines("Cfm3Verify", result));
        return new ActionRecord(ActionRecord.KMU, verifyCommand(handle, mechanism), lines);
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
