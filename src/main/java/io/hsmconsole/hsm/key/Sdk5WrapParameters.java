package io.hsmconsole.hsm.key;

import java.util.Set;

/**
 * The parameters of an SDK 5 wrapping mechanism: a GCM tag length, additional authenticated data and
 * (to unwrap {@code aes-gcm}) the IV; OAEP's hash and MGF1 hash. Each mechanism reads only its own.
 */
public record Sdk5WrapParameters(int tagBits, byte[] aad, byte[] iv, OaepHash hash, OaepHash mgf) {
    /** GCM's tag lengths (SP 800-38D §5.2.1.2); the AWS page's example wraps with a 64-bit tag. */
    public static final Set<Integer> GCM_TAG_BITS = Set.of(32, 64, 96, 104, 112, 120, 128);
    /** CKM_AES_GCM's IV, chosen by the HSM. */
    public static final int GCM_IV_BYTES = 12;

    public Sdk5WrapParameters {
        aad = aad == null ? new byte[0] : aad.clone();
        iv = iv == null ? null : iv.clone();
    }

    public static Sdk5WrapParameters none() {
        return new Sdk5WrapParameters(0, null, null, null, null);
    }

    public static Sdk5WrapParameters gcm(int tagBits, byte[] aad, byte[] iv) {
        return new Sdk5WrapParameters(tagBits, aad, iv, null, null);
    }

    public static Sdk5WrapParameters oaep(OaepHash hash, OaepHash mgf) {
        return new Sdk5WrapParameters(0, null, null, hash, mgf);
    }

    @Override
    public byte[] aad() {
        return aad.clone();
    }

    @Override
    public byte[] iv() {
        return iv == null ? null : iv.clone();
    }
}
