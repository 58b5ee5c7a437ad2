package io.hsmconsole.ui.keylist;

import io.hsmconsole.controller.KeyRow;

/**
 * A key list row plus the lower-case text of its visible columns, joined: the filter searches
 * that one string, so a keystroke over 100,000 keys costs one {@code contains} per key instead of
 * formatting a dozen columns each time. The separator cannot be typed, so no match spans columns.
 */
public final class KeyListItem {
    static final char SEPARATOR = '\u0001';

    private final KeyRow row;
    private String haystack;

    KeyListItem(KeyRow row, String haystack) {
        this.row = row;
        this.haystack = haystack;
    }

    public KeyRow row() {
        return row;
    }

    String haystack() {
        return haystack;
    }

    void haystack(String text) {
        this.haystack = text;
    }
}
