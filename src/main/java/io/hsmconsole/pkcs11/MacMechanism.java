package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.SignMechanism;

/**
 * A MAC the endpoint signs and verifies with: one of the HMACs (a generic secret key) or AES-CMAC
 * (an AES key). The simulator computes and checks; this only picks its call and knows the length.
 */
record MacMechanism(SignMechanism hmac) implements Signing {
    static final MacMechanism AES_CMAC = new MacMechanism(null);

    @Override
    public int length(HsmSession login, long key) {
        return length();
    }

    int length() {
        if (hmac == null) {
            return 16;
        }
        return switch (hmac.hmacDigest()) {
            case "SHA-1" -> 20;
            case "SHA-224" -> 28;
            case "SHA-256" -> 32;
            case "SHA-384" -> 48;
            default -> 64;
        };
    }

    @Override
    public HsmResult<byte[]> sign(HsmSession login, long key, byte[] data) {
        return hmac == null ? login.crypto().cmacSign(key, data) : login.crypto().sign(key, hmac, data);
    }

    @Override
    public HsmResult<Void> verify(HsmSession login, long key, byte[] data, byte[] signature) {
        return hmac == null ? login.crypto().cmacVerify(key, data, signature) : login.crypto().verify(key, hmac, data, signature);
    }
}
