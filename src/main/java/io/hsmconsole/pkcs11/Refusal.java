package io.hsmconsole.pkcs11;

/**
 * A call answered with a CK_RV other than CKR_OK. Thrown inside a call's handling and turned into
 * the protocol's error answer at one place; it carries no stack trace (it is an answer, not a bug).
 */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long rv;

    Refusal(long rv) {
        super("CK_RV 0x" + Long.toHexString(rv), null, false, false);
        this.rv = rv;
    }

    long rv() {
        return rv;
    }
}
