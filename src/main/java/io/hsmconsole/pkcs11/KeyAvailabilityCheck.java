package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.AvailabilityCheck;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.EcdhDerivation;
import io.hsmconsole.hsm.key.RsaEncryption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client SDK 5's key availability check as its PKCS#11 library applies it: on by default, off when the
 * daemon runs with {@code --disable-key-availability-check}. The simulator answers whether a key is
 * available; this only asks at the right moments (a create, the start of every use) and translates
 * a "no" into {@code CKR_FUNCTION_FAILED}, as the SDK's {@code C_SignInit failed, returning 0x00000006},
 * with the SDK's log line.
 * <p>
 * With the check off, a token key is returned as soon as the HSM that made it holds it ({@code -min_srv
 * 1}): the SDK's opt-out drops the two-HSM requirement ("use this setting to run a single HSM cluster"),
 * and the other HSMs receive the key after their latency, as server-side synchronization does. It does
 * not wait for every online HSM as key_mgmt_util's create without {@code -min_srv} does.
 */
public enum KeyAvailabilityCheck {
    ENABLED, DISABLED;

    private static final Logger LOG = LoggerFactory.getLogger(KeyAvailabilityCheck.class);

    HsmResult<GeneratedKey> generate(HsmSession login, GenSymKeyRequest request) {
        HsmResult<GeneratedKey> made = this == ENABLED ? login.generateAvailableKey(request)
                : login.generateSymmetricKey(AvailabilityCheck.onOneHsm(request));
        if (made.code() == ReturnCode.KEY_NOT_AVAILABLE) {
            LOG.warn("Key {} does not meet the availability requirements - {}",
                    made.value() == null ? "(not made)" : made.value().handle(), requirement());
        }
        return made;
    }

    HsmResult<GeneratedPair> generatePair(HsmSession login, KeyPairRequest request) {
        HsmResult<GeneratedPair> made = this == ENABLED ? login.pairs().generateAvailableKeyPair(request)
                : login.pairs().generateKeyPair(onOneHsm(request), SyncObserver.NONE);
        if (made.code() == ReturnCode.KEY_NOT_AVAILABLE) {
            LOG.warn("Key {} does not meet the availability requirements - {}", "(not made)", requirement());
        }
        return made;
    }

    HsmResult<GeneratedKey> unwrap(HsmSession login, byte[] wrapped, long unwrappingKey, int mechanismCode,
                                   KeyTemplate template, KeyOptions options) {
        HsmResult<GeneratedKey> made = this == ENABLED
                ? login.transfers().unwrapAvailableKey(wrapped, unwrappingKey, mechanismCode, template, options)
                : login.transfers().unwrapKey(wrapped, unwrappingKey, mechanismCode, template, AvailabilityCheck.onOneHsm(options),
                        SyncObserver.NONE);
        if (made.code() == ReturnCode.KEY_NOT_AVAILABLE) {
            LOG.warn("Key {} does not meet the availability requirements - {}", "(not made)", requirement());
        }
        return made;
    }

    /** C_UnwrapKey with an RSA private key, as {@link #unwrap}. */
    HsmResult<GeneratedKey> unwrapRsa(HsmSession login, byte[] wrapped, long unwrappingKey, RsaEncryption scheme,
                                      KeyTemplate template, KeyOptions options) {
        return logged(this == ENABLED ? login.pairs().unwrapAvailableKeyRsa(wrapped, unwrappingKey, scheme, template, options)
                : login.pairs().unwrapKeyRsa(wrapped, unwrappingKey, scheme, template, AvailabilityCheck.onOneHsm(options), SyncObserver.NONE));
    }

    /** C_DeriveKey with CKM_ECDH1_DERIVE: the new key is a create like any other. */
    HsmResult<GeneratedKey> derive(HsmSession login, long baseKey, EcdhDerivation ecdh, int keyTypeCode, int sizeBytes,
                                   KeyOptions options) {
        return logged(this == ENABLED ? login.pairs().deriveAvailableKey(baseKey, ecdh, keyTypeCode, sizeBytes, options)
                : login.pairs().deriveKey(baseKey, ecdh, keyTypeCode, sizeBytes, AvailabilityCheck.onOneHsm(options), SyncObserver.NONE));
    }

    private static KeyPairRequest onOneHsm(KeyPairRequest request) {
        return new KeyPairRequest(request.type(), request.modulusBits(), request.publicExponent(), request.curveId(),
                AvailabilityCheck.onOneHsm(request.options()));
    }

    private static HsmResult<GeneratedKey> logged(HsmResult<GeneratedKey> made) {
        if (made.code() == ReturnCode.KEY_NOT_AVAILABLE) {
            LOG.warn("Key {} does not meet the availability requirements - {}", "(not made)", requirement());
        }
        return made;
    }

    /**
     * Before an operation starts with {@code key}: refuses a key that is not available yet, and a handle
     * that names no key the user may see with {@code CKR_KEY_HANDLE_INVALID}, as PKCS#11's *Init calls
     * answer (the same look-up answers both; with the check off the use itself finds it out).
     */
    void beforeUse(HsmSession login, long key) {
        if (this == DISABLED) {
            return;
        }
        ReturnCode answer = login.checkKeyAvailability(key).code();
        if (answer == ReturnCode.KEY_NOT_AVAILABLE) {
            LOG.warn("Key {} does not meet the availability requirements - {}", key, requirement());
            throw new Refusal(ReturnValues.of(ReturnCode.KEY_NOT_AVAILABLE));
        }
        if (answer == ReturnCode.INVALID_HANDLE) {
            throw new Refusal(Ck.CKR_KEY_HANDLE_INVALID);
        }
    }

    private static String requirement() {
        String text = ReturnCode.KEY_NOT_AVAILABLE.text();
        return text.substring(text.indexOf(" - ") + 3) + ".";
    }
}
