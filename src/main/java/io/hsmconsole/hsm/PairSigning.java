package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.hsm.ec.FixedBaseEcdsaSigner;
import io.hsmconsole.hsm.ec.PrecomputedNonces;
import io.hsmconsole.hsm.crypto.RsaCrtEngine;
import io.hsmconsole.hsm.crypto.RsaPrivateOperation;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import io.hsmconsole.hsm.key.SignatureScheme;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * {@code sign} / {@code verify} with a key pair (key_mgmt_util-sign.md's mechanisms 0–9 and 15–19):
 * a private key whose OBJ_ATTR_SIGN is set signs, a key whose OBJ_ATTR_VERIFY is set verifies (the
 * public key, as generated). RSA mechanisms need an RSA key, ECDSA an EC key. A private key with
 * m_value ≥ 2 spends a USE_KEY quorum token. BouncyCastle does the mathematics, except an RSA private
 * key's exponentiation, which is {@link RsaPrivateOperation}'s (kept with the decoded key in
 * {@link ParsedKeys}: docs/performance.md says why) and ECDSA's k·G, which is {@link FixedBaseEcdsaSigner}'s
 * precomputed table of G's multiples (BouncyCastle's points, our choice of which to add), with nonces
 * made ahead of the signatures ({@link PrecomputedNonces}: k·G and k⁻¹ on a background thread, each used once); the encodings are OpenSSL's (PKCS#1 v1.5, PSS with
 * salt = hash length, DER ECDSA).
 */
final class PairSigning {
    private final HsmSession session;
    private final SecureRandom random;
    private final ParsedKeys parsed;
    private final PrecomputedNonces nonces;

    PairSigning(HsmSession session, SecureRandom random, ParsedKeys parsed, PrecomputedNonces nonces) {
        this.session = session;
        this.random = random;
        this.parsed = parsed;
        this.nonces = nonces;
    }

    HsmResult<byte[]> sign(long handle, SignMechanism mechanism, byte[] data) {
        return sign(handle, SignatureScheme.of(mechanism), data);
    }

    HsmResult<Void> verify(long handle, SignMechanism mechanism, byte[] data, byte[] signature) {
        return verify(handle, SignatureScheme.of(mechanism), data, signature);
    }

    /**
     * How long this key's signature with this scheme is (a PKCS#11 length query): the modulus length for
     * RSA, twice the curve's for plain ECDSA; refused as {@link #sign} refuses a key of the other type.
     */
    HsmResult<Integer> length(long handle, SignatureScheme mechanism) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return HsmResult.fail(ReturnCode.INVALID_HANDLE, java.util.List.of());
        }
        Optional<AsymmetricMaterial> material = suitable(key.get(), mechanism);
        if (material.isEmpty()) {
            return HsmResult.fail(ReturnCode.MECHANISM_INVALID, java.util.List.of());
        }
        int bytes = (material.get().bits() + 7) / 8;
        return HsmResult.ok(mechanism.family() == SignMechanism.Family.ECDSA ? 2 * bytes : bytes, java.util.List.of());
    }

    HsmResult<byte[]> sign(long handle, SignatureScheme mechanism, byte[] data) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord k = key.get();
        Optional<AsymmetricMaterial> material = suitable(k, mechanism)
                .filter(m -> k.keyClass() == KeyClass.PRIVATE_KEY);
        if (material.isEmpty()) {
            return session.fail(ReturnCode.MECHANISM_INVALID, k);
        }
        Optional<ReturnCode> refusal = KeyUse.permits(k, Attribute.SIGN).or(() -> new KeyUse(session).spendQuorum(k));
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), k);
        }
        Signer signer = parsed.rsaPrivate(k).map(RsaCrtEngine::new)
                .map(engine -> rsaSigner(mechanism, engine)).orElseGet(() -> signer(mechanism, nonces));
        signer.init(true, new ParametersWithRandom(material.get().key(), random));
        signer.update(data, 0, data.length);
        try {
            return session.ok(k, signer.generateSignature());
        } catch (CryptoException | RuntimeException e) {
            // only caller-hashed input can be refused: too long for the modulus, or not a hash's length
            return session.fail(ReturnCode.SIGN_DATA_LEN_INVALID, k);
        }
    }

    HsmResult<Void> verify(long handle, SignatureScheme mechanism, byte[] data, byte[] signature) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord k = key.get();
        Optional<AsymmetricMaterial> material = suitable(k, mechanism)
                .flatMap(m -> AsymmetricMaterial.ofPublic(m.publicKeyInfo()));
        if (material.isEmpty()) {
            return session.fail(ReturnCode.MECHANISM_INVALID, k);
        }
        Optional<ReturnCode> refusal = KeyUse.permits(k, Attribute.VERIFY).or(() -> new KeyUse(session).spendQuorum(k));
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), k);
        }
        Signer verifier = signer(mechanism, null);
        verifier.init(false, material.get().key());
        verifier.update(data, 0, data.length);
        boolean valid;
        try {
            valid = verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            valid = false; // a malformed signature (wrong length, bad DER) is simply not valid
        }
        return valid ? session.ok(k, null) : session.fail(ReturnCode.SIGNATURE_INVALID, k);
    }

    /** The key's material when it is half of a pair of the mechanism's type. */
    private Optional<AsymmetricMaterial> suitable(KeyRecord k, SignatureScheme mechanism) {
        return parsed.material(k).filter(m -> mechanism.pairType() == m.type());
    }

    /**
     * A signer and verifier on BouncyCastle's engines; verifying keeps them (RSADigestSigner's checks). ECDSA
     * signs with a precomputed nonce when {@code nonces} has one ready ({@link PrecomputedNonces}).
     */
    private static Signer signer(SignatureScheme s, PrecomputedNonces nonces) {
        return switch (s.family()) {
            case RSA_PKCS -> s.callerHashed() ? new Pkcs1Signer(new RSABlindedEngine()) : new RSADigestSigner(s.newDigest());
            case RSA_PSS -> pssSigner(s, new RSABlindedEngine());
            case ECDSA -> new DSADigestSigner(new FixedBaseEcdsaSigner(nonces), s.newDigest(),
                    s.plainEcdsa() ? PlainDSAEncoding.INSTANCE : StandardDSAEncoding.INSTANCE);
            case HMAC -> throw new IllegalArgumentException("HMAC is not a key-pair mechanism");
        };
    }

    /** An RSA signer on the key's own private operation: the same paddings, byte for byte. */
    private static Signer rsaSigner(SignatureScheme s, AsymmetricBlockCipher engine) {
        return switch (s.family()) {
            case RSA_PKCS -> new Pkcs1Signer(engine, s.callerHashed() ? null : s.newDigest());
            case RSA_PSS -> pssSigner(s, engine);
            case ECDSA, HMAC -> throw new IllegalArgumentException("not an RSA scheme: " + s.describe());
        };
    }

    private static Signer pssSigner(SignatureScheme s, AsymmetricBlockCipher engine) {
        return s.callerHashed()
                ? PSSSigner.createRawSigner(engine, SignatureScheme.newDigest(s.mgfDigest()),
                        SignatureScheme.newDigest(s.mgfDigest()), s.saltLength(), PSSSigner.TRAILER_IMPLICIT)
                : new PSSSigner(engine, s.newDigest(), SignatureScheme.newDigest(s.mgfDigest()), s.saltLength());
    }
}
