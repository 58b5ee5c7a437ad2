package io.hsmconsole.ui.common;

/**
 * A line a screen shows after an action: what happened, or why it was refused (then with the HSM
 * return code in {@code codeLine}). {@link #NONE} shows nothing.
 */
public record Notice(String text, String codeLine, boolean error) {
    public static final Notice NONE = new Notice("", "", false);

    public static Notice info(String text) {
        return new Notice(text, "", false);
    }

    public static Notice error(String text, String codeLine) {
        return new Notice(text, codeLine, true);
    }

    /** The whole notice as one line, e.g. for a label or an assertion. */
    public String fullText() {
        return codeLine.isEmpty() ? text : text + " " + codeLine;
    }
}
