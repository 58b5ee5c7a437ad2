package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.key.CipherRequest;
import io.hsmconsole.hsm.key.RsaEncryption;

import java.io.ByteArrayOutputStream;

/**
 * An operation in progress on a session: the key (0 for a digest), what it does — the MAC for sign
 * and verify, the cipher mode and its parameters (or the RSA scheme) for encrypt and decrypt, the
 * algorithm for a digest —
 * and the data gathered by the Update calls, bounded so a peer cannot make us hold more than
 * {@link #MAX_DATA}.
 */
final class Operation {
    static final int MAX_DATA = 16 * 1024 * 1024;

    enum Kind { SIGN, VERIFY, ENCRYPT, DECRYPT, DIGEST }

    final Kind kind;
    final long key;
    final Signing mac;
    final CipherRequest cipher;
    final String digest;
    final RsaEncryption rsa;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    private Operation(Kind kind, long key, Signing mac, CipherRequest cipher, String digest, RsaEncryption rsa) {
        this.kind = kind;
        this.key = key;
        this.mac = mac;
        this.cipher = cipher;
        this.digest = digest;
        this.rsa = rsa;
    }

    static Operation mac(Kind kind, long key, Signing mac) {
        return new Operation(kind, key, mac, null, null, null);
    }

    static Operation cipher(boolean encrypt, long key, CipherRequest cipher) {
        return new Operation(encrypt ? Kind.ENCRYPT : Kind.DECRYPT, key, null, cipher, null, null);
    }

    static Operation rsa(boolean encrypt, long key, RsaEncryption rsa) {
        return new Operation(encrypt ? Kind.ENCRYPT : Kind.DECRYPT, key, null, null, null, rsa);
    }

    static Operation digest(String algorithm) {
        return new Operation(Kind.DIGEST, 0, null, null, algorithm, null);
    }

    /** CloudHSM does AES-GCM and RSA in one part only (pkcs11-mechanisms.md, its known issues). */
    boolean singlePartOnly() {
        return rsa != null || (cipher != null && cipher.mechanism() == io.hsmconsole.hsm.key.CipherMechanism.AES_GCM);
    }

    /** What the Update calls gathered so far. */
    int size() {
        return data.size();
    }

    void add(byte[] part) {
        if (data.size() + (long) part.length > MAX_DATA) {
            throw new Refusal(Ck.CKR_DATA_LEN_RANGE);
        }
        data.write(part, 0, part.length);
    }

    byte[] data() {
        return data.toByteArray();
    }
}
