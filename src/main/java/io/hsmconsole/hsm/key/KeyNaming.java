package io.hsmconsole.hsm.key;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Label and ID rules. A label holds no whitespace (KMU splits on it) and is 1 to 127 characters, as
 * CloudHSM CLI allows. An ID is what PKCS#11 calls CKA_ID, a byte string on a real CloudHSM
 * (p11tool names a key with a random 20-byte ID, pkcs11-tool with {@code --id 01}): any characters,
 * each PKCS#11 byte one character (ISO-8859-1), at most 127 of them; KMU's command line simply
 * cannot type the ones it splits on.
 */
public final class KeyNaming {
    public static final int MAX_LABEL = 127;
    public static final int MAX_ID = 127;

    private KeyNaming() {
    }

    public static boolean isValidLabel(String label) {
        return label != null && !label.isEmpty() && label.length() <= MAX_LABEL && noWhitespace(label);
    }

    public static boolean isValidId(String id) {
        return id != null && id.length() <= MAX_ID;
    }

    /**
     * An ID as text shows it (KMU's getAttribute, the audit log, CloudHSM CLI, the console): as it is
     * when every character is printable and no space, as KMU prints OBJ_ATTR_ID; otherwise its bytes
     * as {@code 0x} and hex digits, since AWS documents no form for a binary ID (docs/pkcs11.md).
     */
    public static String shownId(String id) {
        if (id == null || noWhitespace(id)) {
            return id;
        }
        boolean oneBytePerCharacter = id.chars().allMatch(c -> c <= 0xff);
        byte[] bytes = id.getBytes(oneBytePerCharacter ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    private static boolean noWhitespace(String s) {
        return s.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }
}
