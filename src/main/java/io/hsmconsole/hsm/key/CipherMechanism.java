package io.hsmconsole.hsm.key;

/**
 * The block cipher modes the HSM encrypts and decrypts host data with (PKCS#11's C_Encrypt /
 * C_Decrypt), each with the key type it needs and the sizes of its parameters.
 */
public enum CipherMechanism {
    AES_ECB(KeyType.AES, 16, 0, false),
    AES_CBC(KeyType.AES, 16, 16, false),
    AES_CBC_PAD(KeyType.AES, 16, 16, true),
    AES_CTR(KeyType.AES, 16, 16, false),
    AES_GCM(KeyType.AES, 16, GcmRule.IV_BYTES, false),
    DES3_ECB(KeyType.DES3, 8, 0, false),
    DES3_CBC(KeyType.DES3, 8, 8, false),
    DES3_CBC_PAD(KeyType.DES3, 8, 8, true);

    private final KeyType keyType;
    private final int blockSize;
    private final int ivLength;
    private final boolean padded;

    CipherMechanism(KeyType keyType, int blockSize, int ivLength, boolean padded) {
        this.keyType = keyType;
        this.blockSize = blockSize;
        this.ivLength = ivLength;
        this.padded = padded;
    }

    public KeyType keyType() {
        return keyType;
    }

    public int blockSize() {
        return blockSize;
    }

    /** Bytes of IV (or counter block) the mode takes; 0 for ECB. */
    public int ivLength() {
        return ivLength;
    }

    /** PKCS#7 padding: any length encrypts, to whole blocks. */
    public boolean padded() {
        return padded;
    }

    /** Modes that take any length as it is (a stream: CTR, GCM). */
    public boolean streams() {
        return this == AES_CTR || this == AES_GCM;
    }

    /** The encrypted length of {@code plain} bytes (GCM: the HSM's IV in front and the tag after). */
    public int encryptedLength(int plain, int tagBytes) {
        if (this == AES_GCM) {
            return GcmRule.IV_BYTES + plain + tagBytes;
        }
        return padded ? (plain / blockSize + 1) * blockSize : plain;
    }

    /** The AES-GCM rules CloudHSM documents (pkcs11-mechanisms.md and its PKCS#11 known issues). */
    public static final class GcmRule {
        /** The HSM makes a 12-byte IV; the application's pIv must point to 12 zero bytes. */
        public static final int IV_BYTES = 12;
        /** "Buffers for the C_Encrypt and C_Decrypt APIs cannot exceed 16KB when using CKM_AES_GCM". */
        public static final int MAX_DATA = 16 * 1024;

        private GcmRule() {
        }
    }
}
