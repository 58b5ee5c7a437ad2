package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.key.SignMechanism;

import java.io.ByteArrayOutputStream;

/**
 * An operation in progress on a session: the key (0 for a digest), the mechanism (the HMAC for sign
 * and verify) and the data gathered by the Update calls, bounded so a peer cannot make us hold more
 * than {@link #MAX_DATA}.
 */
final class Operation {
    static final int MAX_DATA = 16 * 1024 * 1024;

    enum Kind { SIGN, VERIFY, ENCRYPT, DECRYPT, DIGEST }

    final Kind kind;
    final long key;
    final SignMechanism mechanism;
    final String digest;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    Operation(Kind kind, long key, SignMechanism mechanism) {
        this(kind, key, mechanism, null);
    }

    Operation(Kind kind, long key, SignMechanism mechanism, String digest) {
        this.kind = kind;
        this.key = key;
        this.mechanism = mechanism;
        this.digest = digest;
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
