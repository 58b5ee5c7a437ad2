package io.hsmconsole.hsm.key;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The wrapping mechanisms of Client SDK 5's {@code key wrap} / {@code key unwrap}
 * (cloudhsm_cli-key-wrap.md, cloudhsm_cli-key-unwrap.md), named as the CLI names them. The AES ones
 * wrap under an AES key (wrap/unwrap attribute), the RSA ones under an RSA public key and unwrap with
 * its private key.
 */
public enum Sdk5WrapMechanism {
    /** CKM_AES_GCM: the HSM chooses the 12-byte IV and returns it beside the ciphertext and tag. */
    AES_GCM,
    /** CKM_AES_KEY_WRAP (RFC 3394): the key must be a multiple of 8 bytes (key_mgmt_util's -m 5). */
    AES_NO_PAD,
    /** CKM_CLOUDHSM_AES_KEY_WRAP_PKCS5_PAD: PKCS #5 padding, then RFC 3394 (key_mgmt_util's -m 4). */
    AES_PKCS5_PAD,
    /** CKM_CLOUDHSM_AES_KEY_WRAP_ZERO_PAD: zero bytes up to a multiple of 8, then RFC 3394. */
    AES_ZERO_PAD,
    /** CKM_CLOUDHSM_AES_GCM: as AES-GCM, with the HSM's IV in front of the ciphertext. */
    CLOUDHSM_AES_GCM,
    /** CKM_RSA_AES_KEY_WRAP: a fresh AES-256 key under RSA-OAEP, then the payload under it with RFC 5649. */
    RSA_AES,
    /** CKM_RSA_PKCS_OAEP. */
    RSA_OAEP,
    /** CKM_RSA_PKCS (PKCS #1 v1.5 encryption). */
    RSA_PKCS;

    /** The CLI's word: {@code aes-gcm}, {@code rsa-oaep}, … */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Sdk5WrapMechanism> fromCliName(String name) {
        return Arrays.stream(values()).filter(m -> m.cliName().equals(name)).findFirst();
    }

    /** Wraps under an RSA public key (and unwraps with the private key) rather than an AES key. */
    public boolean rsa() {
        return this == RSA_AES || this == RSA_OAEP || this == RSA_PKCS;
    }

    /** Takes OAEP's hash and MGF ({@code --hash-function}, {@code --mgf}). */
    public boolean oaep() {
        return this == RSA_AES || this == RSA_OAEP;
    }

    /** Takes a tag length and additional authenticated data. */
    public boolean gcm() {
        return this == AES_GCM || this == CLOUDHSM_AES_GCM;
    }
}
