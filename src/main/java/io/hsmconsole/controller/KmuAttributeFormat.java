package io.hsmconsole.controller;

import io.hsmconsole.hsm.key.AttributeValue;

import java.util.List;

/**
 * How {@code getAttribute -o H -a 512 -out FILE} writes attributes (kmu-reference §5.1): the
 * constant's name on one line, its value on the next; booleans and one-byte enums as {@code 0x01},
 * lengths as eight hex digits, the KCV as three bytes, labels and IDs as raw text (an empty ID is
 * an empty line).
 *
 * <p>Interim home: the key_mgmt_util shell (branch {@code shells}) owns this format once it lands;
 * the inspector should then call its formatter instead of this class.
 */
public final class KmuAttributeFormat {
    private KmuAttributeFormat() {
    }

    /** One value as KMU writes it in an {@code -a 512} dump. */
    public static String value(AttributeValue v) {
        return switch (v.attribute().kind()) {
            case TEXT -> v.text() == null ? "" : v.text();
            case INT32 -> String.format("0x%08x", v.number());
            case KCV -> String.format("0x%06x", v.number());
            case BOOLEAN, BYTE -> String.format("0x%02x", v.number());
        };
    }

    /** The file's whole text: name line, value line, for each attribute in the order given. */
    public static String dump(List<AttributeValue> values) {
        StringBuilder out = new StringBuilder();
        for (AttributeValue v : values) {
            out.append(v.attribute().kmuName()).append('\n').append(value(v)).append('\n');
        }
        return out.toString();
    }
}
