package io.hsmconsole.text;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.KeyNaming;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How KMU writes attribute values into its {@code -out} files: one line with the OBJ_ATTR name,
 * one with the value. Shared with the console's "Save as KMU attribute file".
 */
public final class AttributeText {
    /**
     * Bytes one attribute takes in the tool's "got all attributes of size N": a 24-byte header plus
     * the value (1 byte per boolean or enum, 4 for VALUE_LEN, 3 for the KCV, text as UTF-8). AWS
     * does not document the formula; this one reproduces the seed's {@code size 444} for 3DES_shared.
     */
    private static final int HEADER_BYTES = 24;

    private AttributeText() {
    }

    /** {@code -a 512}: booleans and enums as one byte, VALUE_LEN as four, the KCV as three. */
    public static String dumpValue(AttributeValue v) {
        return switch (v.attribute().kind()) {
            case BOOLEAN, BYTE -> String.format("0x%02x", v.number());
            case INT32 -> String.format("0x%08x", v.number());
            case KCV -> String.format("0x%06x", v.number());
            case TEXT -> text(v);
        };
    }

    /** A text attribute as KMU prints it; an ID that is not printable as its bytes in hex (KeyNaming.shownId). */
    private static String text(AttributeValue v) {
        return v.attribute() == Attribute.ID ? KeyNaming.shownId(v.text()) : v.text();
    }

    /** A single attribute ({@code -a N}): integers as 8 hex digits, the KCV and text as they are. */
    public static String singleValue(AttributeValue v) {
        return switch (v.attribute().kind()) {
            case BOOLEAN, BYTE, INT32 -> String.format("0x%08x", v.number());
            case KCV -> String.format("0x%06x", v.number());
            case TEXT -> text(v);
        };
    }

    /** The whole {@code -a 512} file. */
    public static String dump(List<AttributeValue> values) {
        StringBuilder file = new StringBuilder();
        for (AttributeValue v : values) {
            file.append(v.attribute().kmuName()).append('\n').append(dumpValue(v)).append('\n');
        }
        return file.toString();
    }

    public static int sizeBytes(List<AttributeValue> values) {
        int size = 0;
        for (AttributeValue v : values) {
            size += HEADER_BYTES + switch (v.attribute().kind()) {
                case BOOLEAN, BYTE -> 1;
                case INT32 -> 4;
                case KCV -> 3;
                case TEXT -> v.text().getBytes(StandardCharsets.UTF_8).length;
            };
        }
        return size;
    }

    /** getAttribute {@code -a 512 -out}'s report once the file is written (the result line follows). */
    public static void dumpedAll(KmuPrinter p, List<AttributeValue> values, String file) {
        p.out().printf("%ngot all attributes of size %d attr cnt %d%n", sizeBytes(values), values.size());
        dumpedInto(p, file);
    }

    /** getAttribute {@code -a <one> -out}'s report once the file is written (the result line follows). */
    public static void dumpedOne(KmuPrinter p, String file) {
        p.out().println();
        dumpedInto(p, file);
    }

    private static void dumpedInto(KmuPrinter p, String file) {
        p.out().printf("Attributes dumped into %s file%n", file);
    }
}
