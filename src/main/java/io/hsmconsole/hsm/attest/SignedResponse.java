package io.hsmconsole.hsm.attest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A node's signed answer to an attested command: what it did (command result and a digest of the
 * payload), who it is (node id), what it runs (firmware measurement) and the client's nonce, signed
 * with the node's HSM key. The body layout is fixed so the client can parse what it verifies.
 */
public record SignedResponse(byte[] body, byte[] signature) {
    private static final byte[] MAGIC = "HSMKC-ATTEST/1".getBytes(StandardCharsets.US_ASCII);

    /** The fields of a body. */
    public record Body(int nodeId, long resultCode, byte[] payloadDigest, byte[] measurement, byte[] nonce, long timeMillis) {
    }

    static byte[] encode(Body b) {
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + 8 + 4 + b.payloadDigest().length + 4
                + b.measurement().length + 4 + b.nonce().length + 8);
        buf.put(MAGIC).putInt(b.nodeId()).putLong(b.resultCode());
        putBytes(buf, b.payloadDigest());
        putBytes(buf, b.measurement());
        putBytes(buf, b.nonce());
        buf.putLong(b.timeMillis());
        return buf.array();
    }

    /** Parses a body; throws IllegalArgumentException when it is not one. */
    static Body decode(byte[] body) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(body);
            byte[] magic = new byte[MAGIC.length];
            buf.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not an attestation response");
            }
            int node = buf.getInt();
            long code = buf.getLong();
            byte[] digest = getBytes(buf);
            byte[] measurement = getBytes(buf);
            byte[] nonce = getBytes(buf);
            long time = buf.getLong();
            if (buf.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes in the attestation response");
            }
            return new Body(node, code, digest, measurement, nonce, time);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed attestation response: " + e.getMessage(), e);
        }
    }

    private static void putBytes(ByteBuffer buf, byte[] bytes) {
        buf.putInt(bytes.length).put(bytes);
    }

    private static byte[] getBytes(ByteBuffer buf) {
        int n = buf.getInt();
        if (n < 0 || n > buf.remaining()) {
            throw new IllegalArgumentException("bad field length " + n);
        }
        byte[] out = new byte[n];
        buf.get(out);
        return out;
    }
}
