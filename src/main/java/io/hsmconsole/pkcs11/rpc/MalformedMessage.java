package io.hsmconsole.pkcs11.rpc;

/**
 * A request that does not decode: too short, a length or count larger than what is left or than our
 * caps, a wrong signature. Checked on purpose, so every caller decides what the peer hears (p11-kit's
 * own server answers CKR_DEVICE_ERROR) and nothing escapes a connection's loop.
 */
public final class MalformedMessage extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMessage(String why) {
        super(why, null, false, false);
    }
}
