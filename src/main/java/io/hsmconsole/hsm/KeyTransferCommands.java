package io.hsmconsole.hsm;

import io.hsmconsole.hsm.audit.AuditArguments;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.Sdk5UnwrapTarget;
import io.hsmconsole.hsm.key.Sdk5WrapMechanism;
import io.hsmconsole.hsm.key.Sdk5WrapParameters;
import io.hsmconsole.hsm.key.Sdk5WrappedKey;
import io.hsmconsole.hsm.key.WrapSpec;
import io.hsmconsole.hsm.key.WrappedKey;
import java.util.Optional;

/**
 * A session's key-transfer commands ({@link HsmSession#transfers()}): exSymKey, wrapKey, imSymKey
 * (plain and {@code -wk}), unWrapKey, and unWrapKey as Client SDK 5's library does it (under the key
 * availability quorum). Each checks the user and is audited once; the work is {@link KeyTransfer}'s.
 */
public final class KeyTransferCommands {
    private final HsmCluster cluster;
    private final HsmSession session;

    KeyTransferCommands(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    /** {@link #unwrapKey} as Client SDK 5's library does it: a token key returns once two HSMs hold it. */
    public HsmResult<GeneratedKey> unwrapAvailableKey(byte[] ciphertext, long wrappingHandle, int mechanismCode,
                                                      KeyTemplate template, KeyOptions options) {
        Optional<HsmResult<GeneratedKey>> refused = session.requireCryptoUser();
        return refused.orElseGet(() -> new KeyAvailability(cluster, session).unwrap(ciphertext, wrappingHandle, mechanismCode,
                template, options));
    }

    /** {@code exSymKey}: the plaintext of a key this user owns, if it is extractable. */
    public HsmResult<byte[]> exportKey(long handle, long wrappingHandle) {
        return session.cryptoCommand("exSymKey", "-k " + handle + " -w " + wrappingHandle,
                () -> new KeyTransfer(cluster, session).export(handle, wrappingHandle));
    }

    /** {@code wrapKey}: the key encrypted under an AES wrapping key, with the attributes a header carries. */
    public HsmResult<WrappedKey> wrapKey(long handle, long wrappingHandle, int mechanismCode) {
        return wrapKey(handle, wrappingHandle, WrapSpec.of(mechanismCode));
    }

    /**
     * {@code wrapKey} with any mechanism: a secret or private key this user owns, encrypted under an AES
     * key or (RSA_OAEP) an RSA public key, with the attributes a header carries.
     */
    public HsmResult<WrappedKey> wrapKey(long handle, long wrappingHandle, WrapSpec spec) {
        return session.cryptoCommand("wrapKey", "-k " + handle + " -w " + wrappingHandle + describe(spec),
                () -> new KeyTransfer(cluster, session).wrap(handle, wrappingHandle, spec));
    }

    /** {@code imSymKey}: makes a key (OBJ_ATTR_LOCAL = 0) from plaintext; {@code material} is wiped. */
    public HsmResult<GeneratedKey> importKey(byte[] material, long wrappingHandle, int keyTypeCode, KeyOptions options,
                                             SyncObserver observer) {
        return session.cryptoCommand("imSymKey", "-w " + wrappingHandle + " -t " + keyTypeCode + " " + AuditArguments.options(options),
                () -> new KeyTransfer(cluster, session).importKey(material, wrappingHandle, keyTypeCode, options, observer));
    }

    /**
     * {@code imSymKey -wk}: a key the tool wrapped on the host (AES key wrap with PKCS #5 padding) with
     * the AES key of the -wk file; the HSM unwraps it with {@code wrappingHandle}, which must be the
     * same key. The new key has OBJ_ATTR_LOCAL = 0.
     */
    public HsmResult<GeneratedKey> importWrappedKey(byte[] ciphertext, long wrappingHandle, int keyTypeCode,
                                                    KeyOptions options, SyncObserver observer) {
        return session.cryptoCommand("imSymKey", "-w " + wrappingHandle + " -wk <file> -t " + keyTypeCode + " "
                        + AuditArguments.options(options),
                () -> new KeyTransfer(cluster, session).importWrapped(ciphertext, wrappingHandle, keyTypeCode, options,
                        observer));
    }

    /** {@code unWrapKey}: decrypts a wrapped key inside the HSM and keeps it (OBJ_ATTR_LOCAL = 0). */
    public HsmResult<GeneratedKey> unwrapKey(byte[] ciphertext, long wrappingHandle, int mechanismCode,
                                             KeyTemplate template, KeyOptions options, SyncObserver observer) {
        return unwrapKey(ciphertext, wrappingHandle, WrapSpec.of(mechanismCode), template, options, observer);
    }

    /** {@code unWrapKey} with any mechanism: a secret or private key (the template's class 4 or 3) is kept, LOCAL = 0. */
    public HsmResult<GeneratedKey> unwrapKey(byte[] ciphertext, long wrappingHandle, WrapSpec spec,
                                             KeyTemplate template, KeyOptions options, SyncObserver observer) {
        return session.cryptoCommand("unWrapKey", "-w " + wrappingHandle + describe(spec) + " "
                        + AuditArguments.options(options),
                () -> new KeyTransfer(cluster, session).unwrap(ciphertext, wrappingHandle, spec, template, options,
                        observer));
    }

    /** The audit record's words for a spec: the mechanism, and the hash or GCM options given. */
    private static String describe(WrapSpec spec) {
        return " -m " + spec.mechanismCode() + (spec.oaepHash() == null ? "" : " -t " + spec.oaepHash())
                + (spec.aad().length == 0 ? "" : " -aad <file>") + (spec.iv() == null ? "" : " -iv_file <file>")
                + (spec.tagBytes() == WrapSpec.MAX_TAG_BYTES ? "" : " -tag_size " + spec.tagBytes());
    }

    /** Client SDK 5's {@code key wrap <mechanism>}: the rules are {@link Sdk5KeyWrap}'s. */
    public HsmResult<Sdk5WrappedKey> wrapSdk5(long payloadHandle, long wrappingHandle, Sdk5WrapMechanism mechanism,
                                              Sdk5WrapParameters parameters) {
        return session.cryptoCommand("wrapKey", "-k " + payloadHandle + " -w " + wrappingHandle + " -m " + mechanism.cliName(),
                () -> new Sdk5KeyWrap(cluster, session).wrap(payloadHandle, wrappingHandle, mechanism, parameters));
    }

    /**
     * Client SDK 5's {@code key unwrap <mechanism>} ({@link Sdk5KeyUnwrap}), under the key availability
     * quorum as the SDK makes every token key: it returns once two HSMs hold the key.
     */
    public HsmResult<GeneratedKey> unwrapSdk5(byte[] data, long wrappingHandle, Sdk5WrapMechanism mechanism,
                                              Sdk5WrapParameters parameters, Sdk5UnwrapTarget target) {
        return unwrapSdk5(data, wrappingHandle, mechanism, parameters, target, AvailabilityCheck.ON);
    }

    /** As above under the client's key durability setting ({@link AvailabilityCheck}: off, it returns once its HSM holds the key). */
    public HsmResult<GeneratedKey> unwrapSdk5(byte[] data, long wrappingHandle, Sdk5WrapMechanism mechanism,
                                              Sdk5WrapParameters parameters, Sdk5UnwrapTarget target, AvailabilityCheck check) {
        return new KeyAvailability(cluster, session).create(target.options(), options -> session.cryptoCommand("unWrapKey",
                "-w " + wrappingHandle + " -m " + mechanism.cliName() + " " + AuditArguments.options(options),
                () -> new Sdk5KeyUnwrap(cluster, session).unwrap(data, wrappingHandle, mechanism, parameters,
                        new Sdk5UnwrapTarget(target.keyClass(), target.keyTypeCode(), target.attributes(), options))), check);
    }
}
