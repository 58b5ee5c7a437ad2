package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.UserRef;
import io.hsmconsole.hsm.key.KeyType;

import java.util.List;

/**
 * The form exactly as typed: raw texts for the numeric fields, so that a half-typed or wrong value
 * is still shown in the command preview and explained, rather than silently dropped.
 */
record KeyGenForm(KeyType type, String size, String label, String id, boolean nonExtractable, boolean session,
                  String minSrv, String timeout, int mValue, List<UserRef> shareWith, boolean attest) {

    KeyGenForm {
        size = trim(size);
        label = label == null ? "" : label;
        id = id == null ? "" : id;
        minSrv = trim(minSrv);
        timeout = trim(timeout);
        shareWith = List.copyOf(shareWith);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
