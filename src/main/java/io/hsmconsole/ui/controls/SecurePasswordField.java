package io.hsmconsole.ui.controls;

import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.Arrays;

/**
 * A password field that keeps what is typed in a char array it can wipe, never in a String: the
 * control's own text only ever holds mask characters. Copy, cut, undo and the context menu are off,
 * so the password cannot leak to the clipboard or fall out of step with the masks.
 */
public final class SecurePasswordField extends TextField {
    private static final char MASK = '\u25cf';
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO_ALT = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private char[] buffer = new char[32];
    private int length;

    public SecurePasswordField() {
        getStyleClass().add("password-field");
        setAccessibleRole(AccessibleRole.PASSWORD_FIELD);
        // Undo/redo restore the control's text without passing through replaceText, which would put
        // masks and buffer out of step; the context menu offers them too. Both are switched off.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e) || REDO.match(e) || REDO_ALT.match(e)) {
                e.consume();
            }
        });
        addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, ContextMenuEvent::consume);
    }

    @Override
    public void replaceText(int start, int end, String text) {
        int removed = end - start;
        int added = text.length();
        ensureCapacity(length - removed + added);
        System.arraycopy(buffer, end, buffer, start + added, length - end);
        text.getChars(0, added, buffer, start);
        int newLength = length - removed + added;
        Arrays.fill(buffer, newLength, Math.max(newLength, length), '\0');
        length = newLength;
        super.replaceText(start, end, String.valueOf(MASK).repeat(added));
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            char[] bigger = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
            Arrays.fill(buffer, '\0');
            buffer = bigger;
        }
    }

    /** A copy of the password; the caller wipes it after use. */
    public char[] password() {
        return Arrays.copyOf(buffer, length);
    }

    /** Overwrites the password and empties the field. */
    public void wipe() {
        Arrays.fill(buffer, '\0');
        length = 0;
        setText("");
    }

    @Override
    public void cut() {
    }

    @Override
    public void copy() {
    }


    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return attribute == AccessibleAttribute.TEXT ? null : super.queryAccessibleAttribute(attribute, parameters);
    }
}
