package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.key.SignMechanism;

import java.io.ByteArrayOutputStream;

/**
 * A sign or verify in progress on a session: the key, the mechanism and the data gathered by the
 * Update calls (bounded, so a peer cannot make us hold more than {@link #MAX_DATA}).
 */
final class Operation {
    static final int MAX_DATA = 16 * 1024 * 1024;

    enum Kind { SIGN, VERIFY }

    final Kind kind;
    final long key;
    final SignMechanism mechanism;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    Operation(Kind kind, long key, SignMechanism mechanism) {
        this.kind = kind;
        this.key = key;
        this.mechanism = mechanism;
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
