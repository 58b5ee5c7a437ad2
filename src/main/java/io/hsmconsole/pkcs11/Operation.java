package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.key.CipherRequest;

import java.io.ByteArrayOutputStream;

/**
 * An operation in progress on a session: the key (0 for a digest), what it does — the MAC for sign
 * and verify, the cipher mode and its parameters for encrypt and decrypt, the algorithm for a digest —
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
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    private Operation(Kind kind, long key, Signing mac, CipherRequest cipher, String digest) {
        this.kind = kind;
        this.key = key;
        this.mac = mac;
        this.cipher = cipher;
        this.digest = digest;
    }

    static Operation mac(Kind kind, long key, Signing mac) {
        return new Operation(kind, key, mac, null, null);
    }

    static Operation cipher(boolean encrypt, long key, CipherRequest cipher) {
        return new Operation(encrypt ? Kind.ENCRYPT : Kind.DECRYPT, key, null, cipher, null);
    }

    static Operation digest(String algorithm) {
        return new Operation(Kind.DIGEST, 0, null, null, algorithm);
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
