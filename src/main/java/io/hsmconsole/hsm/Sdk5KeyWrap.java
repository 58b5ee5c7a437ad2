package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.crypto.Sdk5KeyWrapCipher;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.Sdk5WrapMechanism;
import io.hsmconsole.hsm.key.Sdk5WrapParameters;
import io.hsmconsole.hsm.key.Sdk5WrappedKey;
import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;

import java.util.Optional;

/**
 * Client SDK 5's {@code key wrap}: the owner's extractable secret or private key (its value, or its
 * PKCS #8) encrypted under an AES key whose wrap attribute is set, or under an RSA public key whose
 * wrap attribute is set; a key marked wrap-with-trusted only under a trusted wrapping key. The
 * mechanism's own limits: RFC 3394 without padding takes whole 8-byte blocks, GCM takes the tag
 * lengths of SP 800-38D, and RSA-OAEP / PKCS #1 only what fits the modulus.
 */
final class Sdk5KeyWrap {
    private final HsmCluster cluster;
    private final HsmSession session;

    Sdk5KeyWrap(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    HsmResult<Sdk5WrappedKey> wrap(long payloadHandle, long wrappingHandle, Sdk5WrapMechanism mechanism,
                                   Sdk5WrapParameters parameters) {
        Optional<KeyRecord> payload = session.lookup(payloadHandle).filter(session::isVisible);
        if (payload.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord p = payload.get();
        KeyTransfer transfer = new KeyTransfer(cluster, session);
        Optional<ReturnCode> refusal = whyNotPayload(p)
                .or(() -> mechanism.rsa() ? whyNotRsaWrapping(wrappingHandle, p) : transfer.whyNotWrapping(wrappingHandle, Attribute.WRAP, p))
                .or(() -> whyNotParameters(mechanism, parameters, true))
                .or(() -> mechanism == Sdk5WrapMechanism.AES_NO_PAD && p.material().length % 8 != 0
                        ? Optional.of(ReturnCode.WRAP_MECHANISM_UNSUPPORTED) : Optional.empty());
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), p);
        }
        KeyRecord wrapping = session.lookup(wrappingHandle).orElseThrow();
        Sdk5KeyWrapCipher.Wrapped wrapped;
        try {
            wrapped = Sdk5KeyWrapCipher.wrap(mechanism, parameters, cipherKey(wrapping), p.material(), cluster.drbg());
        } catch (IllegalArgumentException e) {
            return session.fail(ReturnCode.WRAP_MECHANISM_UNSUPPORTED, p); // a private key is too long for RSA-OAEP or PKCS #1
        }
        Optional<ReturnCode> noQuorum = transfer.useQuorum(QuorumService.MANAGE_KEY, p, wrapping);
        if (noQuorum.isPresent()) {
            return session.fail(noQuorum.get(), p);
        }
        return session.ok(p, new Sdk5WrappedKey(payloadHandle, wrappingHandle, wrapped.data(), wrapped.iv()));
    }

    /** Only the owner wraps, only an extractable secret or private key (a public key is exported, not wrapped). */
    private Optional<ReturnCode> whyNotPayload(KeyRecord p) {
        if (p.ownerId() != session.user().id()) {
            return Optional.of(ReturnCode.KEY_ACCESS_DENIED);
        }
        if (p.keyClass() == KeyClass.PUBLIC_KEY) {
            return Optional.of(ReturnCode.KEY_CLASS_INVALID);
        }
        return KeyFlags.has(p.flags(), Attribute.EXTRACTABLE) ? Optional.empty() : Optional.of(ReturnCode.KEY_NOT_EXTRACTABLE);
    }

    /** An RSA public key with its wrap attribute (trusted, when the payload asks for it). */
    private Optional<ReturnCode> whyNotRsaWrapping(long handle, KeyRecord payload) {
        Optional<KeyRecord> w = session.lookup(handle).filter(session::isVisible);
        if (w.isEmpty()) {
            return Optional.of(ReturnCode.INVALID_HANDLE);
        }
        KeyRecord k = w.get();
        boolean rsaPublic = k.keyClass() == KeyClass.PUBLIC_KEY && k.keyType() == KeyAlgorithm.RSA;
        boolean trustedEnough = !KeyFlags.has(payload.flags(), Attribute.WRAP_WITH_TRUSTED)
                || KeyFlags.has(k.flags(), Attribute.TRUSTED);
        return rsaPublic && KeyFlags.has(k.flags(), Attribute.WRAP) && trustedEnough ? Optional.empty()
                : Optional.of(ReturnCode.WRAPPING_KEY_INVALID);
    }

    /** GCM's tag length (and, to unwrap aes-gcm, its 12-byte IV); OAEP's hash, MGF1 on the same one. */
    static Optional<ReturnCode> whyNotParameters(Sdk5WrapMechanism m, Sdk5WrapParameters p, boolean wrap) {
        boolean valid = true;
        if (m.gcm()) {
            valid = Sdk5WrapParameters.GCM_TAG_BITS.contains(p.tagBits());
            if (m == Sdk5WrapMechanism.AES_GCM && !wrap) {
                valid &= p.iv() != null && p.iv().length == Sdk5WrapParameters.GCM_IV_BYTES;
            }
        }
        if (m.oaep()) {
            // CloudHSM's OAEP takes MGF1 on the same hash (pkcs11-mechanisms.md; RsaEncryption for PKCS#11)
            valid &= p.hash() != null && p.hash() == p.mgf();
        }
        return valid ? Optional.empty() : Optional.of(ReturnCode.MECHANISM_PARAM_INVALID);
    }

    /** The wrapping key as the cipher takes it: an AES key's bytes, or an RSA key (public to wrap, private to unwrap). */
    static CipherParameters cipherKey(KeyRecord key) {
        if (key.keyType() == KeyAlgorithm.AES && key.keyClass() == KeyClass.SECRET_KEY) {
            return new KeyParameter(key.material());
        }
        return (RSAKeyParameters) AsymmetricMaterial.of(key.keyClass().code(), key.material()).orElseThrow().key();
    }
}
