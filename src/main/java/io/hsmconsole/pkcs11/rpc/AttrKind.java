package io.hsmconsole.pkcs11.rpc;

import java.util.HashMap;
import java.util.Map;

/**
 * How p11-kit carries an attribute's value on the wire, decided by the attribute type alone: both
 * ends must use the same table, so this is p11-kit 0.24.1's (note that CKA_DESTROYABLE is not in
 * it and so travels as a byte array). Types the table does not know travel as byte arrays.
 */
public enum AttrKind {
    /** One byte: CK_BBOOL attributes. */
    BYTE,
    /** Eight bytes, big-endian: CK_ULONG attributes. */
    ULONG,
    /** A count and nested attributes: the wrap and unwrap templates. */
    ATTRIBUTE_ARRAY,
    /** A count and eight-byte mechanism numbers: CKA_ALLOWED_MECHANISMS. */
    MECHANISM_ARRAY,
    /** A byte array of 0 or 8 bytes: CK_DATE. */
    DATE,
    /** A length-prefixed byte array (or absent): everything else. */
    BYTE_ARRAY;

    private static final Map<Long, AttrKind> TABLE = new HashMap<>();

    static {
        long[] bytes = {0x1, 0x2, 0x86, 0x103, 0x104, 0x105, 0x106, 0x107, 0x108, 0x109, 0x10A, 0x10B, 0x10C,
            0x162, 0x163, 0x164, 0x165, 0x170, 0x171, 0x200, 0x202, 0x210, 0x301, 0x302, 0x405};
        long[] ulongs = {0x0, 0x80, 0x87, 0x88, 0x100, 0x121, 0x133, 0x134, 0x160, 0x161, 0x166, 0x201, 0x300,
            0x400, 0x401, 0x402, 0x403, 0x404, 0x406, 0x500};
        for (long t : bytes) {
            TABLE.put(t, BYTE);
        }
        for (long t : ulongs) {
            TABLE.put(t, ULONG);
        }
        TABLE.put(0x40000211L, ATTRIBUTE_ARRAY);
        TABLE.put(0x40000212L, ATTRIBUTE_ARRAY);
        TABLE.put(0x40000600L, MECHANISM_ARRAY);
        TABLE.put(0x110L, DATE);
        TABLE.put(0x111L, DATE);
    }

    public static AttrKind of(long type) {
        return TABLE.getOrDefault(type, BYTE_ARRAY);
    }
}
