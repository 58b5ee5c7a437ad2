package io.hsmconsole.ui.common;

/**
 * A line a screen shows after an action: what happened, or why it was refused (then with the HSM
 * return code in {@code codeLine}). A done action that leaves the cluster worse off (a node offline,
 * its firmware tampered with) is a warning, not good news. {@link #NONE} shows nothing.
 */
public record Notice(String text, String codeLine, Kind kind) {
    /** How the notice reads: done, done but degrading, or refused/failed. */
    public enum Kind { INFO, WARNING, ERROR }

    public static final Notice NONE = new Notice("", "", Kind.INFO);

    public static Notice info(String text) {
        return new Notice(text, "", Kind.INFO);
    }

    public static Notice warning(String text) {
        return new Notice(text, "", Kind.WARNING);
    }

    public static Notice error(String text, String codeLine) {
        return new Notice(text, codeLine, Kind.ERROR);
    }

    public boolean error() {
        return kind == Kind.ERROR;
    }

    /** The whole notice as one line, e.g. for a label or an assertion: the sentence ends before the code. */
    public String fullText() {
        if (codeLine.isEmpty()) {
            return text;
        }
        boolean ended = text.isEmpty() || ".!?:)\u201d".indexOf(text.charAt(text.length() - 1)) >= 0;
        return text + (ended ? " " : ". ") + codeLine;
    }
}
