package io.hsmconsole.hsm;

import io.hsmconsole.hsm.audit.AuditArguments;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.Sdk5UnwrapTarget;
import io.hsmconsole.hsm.key.EcdhDerivation;
import io.hsmconsole.hsm.key.PairFacts;
import io.hsmconsole.hsm.key.RsaEncryption;

import java.util.List;
import java.util.Optional;

/**
 * A session's key-pair commands ({@link HsmSession#pairs()}): genRSAKeyPair/genECCKeyPair, Client SDK 5's
 * and PKCS#11's forms of them, and public/private key import and export. Each entry point checks the
 * user and records the command once, as every session command does; the work is in
 * {@link KeyPairGeneration}, {@link PairTransfer} and {@link PairUnwrap}.
 */
public final class KeyPairs {
    private final HsmCluster cluster;
    private final HsmSession session;

    KeyPairs(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    /** {@code genRSAKeyPair} / {@code genECCKeyPair}: a public and a private key made together ({@link KeyPairGeneration}). */
    public HsmResult<GeneratedPair> generateKeyPair(KeyPairRequest request, SyncObserver observer) {
        Optional<HsmResult<GeneratedPair>> refused = session.requireCryptoUser();
        return session.audited(AuditArguments.keyPairCommand(request), AuditArguments.keyPair(request),
                refused.orElseGet(() -> new KeyPairGeneration(cluster, session).generate(request, observer)));
    }

    /** {@link #generateKeyPair} as Client SDK 5's library does it: a token pair returns once two HSMs hold it. */
    public HsmResult<GeneratedPair> generateAvailableKeyPair(KeyPairRequest request) {
        Optional<HsmResult<GeneratedPair>> refused = session.requireCryptoUser();
        return refused.orElseGet(() -> new KeyAvailability(cluster, session).generatePair(request));
    }

    /**
     * Client SDK 5's {@code key generate-asymmetric-pair rsa|ec}: genRSAKeyPair's/genECCKeyPair's rules
     * and pair, with SDK 5's per-half labels and attribute defaults ({@link Sdk5PairAttributes}).
     */
    public HsmResult<GeneratedPair> generateSdk5KeyPair(KeyPairRequest request, Sdk5PairAttributes sdk5) {
        Optional<HsmResult<GeneratedPair>> refused = session.<GeneratedPair>requireCryptoUser()
                .or(() -> sdk5.whyNotSettable().map(code -> session.<GeneratedPair>fail(code, null)));
        return session.audited(AuditArguments.keyPairCommand(request), AuditArguments.keyPair(request),
                refused.orElseGet(() -> new KeyPairGeneration(cluster, session).generateSdk5(request, sdk5)));
    }

    /** Every reason a key-pair request would be refused now, in the HSM's order; a form's pre-flight, not audited. */
    public List<ReturnCode> checkKeyPair(KeyPairRequest request) {
        Optional<HsmResult<Void>> refused = session.requireCryptoUser();
        return refused.map(r -> List.of(r.code())).orElseGet(() -> new KeyPairGeneration(cluster, session).problems(request));
    }

    /**
     * One half of a pair as the console shows it: the pair's public key, its size or curve, and the
     * other half's handles this user can see ({@link PairLinks}). A display read, not a command: not audited.
     */
    public HsmResult<PairFacts> facts(long handle) {
        return new PairLinks(cluster, session).facts(handle);
    }

    /** {@code exportPubKey}: the DER SubjectPublicKeyInfo of an extractable public key. */
    public HsmResult<byte[]> exportPublicKey(long handle) {
        return session.audited("exportPubKey", "-k " + handle, session.<byte[]>requireCryptoUser()
                .orElseGet(() -> new PairTransfer(cluster, session).exportPublic(handle)));
    }

    /** {@code importPubKey}: a public key from its DER SubjectPublicKeyInfo (OBJ_ATTR_LOCAL = 0). */
    public HsmResult<GeneratedKey> importPublicKey(byte[] publicKeyInfo, KeyOptions options, SyncObserver observer) {
        return session.audited("importPubKey", AuditArguments.options(options), session.<GeneratedKey>requireCryptoUser()
                .orElseGet(() -> new PairTransfer(cluster, session).importPublic(publicKeyInfo, options, observer)));
    }

    /** {@code importPrivateKey}: a private key from its DER PKCS#8 through an AES wrapping key; {@code privateKeyInfo} is wiped. */
    public HsmResult<GeneratedKey> importPrivateKey(byte[] privateKeyInfo, long wrappingHandle, KeyOptions options,
                                                    SyncObserver observer) {
        return session.audited("importPrivateKey", "-w " + wrappingHandle + " " + AuditArguments.options(options),
                session.<GeneratedKey>requireCryptoUser().orElseGet(() -> new PairTransfer(cluster, session)
                        .importPrivate(privateKeyInfo, wrappingHandle, options, observer)));
    }

    /** {@code exportPrivateKey}: the DER PKCS#8 of the owner's extractable private key, by way of an AES wrapping key. */
    public HsmResult<byte[]> exportPrivateKey(long handle, long wrappingHandle) {
        return session.audited("exportPrivateKey", "-k " + handle + " -w " + wrappingHandle, session.<byte[]>requireCryptoUser()
                .orElseGet(() -> new PairTransfer(cluster, session).exportPrivate(handle, wrappingHandle)));
    }

    /**
     * {@code unWrapKey -m 8 -t <hash>}: a secret key RSA-OAEP-encrypted under the public half of an RSA
     * private key this user may use ({@link PairUnwrap}); kept with OBJ_ATTR_LOCAL = 0.
     */
    public HsmResult<GeneratedKey> unwrapKeyRsaOaep(byte[] ciphertext, long wrappingHandle, int hashCode,
                                                    KeyTemplate template, KeyOptions options, SyncObserver observer) {
        return session.audited("unWrapKey", "-w " + wrappingHandle + " -m " + PairUnwrap.RSA_OAEP + " -t " + hashCode + " "
                + AuditArguments.options(options), session.<GeneratedKey>requireCryptoUser().orElseGet(() ->
                new PairUnwrap(cluster, session).unwrap(ciphertext, wrappingHandle, hashCode, template, options, observer)));
    }

    /**
     * PKCS#11's C_WrapKey with CKM_RSA_PKCS_OAEP or CKM_RSA_PKCS: a secret key encrypted under an RSA
     * key whose OBJ_ATTR_WRAP is set ({@link PairWrap}).
     */
    public HsmResult<byte[]> wrapKeyRsa(long handle, long wrappingHandle, RsaEncryption scheme) {
        return session.cryptoCommand("wrapKey", "-k " + handle + " -w " + wrappingHandle + " " + scheme.describe(),
                () -> new PairWrap(cluster, session).wrap(handle, wrappingHandle, scheme));
    }

    /** PKCS#11's C_UnwrapKey with an RSA private key ({@link PairUnwrap}), as Client SDK 5 does it: under the key availability quorum. */
    public HsmResult<GeneratedKey> unwrapAvailableKeyRsa(byte[] ciphertext, long wrappingHandle, RsaEncryption scheme,
                                                         KeyTemplate template, KeyOptions options) {
        return session.<GeneratedKey>requireCryptoUser().orElseGet(() -> new KeyAvailability(cluster, session).create(options,
                o -> unwrapKeyRsa(ciphertext, wrappingHandle, scheme, template, o, SyncObserver.NONE)));
    }

    /** C_UnwrapKey with an RSA private key without the availability wait (the daemon's {@code --disable-key-availability-check}). */
    public HsmResult<GeneratedKey> unwrapKeyRsa(byte[] ciphertext, long wrappingHandle, RsaEncryption scheme, KeyTemplate template,
                                                KeyOptions options, SyncObserver observer) {
        return session.cryptoCommand("unWrapKey", "-w " + wrappingHandle + " " + scheme.describe() + " "
                + AuditArguments.options(options),
                () -> new PairUnwrap(cluster, session).unwrap(ciphertext, wrappingHandle, scheme, template, options, observer));
    }

    /** PKCS#11's C_DeriveKey with CKM_ECDH1_DERIVE ({@link PairDerive}), under the key availability quorum. */
    public HsmResult<GeneratedKey> deriveAvailableKey(long handle, EcdhDerivation ecdh, int keyTypeCode, int sizeBytes,
                                                      KeyOptions options) {
        return session.<GeneratedKey>requireCryptoUser().orElseGet(() -> new KeyAvailability(cluster, session).create(options,
                o -> deriveKey(handle, ecdh, keyTypeCode, sizeBytes, o, SyncObserver.NONE)));
    }

    /** C_DeriveKey with CKM_ECDH1_DERIVE without the availability wait. */
    public HsmResult<GeneratedKey> deriveKey(long handle, EcdhDerivation ecdh, int keyTypeCode, int sizeBytes, KeyOptions options,
                                             SyncObserver observer) {
        return session.cryptoCommand("deriveKey", "-k " + handle + " " + ecdh.describe() + " -t " + keyTypeCode + " -s "
                + sizeBytes + " " + AuditArguments.options(options),
                () -> new PairDerive(cluster, session).derive(handle, ecdh, keyTypeCode, sizeBytes, options, observer));
    }

    /** The DER SubjectPublicKeyInfo of a private key's pair, for a key reference file ({@link PairReference}). */
    public HsmResult<byte[]> publicKeyOfPrivate(long privateHandle) {
        return session.audited("exportPubKey", "-k " + privateHandle, session.<byte[]>requireCryptoUser()
                .orElseGet(() -> new PairReference(session).publicOfPrivate(privateHandle)));
    }

    /** Client SDK 5's {@code key import pem} of a private key ({@link Sdk5PrivateImport}); {@code pkcs8} is wiped. */
    public HsmResult<GeneratedKey> importSdk5PrivateKey(byte[] pkcs8, Sdk5UnwrapTarget target) {
        return session.audited("importPrivateKey", AuditArguments.options(target.options()),
                session.<GeneratedKey>requireCryptoUser().orElseGet(() -> new Sdk5PrivateImport(cluster, session)
                        .importPrivate(pkcs8, target)));
    }
}
