package io.hsmconsole.hsm.audit;

/** How much of a user name and of a command's arguments one audit record keeps. */
public final class AuditBounds {
    /** Twice a user name's longest valid length (31): a longer one was refused anyway. */
    public static final int MAX_USER_NAME = 64;
    /** Room for every option of a valid command (a 127-character label, an ID, a list of users, a file name). */
    public static final int MAX_ARGUMENTS = 1_024;

    private AuditBounds() {
    }

    /**
     * {@code text} when it fits; else its first {@code max} characters (never half a surrogate pair)
     * and a note of how long it was, e.g. {@code …[cut: 1048576 characters in all]}.
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…[cut: " + text.length() + " characters in all]";
    }
}
