package io.hsmconsole.hsm.key;

/** Label and ID rules: KMU splits on whitespace, so neither can hold any; lengths as CloudHSM CLI allows. */
public final class KeyNaming {
    public static final int MAX_LABEL = 127;
    public static final int MAX_ID = 127;

    private KeyNaming() {
    }

    public static boolean isValidLabel(String label) {
        return label != null && !label.isEmpty() && label.length() <= MAX_LABEL && noWhitespace(label);
    }

    public static boolean isValidId(String id) {
        return id != null && id.length() <= MAX_ID && noWhitespace(id);
    }

    private static boolean noWhitespace(String s) {
        return s.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }
}
