package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.EcdhDerivation;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.generators.KDF2BytesGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KDFParameters;
import org.bouncycastle.util.BigIntegers;

import java.util.Arrays;
import java.util.Optional;

/**
 * ECDH key derivation (PKCS#11's CKM_ECDH1_DERIVE): an EC private key whose OBJ_ATTR_DERIVE is set and
 * the other party's public point on the same curve give the shared secret Z (the x coordinate, the
 * field's length), from which the new secret key's value comes — Z's leftmost bytes with CKD_NULL (as
 * OpenSSL's ECDH_compute_key truncates), or ANSI X9.63's KDF over Z and the shared info. The new key
 * is kept like an unwrapped one (OBJ_ATTR_LOCAL = 0); the private key's quorum applies. CloudHSM's
 * known issue ("ECDH key derivation is executed partially within the HSM") is not observable here.
 */
final class PairDerive {
    private final HsmCluster cluster;
    private final HsmSession session;

    PairDerive(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    HsmResult<GeneratedKey> derive(long handle, EcdhDerivation ecdh, int keyTypeCode, int sizeBytes, KeyOptions options,
                                   SyncObserver observer) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord k = key.get();
        Optional<ECPrivateKeyParameters> ec = AsymmetricMaterial.of(k.keyClass().code(), k.material())
                .filter(m -> k.keyClass() == KeyClass.PRIVATE_KEY && m.type() == AsymmetricKeyType.EC)
                .map(m -> (ECPrivateKeyParameters) m.key());
        if (ec.isEmpty()) {
            return session.fail(ReturnCode.MECHANISM_INVALID, k);
        }
        Optional<ECPublicKeyParameters> peer = peerPoint(ec.get().getParameters(), ecdh.publicData());
        int secretBytes = (ec.get().getParameters().getCurve().getFieldSize() + 7) / 8;
        boolean parametersFit = peer.isPresent() && (ecdh.kdf() != EcdhDerivation.Kdf.NULL
                || (ecdh.sharedData().length == 0 && sizeBytes <= secretBytes));
        KeyCreation creation = new KeyCreation(cluster, session);
        Optional<ReturnCode> refusal = KeyUse.permits(k, Attribute.DERIVE)
                .or(() -> parametersFit ? Optional.empty() : Optional.of(ReturnCode.DERIVE_PARAM_INVALID))
                .or(() -> KeyGeneration.validateType(keyTypeCode, sizeBytes, cluster))
                .or(() -> creation.validate(options, cluster.nodeRecords().size()))
                .or(() -> new KeyUse(session).spendQuorum(k));
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), k);
        }
        byte[] material = derived(ec.get(), peer.get(), ecdh, sizeBytes, secretBytes);
        return creation.create(KeyType.fromCode(keyTypeCode).orElseThrow(), material, options, false, observer);
    }

    private static byte[] derived(ECPrivateKeyParameters own, ECPublicKeyParameters peer, EcdhDerivation ecdh,
                                  int sizeBytes, int secretBytes) {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(own);
        byte[] z = BigIntegers.asUnsignedByteArray(secretBytes, agreement.calculateAgreement(peer));
        try {
            if (ecdh.kdf() == EcdhDerivation.Kdf.NULL) {
                return Arrays.copyOf(z, sizeBytes);
            }
            KDF2BytesGenerator kdf = new KDF2BytesGenerator(ecdh.kdf().newDigest()); // X9.63: counter from 1
            kdf.init(new KDFParameters(z, ecdh.sharedData()));
            byte[] out = new byte[sizeBytes];
            kdf.generateBytes(out, 0, sizeBytes);
            return out;
        } finally {
            Arrays.fill(z, (byte) 0);
        }
    }

    /** The other party's point, bare (PKCS#11's form) or in a DER OCTET STRING (CKA_EC_POINT's), if it is on the curve. */
    private static Optional<ECPublicKeyParameters> peerPoint(ECDomainParameters domain, byte[] data) {
        for (byte[] candidate : new byte[][] {data, unwrapOctetString(data)}) {
            try {
                if (candidate != null && candidate.length > 0) {
                    return Optional.of(new ECPublicKeyParameters(domain.getCurve().decodePoint(candidate), domain));
                }
            } catch (RuntimeException notAPoint) {
                // try the other form
            }
        }
        return Optional.empty();
    }

    private static byte[] unwrapOctetString(byte[] data) {
        try {
            return ASN1OctetString.getInstance(data).getOctets();
        } catch (RuntimeException notDer) {
            return null;
        }
    }
}
