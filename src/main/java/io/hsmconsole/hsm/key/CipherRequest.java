package io.hsmconsole.hsm.key;

/**
 * One encryption or decryption: the mode and its parameters as the application gave them. {@code iv}
 * is the IV, the CTR counter block or the GCM IV (null for ECB); {@code aad} and {@code tagBits} are
 * GCM's, {@code counterBits} CTR's. The HSM checks them ({@code HsmSession.crypt}).
 */
public record CipherRequest(CipherMechanism mechanism, byte[] iv, byte[] aad, int tagBits, int counterBits) {

    public static CipherRequest of(CipherMechanism mechanism, byte[] iv) {
        return new CipherRequest(mechanism, iv, null, 0, 0);
    }

    public static CipherRequest gcm(byte[] iv, byte[] aad, int tagBits) {
        return new CipherRequest(CipherMechanism.AES_GCM, iv, aad, tagBits, 0);
    }

    public static CipherRequest ctr(byte[] counterBlock, int counterBits) {
        return new CipherRequest(CipherMechanism.AES_CTR, counterBlock, null, 0, counterBits);
    }
}
