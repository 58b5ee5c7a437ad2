package io.hsmconsole.pkcs11.rpc;

import java.util.List;

/**
 * One attribute of a template as it came off the wire. {@code number} holds BYTE and ULONG values,
 * {@code bytes} byte arrays and dates (null when the peer sent none), {@code nested} a wrap or unwrap
 * template, {@code mechanisms} CKA_ALLOWED_MECHANISMS. {@code valid} is false when the peer marked the
 * value as unavailable.
 */
public record Attr(long type, boolean valid, long number, byte[] bytes, List<Attr> nested, long[] mechanisms) {

    public Attr {
        nested = nested == null ? List.of() : List.copyOf(nested);
    }

    public static Attr ofNumber(long type, long number) {
        return new Attr(type, true, number, null, List.of(), null);
    }

    public static Attr ofBytes(long type, byte[] bytes) {
        return new Attr(type, true, 0, bytes, List.of(), null);
    }

    public static Attr ofBool(long type, boolean value) {
        return ofNumber(type, value ? 1 : 0);
    }

    public AttrKind kind() {
        return AttrKind.of(type);
    }

    /**
     * A CK_BBOOL value: a non-zero byte is true. Booleans p11-kit's table does not know (such as
     * CKA_DESTROYABLE) arrive as a one-byte array.
     */
    public boolean isTrue() {
        if (bytes != null) {
            return bytes.length == 1 && bytes[0] != 0;
        }
        return number != 0;
    }
}
