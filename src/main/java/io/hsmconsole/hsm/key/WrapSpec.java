package io.hsmconsole.hsm.key;

/**
 * How to wrap or unwrap a key: the mechanism ({@code -m}) and what some mechanisms take besides —
 * RSA_OAEP's hash ({@code -t}, an {@link OaepHash} code), AES-GCM's additional authenticated data
 * ({@code -aad}), IV ({@code -iv_file}, unwrap only: the HSM makes the IV when it wraps) and tag
 * length in bytes ({@code -tag_size}).
 */
public record WrapSpec(int mechanismCode, Integer oaepHash, byte[] aad, byte[] iv, int tagBytes) {
    /** AES-GCM's IV: 12 bytes, made by the HSM. */
    public static final int GCM_IV_BYTES = 12;
    /** key_mgmt_util-wrapKey.md: "Minimum tag size is eight". */
    public static final int MIN_TAG_BYTES = 8;
    public static final int MAX_TAG_BYTES = 16;

    public WrapSpec {
        aad = aad == null ? new byte[0] : aad.clone();
        iv = iv == null ? null : iv.clone();
    }

    /** A mechanism that takes nothing else (or its defaults). */
    public static WrapSpec of(int mechanismCode) {
        return new WrapSpec(mechanismCode, null, null, null, MAX_TAG_BYTES);
    }

    public static WrapSpec rsaOaep(int oaepHash) {
        return new WrapSpec(WrapMechanism.RSA_OAEP.code(), oaepHash, null, null, MAX_TAG_BYTES);
    }

    public static WrapSpec gcm(int mechanismCode, byte[] aad, byte[] iv, int tagBytes) {
        return new WrapSpec(mechanismCode, null, aad, iv, tagBytes);
    }
}
