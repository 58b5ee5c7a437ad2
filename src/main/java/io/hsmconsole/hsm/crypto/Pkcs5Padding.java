package io.hsmconsole.hsm.crypto;

import java.util.Arrays;
import java.util.Optional;

/**
 * PKCS #5 padding to RFC 3394's 8-byte semiblocks, as CloudHSM pads before "AES Key Wrap with
 * PKCS #5 Padding" (manage-aes-key-wrapping.md: "at least 8 bytes are added ... to block align"):
 * 1 to 8 bytes, each holding the count. So 24 bytes become 32 and wrap to 40, as
 * key_mgmt_util-aesWrapUnwrap.md shows for a 3DES key file; 20 bytes become 24.
 */
public final class Pkcs5Padding {
    public static final int BLOCK = 8;

    private Pkcs5Padding() {
    }

    public static byte[] pad(byte[] in) {
        int pad = BLOCK - in.length % BLOCK;
        byte[] out = Arrays.copyOf(in, in.length + pad);
        Arrays.fill(out, in.length, out.length, (byte) pad);
        return out;
    }

    /** The data without its padding; empty when the padding is not well formed (wrong key or IV, or not padded). */
    public static Optional<byte[]> unpad(byte[] in) {
        if (in.length == 0 || in.length % BLOCK != 0) {
            return Optional.empty();
        }
        int pad = in[in.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK) {
            return Optional.empty();
        }
        int bad = 0;
        for (int i = in.length - pad; i < in.length; i++) {
            bad |= (in[i] & 0xff) ^ pad;
        }
        return bad == 0 ? Optional.of(Arrays.copyOf(in, in.length - pad)) : Optional.empty();
    }
}
