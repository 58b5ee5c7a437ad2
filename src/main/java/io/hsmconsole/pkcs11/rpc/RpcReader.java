package io.hsmconsole.pkcs11.rpc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one request body. It never trusts a length: every count and byte-array length is checked
 * against what is left in the message (and against {@link #MAX_ATTRIBUTES}) before anything is
 * allocated, so the largest allocation is bounded by the message the peer really sent.
 */
public final class RpcReader {
    /** The most attributes one template or attribute query may hold (real applications send a few dozen). */
    public static final int MAX_ATTRIBUTES = 1024;
    private static final long ABSENT = 0xffffffffL;
    private static final int RSA_PKCS_OAEP = 0x9;
    private static final int RSA_PKCS_PSS = 0xD;
    private static final int AES_CTR = 0x1086;
    private static final int AES_GCM = 0x1087;
    private static final int ECDH1_DERIVE = 0x1050;

    private final byte[] data;
    private int pos;

    public RpcReader(byte[] data) {
        this.data = data;
    }

    /**
     * The call this request names, after checking its signature is the one the protocol fixes for
     * it (a different signature means a different protocol, not a call we may guess at).
     */
    public RpcCall call() throws MalformedMessage {
        long id = u32();
        RpcCall call = RpcCall.request(id).orElseThrow(() -> new MalformedMessage("unknown call " + id));
        byte[] signature = byteArray();
        if (signature == null || !Arrays.equals(signature, call.requestSignature().getBytes(StandardCharsets.US_ASCII))) {
            throw new MalformedMessage("signature of " + call + " does not match");
        }
        return call;
    }

    public int remaining() {
        return data.length - pos;
    }

    /** Every byte was read: trailing bytes mean the peer and we disagree about the call's shape. */
    public void end() throws MalformedMessage {
        if (pos != data.length) {
            throw new MalformedMessage(remaining() + " bytes left over");
        }
    }

    private void need(long n) throws MalformedMessage {
        if (n < 0 || n > remaining()) {
            throw new MalformedMessage("message too short: need " + n + " bytes, " + remaining() + " left");
        }
    }

    public int byteValue() throws MalformedMessage {
        need(1);
        return data[pos++] & 0xff;
    }

    public long u32() throws MalformedMessage {
        need(4);
        long v = ((data[pos] & 0xffL) << 24) | ((data[pos + 1] & 0xffL) << 16) | ((data[pos + 2] & 0xffL) << 8)
                | (data[pos + 3] & 0xffL);
        pos += 4;
        return v;
    }

    /** A CK_ULONG: eight bytes on the wire whatever the peer's word size. */
    public long ulong() throws MalformedMessage {
        long high = u32();
        return (high << 32) | u32();
    }

    /** A length-prefixed byte array; null when the peer sent the "no array" length. */
    public byte[] byteArray() throws MalformedMessage {
        long length = u32();
        if (length == ABSENT) {
            return null;
        }
        need(length);
        byte[] out = Arrays.copyOfRange(data, pos, pos + (int) length);
        pos += (int) length;
        return out;
    }

    /** "ay": a presence byte, then the array, or only the length the caller would have sent. */
    public byte[] optionalByteArray() throws MalformedMessage {
        int present = byteValue();
        if (present == 0) {
            u32();
            return null;
        }
        byte[] bytes = byteArray();
        return bytes == null ? new byte[0] : bytes;
    }

    /**
     * "fy" / "fu": the room the caller has for an answer. Only a number: nothing is allocated for it.
     * p11-kit 0.25 and newer send 0xffffffff for a buffer that is there but 0 bytes long (0 asks only
     * for the length): either way there is no room.
     */
    public long bufferSize() throws MalformedMessage {
        long room = u32();
        return room == ABSENT ? 0 : room;
    }

    /** "z": a string without its terminating zero. */
    public String zeroString() throws MalformedMessage {
        byte[] bytes = byteArray();
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * "M": the mechanism number (four bytes on this wire) and its parameter. Most parameters are one
     * byte array; those p11-kit serialises as a structure (RSA-PSS, RSA-OAEP, and from p11-kit 0.25
     * AES-CTR's CK_AES_CTR_PARAMS, AES-GCM's CK_GCM_PARAMS and ECDH's CK_ECDH1_DERIVE_PARAMS) are kept as their wire bytes, for the
     * mechanism's own reader (a new {@code RpcReader} over them).
     */
    public Mechanism mechanism() throws MalformedMessage {
        long type = u32();
        int start = pos;
        switch ((int) type) {
            // p11-kit 0.25 carries CK_RSA_PKCS_PSS_PARAMS for the SHA*-RSA-PKCS-PSS mechanisms too
            case RSA_PKCS_PSS, 0xE, 0x43, 0x44, 0x45, 0x47 -> {
                ulong();
                ulong();
                ulong();
            }
            case RSA_PKCS_OAEP -> {
                ulong();
                ulong();
                ulong();
                byteArray();
            }
            case AES_CTR -> {
                ulong();            // ulCounterBits
                byteArray();        // cb
            }
            case ECDH1_DERIVE -> {    // p11-kit 0.25 and newer
                ulong();            // kdf
                byteArray();        // pSharedData
                byteArray();        // pPublicData
            }
            case AES_GCM -> {
                byteArray();        // pIv
                ulong();            // ulIvBits
                byteArray();        // pAAD
                ulong();            // ulTagBits
            }
            default -> {
                return new Mechanism(type, byteArray());
            }
        }
        return new Mechanism(type, Arrays.copyOfRange(data, start, pos));
    }

    /** "fA": for each attribute asked for, its type and the room the caller has for its value. */
    public List<AttributeQuery> attributeQueries() throws MalformedMessage {
        int count = count(8);
        List<AttributeQuery> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new AttributeQuery(u32(), u32()));
        }
        return out;
    }

    /** "aA": a template with values. Nested templates may hold plain attributes only (as p11-kit's server). */
    public List<Attr> attributes() throws MalformedMessage {
        return attributes(0);
    }

    private List<Attr> attributes(int depth) throws MalformedMessage {
        int count = count(5);
        List<Attr> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(attribute(depth));
        }
        return out;
    }

    /** A count of items each at least {@code minBytes} long, checked against what is left and the cap. */
    private int count(int minBytes) throws MalformedMessage {
        long count = u32();
        if (count > MAX_ATTRIBUTES || count * minBytes > remaining()) {
            throw new MalformedMessage("count " + count + " does not fit the message");
        }
        return (int) count;
    }

    private Attr attribute(int depth) throws MalformedMessage {
        long type = u32();
        if (byteValue() == 0) {
            return new Attr(type, false, 0, null, List.of(), null);
        }
        long declared = u32();
        AttrKind kind = AttrKind.of(type);
        return switch (kind) {
            case BYTE -> Attr.ofNumber(type, byteValue());
            case ULONG -> Attr.ofNumber(type, ulong());
            case BYTE_ARRAY -> Attr.ofBytes(type, byteArray());
            case DATE -> date(type);
            case MECHANISM_ARRAY -> mechanisms(type);
            case ATTRIBUTE_ARRAY -> {
                if (depth > 0) {
                    throw new MalformedMessage("a template inside a template inside a template");
                }
                if (declared > remaining()) {
                    throw new MalformedMessage("nested template longer than the message");
                }
                yield new Attr(type, true, 0, null, attributes(depth + 1), null);
            }
        };
    }

    private Attr date(long type) throws MalformedMessage {
        byte[] bytes = byteArray();
        if (bytes != null && bytes.length != 0 && bytes.length != 8) {
            throw new MalformedMessage("a date of " + bytes.length + " bytes");
        }
        return Attr.ofBytes(type, bytes);
    }

    private Attr mechanisms(long type) throws MalformedMessage {
        int count = count(8);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = ulong();
        }
        return new Attr(type, true, 0, null, List.of(), out);
    }

    /** One entry of an "fA" query: the attribute and how many bytes the caller has for it (0: size only). */
    public record AttributeQuery(long type, long room) {
    }
}
