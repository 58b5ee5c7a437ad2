package io.hsmconsole.hsm;

import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.hsm.crypto.Pkcs5Padding;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC3394WrapEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Using a key on data inside the HSM: AES key wrap with PKCS #5 padding of host data ({@code aesWrapUnwrap})
 * and HMAC sign / verify ({@link KeyCipher} encrypts and decrypts through {@link #usable}). Each use needs a key
 * the user can see, of the right type, with the attribute that
 * permits the use, and — when the key has m_value ≥ 2 — a USE_KEY quorum token, spent by the use.
 */
final class KeyUse {
    /** RFC 3394's default initial value, what aesWrapUnwrap uses without {@code -i}. */
    static final byte[] DEFAULT_IV = {(byte) 0xA6, (byte) 0xA6, (byte) 0xA6, (byte) 0xA6,
            (byte) 0xA6, (byte) 0xA6, (byte) 0xA6, (byte) 0xA6};

    private final HsmSession session;

    KeyUse(HsmSession session) {
        this.session = session;
    }

    HsmResult<byte[]> aesWrapUnwrap(long handle, boolean wrap, byte[] data, byte[] iv) {
        byte[] initialValue = iv == null ? DEFAULT_IV : iv;
        HsmResult<KeyRecord> usable = usable(handle, k -> k.keyType() == KeyAlgorithm.AES,
                wrap ? Attribute.WRAP : Attribute.UNWRAP, () -> validWrapLength(data.length, wrap, initialValue.length));
        if (!usable.isSuccess()) {
            return usable.map(k -> null);
        }
        KeyRecord k = usable.value();
        RFC3394WrapEngine engine = new RFC3394WrapEngine(AESEngine.newInstance());
        engine.init(wrap, new ParametersWithIV(new KeyParameter(k.material()), initialValue));
        if (wrap) {
            byte[] padded = Pkcs5Padding.pad(data);
            try {
                return session.ok(k, engine.wrap(padded, 0, padded.length));
            } finally {
                Arrays.fill(padded, (byte) 0);
            }
        }
        try {
            byte[] padded = engine.unwrap(data, 0, data.length);
            Optional<byte[]> out = Pkcs5Padding.unpad(padded);
            Arrays.fill(padded, (byte) 0);
            return out.isPresent() ? session.ok(k, out.get()) : session.fail(ReturnCode.ENCRYPTED_DATA_INVALID, k);
        } catch (InvalidCipherTextException e) {
            return session.fail(ReturnCode.ENCRYPTED_DATA_INVALID, k);
        }
    }

    HsmResult<byte[]> sign(long handle, SignMechanism mechanism, byte[] data) {
        return usableForMac(handle, mechanism, Attribute.SIGN).map(key -> mac(key, mechanism, data));
    }

    HsmResult<Void> verify(long handle, SignMechanism mechanism, byte[] data, byte[] signature) {
        HsmResult<KeyRecord> usable = usableForMac(handle, mechanism, Attribute.VERIFY);
        if (!usable.isSuccess()) {
            return usable.map(k -> null);
        }
        KeyRecord key = usable.value();
        boolean valid = MessageDigest.isEqual(mac(key, mechanism, data), signature);
        return valid ? session.ok(key, null) : session.fail(ReturnCode.SIGNATURE_INVALID, key);
    }

    /** The key as the value of a success when every rule lets it MAC with this mechanism. */
    private HsmResult<KeyRecord> usableForMac(long handle, SignMechanism mechanism, Attribute use) {
        return usable(handle, k -> mechanism.isHmac() && k.keyType() == KeyAlgorithm.GENERIC_SECRET, use, Optional::empty);
    }

    /**
     * The key as the value of a success when the user sees it, its type suits the mechanism, its
     * attributes permit {@code use}, the operation's own {@code checks} pass and — last, so a refused
     * use never spends a token — its quorum allows it.
     */
    HsmResult<KeyRecord> usable(long handle, java.util.function.Predicate<KeyRecord> typeFits, Attribute use,
                                java.util.function.Supplier<Optional<ReturnCode>> checks) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord k = key.get();
        Optional<ReturnCode> refusal = !typeFits.test(k) ? Optional.of(ReturnCode.MECHANISM_INVALID)
                : permits(k, use).or(checks).or(() -> spendQuorum(k));
        return refusal.isPresent() ? session.fail(refusal.get(), k) : session.ok(k, k);
    }

    static Optional<ReturnCode> permits(KeyRecord key, Attribute use) {
        return KeyFlags.has(key.flags(), use) ? Optional.empty() : Optional.of(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);
    }

    /**
     * The data is PKCS #5 padded to 8-byte semiblocks before RFC 3394 wraps it (24 bytes wrap to 40, as
     * key_mgmt_util-aesWrapUnwrap.md shows), so any length wraps that pads to the two semiblocks RFC 3394
     * needs (8 bytes or more); an unwrap takes three semiblocks or more. The IV is one semiblock.
     */
    private static Optional<ReturnCode> validWrapLength(int length, boolean wrap, int ivLength) {
        boolean valid = ivLength == 8 && (wrap ? length >= 8 : length >= 24 && length % 8 == 0);
        return valid ? Optional.empty() : Optional.of(ReturnCode.DATA_LEN_INVALID);
    }

    /** Last of the checks, so a refused use never spends a token. */
    Optional<ReturnCode> spendQuorum(KeyRecord key) {
        if (!MValue.needsQuorum(key.mValue())) {
            return Optional.empty();
        }
        if (!session.quorum().ready(QuorumService.USE_KEY, key)) {
            return Optional.of(ReturnCode.QUORUM_REQUIRED);
        }
        session.quorum().useToken(QuorumService.USE_KEY, key);
        return Optional.empty();
    }

    private static byte[] mac(KeyRecord key, SignMechanism mechanism, byte[] data) {
        HMac hmac = new HMac(mechanism.newDigest());
        hmac.init(new KeyParameter(key.material()));
        hmac.update(data, 0, data.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }
}
