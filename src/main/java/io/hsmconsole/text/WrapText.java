package io.hsmconsole.text;

/** What wrapKey prints once the wrapped key is in its file (key_mgmt_util-wrapKey.md). */
public final class WrapText {
    public static final String WRAPPED = "Key Wrapped.";

    private WrapText() {
    }

    /**
     * {@code Wrapped Key written to file "3DES-encrypted.key length 307}: the page prints the opening
     * quote and no closing one, and so do we.
     */
    public static String written(String file, int length) {
        return "Wrapped Key written to file \"" + file + " length " + length;
    }
}
