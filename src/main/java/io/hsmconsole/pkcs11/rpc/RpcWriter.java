package io.hsmconsole.pkcs11.rpc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Builds one response body in p11-kit's encoding: the call number, its signature, then the values. */
public final class RpcWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    /** A response to {@code call}: its number and response signature come first. */
    public static RpcWriter response(RpcCall call) {
        RpcWriter w = new RpcWriter();
        w.u32(call.id());
        w.byteArray(call.responseSignature().getBytes(StandardCharsets.US_ASCII));
        return w;
    }

    /** The answer for a refused call: the ERROR call carrying the CK_RV. */
    public static byte[] error(long ckr) {
        return response(RpcCall.ERROR).ulong(ckr).toBytes();
    }

    public RpcWriter byteValue(int v) {
        out.write(v);
        return this;
    }

    public RpcWriter u32(long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
        return this;
    }

    public RpcWriter ulong(long v) {
        u32(v >>> 32);
        return u32(v & 0xffffffffL);
    }

    public RpcWriter byteArray(byte[] bytes) {
        if (bytes == null) {
            return u32(0xffffffffL);
        }
        u32(bytes.length);
        out.write(bytes, 0, bytes.length);
        return this;
    }

    /** "s": a fixed-width field, space padded (or cut) to {@code width} bytes. */
    public RpcWriter spaceString(String text, int width) {
        byte[] field = new byte[width];
        Arrays.fill(field, (byte) ' ');
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(raw, 0, field, 0, Math.min(raw.length, width));
        return byteArray(field);
    }

    /** "v": a CK_VERSION. */
    public RpcWriter version(int major, int minor) {
        return byteValue(major).byteValue(minor);
    }

    /** "ay" with data. */
    public RpcWriter presentByteArray(byte[] bytes) {
        return byteValue(1).byteArray(bytes);
    }

    /** "ay" without data: only the length the caller needs (its buffer was too small or absent). */
    public RpcWriter byteArrayLength(long length) {
        return byteValue(0).u32(length);
    }

    /** "au" with data. */
    public RpcWriter ulongArray(List<Long> values) {
        byteValue(1).u32(values.size());
        values.forEach(this::ulong);
        return this;
    }

    /** "au" without data: only how many there are. */
    public RpcWriter ulongArrayLength(long count) {
        return byteValue(0).u32(count);
    }

    /** One attribute of an "aA" answer. */
    public RpcWriter attribute(AttributeAnswer a) {
        u32(a.type());
        if (!a.valid()) {
            return byteValue(0);
        }
        byteValue(1).u32(a.length());
        switch (AttrKind.of(a.type())) {
            case BYTE -> byteValue((int) a.number());
            case ULONG -> ulong(a.number());
            case ATTRIBUTE_ARRAY, MECHANISM_ARRAY -> u32(0);
            case DATE, BYTE_ARRAY -> byteArray(a.bytes());
        }
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    /**
     * An attribute value as answered: invalid (CK_UNAVAILABLE_INFORMATION), a size only
     * ({@code bytes} null for arrays), or a value with its length.
     */
    public record AttributeAnswer(long type, boolean valid, long length, long number, byte[] bytes) {
        public static AttributeAnswer unavailable(long type) {
            return new AttributeAnswer(type, false, 0, 0, null);
        }
    }
}
