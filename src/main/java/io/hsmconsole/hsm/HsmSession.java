package io.hsmconsole.hsm;

import io.hsmconsole.hsm.audit.AuditArguments;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.CipherRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.hsm.key.SignatureScheme;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.NodeKeyList;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.WrappedKey;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.KeySummary;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a logged-in user may do. Each method checks the rules itself (role, ownership,
 * sharing, quorum) so that every client, GUI or script, gets the same answer. {@link #close()}
 * ends the session: its session keys vanish.
 */
public final class HsmSession implements AutoCloseable {
    private final HsmCluster cluster;
    private final UserInfo user;
    private final LoginChannel channel;
    private final int homeNode;
    private final SessionKeys sessionKeys;
    private final UserAdministration users;
    private final QuorumTokens tokens;
    private final QuorumApprovals quorum;
    private final KeyReading reading;
    private final AttributeChange attributeChange;
    private final KeyOwnership ownership;
    private volatile boolean open = true;

    HsmSession(HsmCluster cluster, UserInfo user, LoginChannel channel, int homeNode) {
        this.cluster = cluster;
        this.user = user;
        this.channel = channel;
        this.homeNode = homeNode;
        this.sessionKeys = new SessionKeys(cluster.store());
        this.users = new UserAdministration(cluster, this);
        this.tokens = new QuorumTokens(cluster.clock());
        this.quorum = new QuorumApprovals(cluster, this, tokens);
        this.reading = new KeyReading(cluster, this);
        this.attributeChange = new AttributeChange(cluster, this);
        this.ownership = new KeyOwnership(cluster, this);
    }

    QuorumApprovals quorum() {
        return quorum;
    }

    public UserInfo user() {
        return user;
    }

    public LoginChannel channel() {
        return channel;
    }

    public int homeNode() {
        return homeNode;
    }

    public boolean isOpen() {
        return open;
    }

    SessionKeys keys() {
        return sessionKeys;
    }

    // ---- keys ----

    public HsmResult<GeneratedKey> generateSymmetricKey(GenSymKeyRequest request) {
        return generateSymmetricKey(request, SyncObserver.NONE);
    }

    public HsmResult<GeneratedKey> generateSymmetricKey(GenSymKeyRequest request, SyncObserver observer) {
        return cryptoCommand("genSymKey", AuditArguments.genSymKey(request),
                () -> new KeyGeneration(cluster, this).generate(request, observer));
    }

    /**
     * Client SDK 5's {@code key generate-symmetric}: SDK 5's attribute defaults (not genSymKey's), with
     * the boolean attributes the caller sets at generation ({@link Sdk5KeyAttributes} says which may be
     * set), made under the key availability quorum as {@link #generateAvailableKey}. Everything else
     * (type, size, label, sharing, quorum) is judged as for genSymKey.
     */
    public HsmResult<GeneratedKey> generateSdk5Key(GenSymKeyRequest request, Map<Attribute, Boolean> attributes) {
        Optional<HsmResult<GeneratedKey>> refused = this.<GeneratedKey>requireCryptoUser()
                .or(() -> Sdk5KeyAttributes.whyNotSettable(attributes.keySet())
                        .map(code -> this.<GeneratedKey>fail(code, null)));
        if (refused.isPresent()) {
            return audited("genSymKey", AuditArguments.genSymKey(request), refused.get());
        }
        return new KeyAvailability(cluster, this).generate(request, r -> audited("genSymKey", AuditArguments.genSymKey(r),
                new KeyGeneration(cluster, this).generate(r, SyncObserver.NONE,
                        kmuDefaults -> Sdk5KeyAttributes.flags(kmuDefaults, attributes))));
    }

    /**
     * genSymKey as Client SDK 5's libraries make a token key under the key availability quorum: the
     * call returns once {@link KeyAvailability#QUORUM} HSMs hold the key (the SDK's client-side
     * synchronization), and fails with {@link ReturnCode#KEY_NOT_AVAILABLE} — nothing left behind —
     * when the cluster cannot get it there. Session keys are made as usual.
     */
    public HsmResult<GeneratedKey> generateAvailableKey(GenSymKeyRequest request) {
        Optional<HsmResult<GeneratedKey>> refused = requireCryptoUser();
        return refused.orElseGet(() -> new KeyAvailability(cluster, this).generate(request));
    }

    /** {@code genRSAKeyPair} / {@code genECCKeyPair}: a public and a private key made together ({@link KeyPairGeneration}). */
    public HsmResult<GeneratedPair> generateKeyPair(KeyPairRequest request, SyncObserver observer) {
        Optional<HsmResult<GeneratedPair>> refused = requireCryptoUser();
        return audited(AuditArguments.keyPairCommand(request), AuditArguments.keyPair(request),
                refused.orElseGet(() -> new KeyPairGeneration(cluster, this).generate(request, observer)));
    }

    /** {@link #generateKeyPair} as Client SDK 5's library does it: a token pair returns once two HSMs hold it. */
    public HsmResult<GeneratedPair> generateAvailableKeyPair(KeyPairRequest request) {
        Optional<HsmResult<GeneratedPair>> refused = requireCryptoUser();
        return refused.orElseGet(() -> new KeyAvailability(cluster, this).generatePair(request));
    }

    /**
     * Client SDK 5's {@code key generate-asymmetric-pair rsa|ec}: genRSAKeyPair's/genECCKeyPair's rules
     * and pair, with SDK 5's per-half labels and attribute defaults ({@link Sdk5PairAttributes}).
     */
    public HsmResult<GeneratedPair> generateSdk5KeyPair(KeyPairRequest request, Sdk5PairAttributes sdk5) {
        Optional<HsmResult<GeneratedPair>> refused = this.<GeneratedPair>requireCryptoUser()
                .or(() -> sdk5.whyNotSettable().map(code -> this.<GeneratedPair>fail(code, null)));
        return audited(AuditArguments.keyPairCommand(request), AuditArguments.keyPair(request),
                refused.orElseGet(() -> new KeyPairGeneration(cluster, this).generateSdk5(request, sdk5)));
    }

    /** Every reason a key-pair request would be refused now, in the HSM's order; a form's pre-flight, not audited. */
    public List<ReturnCode> checkKeyPair(KeyPairRequest request) {
        Optional<HsmResult<Void>> refused = requireCryptoUser();
        return refused.map(r -> List.of(r.code())).orElseGet(() -> new KeyPairGeneration(cluster, this).problems(request));
    }

    /** {@link #unwrapKey} as Client SDK 5's library does it: a token key returns once two HSMs hold it. */
    public HsmResult<GeneratedKey> unwrapAvailableKey(byte[] ciphertext, long wrappingHandle, int mechanismCode,
                                                      KeyTemplate template, KeyOptions options) {
        Optional<HsmResult<GeneratedKey>> refused = requireCryptoUser();
        return refused.orElseGet(() -> new KeyAvailability(cluster, this).unwrap(ciphertext, wrappingHandle, mechanismCode,
                template, options));
    }

    /**
     * Client SDK 5's question before a key is used: is it available, i.e. does a token key exist on at
     * least {@link KeyAvailability#QUORUM} online HSMs? {@link ReturnCode#KEY_NOT_AVAILABLE} until it
     * has synchronized; session keys always are. Not a command: not audited.
     */
    public HsmResult<Void> checkKeyAvailability(long handle) {
        return withVisibleKey(handle, key -> new KeyAvailability(cluster, this).check(key));
    }

    /**
     * Every reason genSymKey would refuse this request right now, in the order the HSM checks them
     * (the first is its answer), without making anything. A pre-flight for forms; not a command, so
     * it is not audited. Capacity and node availability are only known when generating.
     */
    public List<ReturnCode> checkGenSymKey(GenSymKeyRequest request) {
        if (!open) {
            return List.of(ReturnCode.NOT_LOGGED_IN);
        }
        if (user.type() != UserType.CU) {
            return List.of(ReturnCode.NOT_AUTHORIZED);
        }
        return new KeyGeneration(cluster, this).problems(request);
    }

    public HsmResult<KeyInfo> keyInfo(long handle) {
        return keyInfo(handle, ReadPurpose.COMMAND);
    }

    /** {@code getKeyInfo}; audited unless it only refreshes what a window shows ({@link ReadPurpose}). */
    public HsmResult<KeyInfo> keyInfo(long handle, ReadPurpose purpose) {
        return audited(purpose, "getKeyInfo", "-k " + handle, reading.keyInfo(handle));
    }

    public HsmResult<KeyAttributes> attributes(long handle) {
        return attributes(handle, false);
    }

    /** Every attribute of the key; audited unless it only refreshes what a window shows ({@link ReadPurpose}). */
    public HsmResult<KeyAttributes> attributes(long handle, ReadPurpose purpose) {
        return audited(purpose, "getAttribute", "-o " + handle + " -a " + Attribute.ALL, reading.attributes(handle, false));
    }

    /** {@code getAttribute -attest}: the serving node signs its answer and the result carries the verdict. */
    public HsmResult<KeyAttributes> attributes(long handle, boolean attest) {
        return audited("getAttribute", "-o " + handle + " -a " + Attribute.ALL + (attest ? " -attest" : ""),
                reading.attributes(handle, attest));
    }

    /**
     * Why this user may not change the attribute, or empty if they may: the inspector asks this to
     * decide what is editable, and {@link #setAttribute} enforces the same answer.
     */
    public Optional<ReturnCode> whyNotModifiable(long handle, Attribute attribute) {
        return attributeChange.whyNotModifiable(handle, attribute);
    }

    /** Sets one attribute. {@code text} is used for LABEL, {@code number} (0 or 1) for the booleans. */
    public HsmResult<Void> setAttribute(long handle, Attribute attribute, long number, String text) {
        return audited("setAttribute", "-o " + handle + " -a " + attribute.id() + " -v "
                + (attribute == Attribute.LABEL ? text : String.valueOf(number)),
                attributeChange.change(handle, attribute, number, text));
    }

    /** {@code findKey}: the keys this user can use that match every given criterion, in creation order. */
    public HsmResult<List<Long>> findKeys(KeyQuery q) {
        return reading.findKeys(q);
    }

    /** Every key this user can see, with its coverage: the key list. */
    public HsmResult<List<KeySummary>> listKeys() {
        return reading.listKeys();
    }

    /**
     * CMU {@code findAllKeys}: for an officer (or the appliance user), per online node, the keys the
     * given user owns or shares there and optionally the hash of the node's ownership table.
     */
    public HsmResult<List<NodeKeyList>> findAllKeys(int userId, boolean withHash) {
        return reading.findAllKeys(userId, withHash);
    }

    /** {@code deleteKey}: only the owner, only a destroyable key; gone from every node at once. */
    public HsmResult<Void> deleteKey(long handle) {
        return audited("deleteKey", "-k " + handle, ownership.delete(handle));
    }

    /**
     * CMU {@code shareKey}: the owner shares a token key with another crypto user, or stops sharing
     * it. Session keys cannot be shared; a quorum key needs approvals first.
     */
    public HsmResult<Void> shareKey(long handle, int userId, boolean share) {
        return audited("shareKey", handle + " " + userId + " " + (share ? 1 : 0), ownership.share(handle, userId, share));
    }

    /**
     * Whether this session may work with keys at all (make, list, use, share, delete them): only a
     * crypto user, and only while logged in. Every key command answers this refusal first.
     */
    public Permission mayUseKeys() {
        return Permission.of(this.<Void>requireCryptoUser().map(HsmResult::code));
    }

    /**
     * Whether this session may share its keys with {@code target} (genSymKey {@code -u}, shareKey):
     * only a crypto user shares, and only with another existing crypto user. Per key, ownership,
     * session keys and quorum are judged by {@link #shareKey}.
     */
    public Permission mayShareWith(UserInfo target) {
        return Permission.of(mayUseKeys().refusal()
                .or(() -> ShareRules.whyNotShareWith(user.id(), target.id(), target.type())));
    }

    /**
     * Whether this session may share or unshare this key at all, before any user is chosen: a crypto
     * user, a key it sees, owns, and that is a token key. The answer {@link #shareKey} gives first.
     * Not audited: it is a question, not a command.
     */
    public Permission mayShare(long handle) {
        return Permission.of(mayUseKeys().refusal().or(() -> ownership.whyNotShare(handle)));
    }

    /** The users this session may share keys with (every other crypto user), for pickers; not audited. */
    public List<UserInfo> shareCandidates() {
        return cluster.users().stream().filter(u -> mayShareWith(u).granted()).toList();
    }

    // ---- export, import, wrap ----

    /** {@code exSymKey}: the plaintext of a key this user owns, if it is extractable. */
    public HsmResult<byte[]> exportKey(long handle, long wrappingHandle) {
        return cryptoCommand("exSymKey", "-k " + handle + " -w " + wrappingHandle,
                () -> new KeyTransfer(cluster, this).export(handle, wrappingHandle));
    }

    /** {@code wrapKey}: the key encrypted under an AES wrapping key, with the attributes a header carries. */
    public HsmResult<WrappedKey> wrapKey(long handle, long wrappingHandle, int mechanismCode) {
        return cryptoCommand("wrapKey", "-k " + handle + " -w " + wrappingHandle + " -m " + mechanismCode,
                () -> new KeyTransfer(cluster, this).wrap(handle, wrappingHandle, mechanismCode));
    }

    /** {@code imSymKey}: makes a key (OBJ_ATTR_LOCAL = 0) from plaintext; {@code material} is wiped. */
    public HsmResult<GeneratedKey> importKey(byte[] material, long wrappingHandle, int keyTypeCode, KeyOptions options,
                                             SyncObserver observer) {
        return cryptoCommand("imSymKey", "-w " + wrappingHandle + " -t " + keyTypeCode + " " + AuditArguments.options(options),
                () -> new KeyTransfer(cluster, this).importKey(material, wrappingHandle, keyTypeCode, options, observer));
    }

    /**
     * {@code imSymKey -wk}: a key the tool wrapped on the host (AES key wrap with PKCS #5 padding) with
     * the AES key of the -wk file; the HSM unwraps it with {@code wrappingHandle}, which must be the
     * same key. The new key has OBJ_ATTR_LOCAL = 0.
     */
    public HsmResult<GeneratedKey> importWrappedKey(byte[] ciphertext, long wrappingHandle, int keyTypeCode,
                                                    KeyOptions options, SyncObserver observer) {
        return cryptoCommand("imSymKey", "-w " + wrappingHandle + " -wk <file> -t " + keyTypeCode + " "
                        + AuditArguments.options(options),
                () -> new KeyTransfer(cluster, this).importWrapped(ciphertext, wrappingHandle, keyTypeCode, options,
                        observer));
    }

    /** {@code unWrapKey}: decrypts a wrapped key inside the HSM and keeps it (OBJ_ATTR_LOCAL = 0). */
    public HsmResult<GeneratedKey> unwrapKey(byte[] ciphertext, long wrappingHandle, int mechanismCode,
                                             KeyTemplate template, KeyOptions options, SyncObserver observer) {
        return cryptoCommand("unWrapKey", "-w " + wrappingHandle + " -m " + mechanismCode + " " + AuditArguments.options(options),
                () -> new KeyTransfer(cluster, this).unwrap(ciphertext, wrappingHandle, mechanismCode, template, options,
                        observer));
    }

    /** {@code exportPubKey}: the DER SubjectPublicKeyInfo of an extractable public key. */
    public HsmResult<byte[]> exportPublicKey(long handle) {
        return audited("exportPubKey", "-k " + handle, this.<byte[]>requireCryptoUser()
                .orElseGet(() -> new PairTransfer(cluster, this).exportPublic(handle)));
    }

    /** {@code importPubKey}: a public key from its DER SubjectPublicKeyInfo (OBJ_ATTR_LOCAL = 0). */
    public HsmResult<GeneratedKey> importPublicKey(byte[] publicKeyInfo, KeyOptions options, SyncObserver observer) {
        return audited("importPubKey", AuditArguments.options(options), this.<GeneratedKey>requireCryptoUser()
                .orElseGet(() -> new PairTransfer(cluster, this).importPublic(publicKeyInfo, options, observer)));
    }

    /** {@code importPrivateKey}: a private key from its DER PKCS#8 through an AES wrapping key; {@code privateKeyInfo} is wiped. */
    public HsmResult<GeneratedKey> importPrivateKey(byte[] privateKeyInfo, long wrappingHandle, KeyOptions options,
                                                    SyncObserver observer) {
        return audited("importPrivateKey", "-w " + wrappingHandle + " " + AuditArguments.options(options),
                this.<GeneratedKey>requireCryptoUser().orElseGet(() -> new PairTransfer(cluster, this)
                        .importPrivate(privateKeyInfo, wrappingHandle, options, observer)));
    }

    /** {@code exportPrivateKey}: the DER PKCS#8 of the owner's extractable private key, by way of an AES wrapping key. */
    public HsmResult<byte[]> exportPrivateKey(long handle, long wrappingHandle) {
        return audited("exportPrivateKey", "-k " + handle + " -w " + wrappingHandle, this.<byte[]>requireCryptoUser()
                .orElseGet(() -> new PairTransfer(cluster, this).exportPrivate(handle, wrappingHandle)));
    }

    /**
     * {@code unWrapKey -m 8 -t <hash>}: a secret key RSA-OAEP-encrypted under the public half of an RSA
     * private key this user may use ({@link PairUnwrap}); kept with OBJ_ATTR_LOCAL = 0.
     */
    public HsmResult<GeneratedKey> unwrapKeyRsaOaep(byte[] ciphertext, long wrappingHandle, int hashCode,
                                                    KeyTemplate template, KeyOptions options, SyncObserver observer) {
        return audited("unWrapKey", "-w " + wrappingHandle + " -m " + PairUnwrap.RSA_OAEP + " -t " + hashCode + " "
                + AuditArguments.options(options), this.<GeneratedKey>requireCryptoUser().orElseGet(() ->
                new PairUnwrap(cluster, this).unwrap(ciphertext, wrappingHandle, hashCode, template, options, observer)));
    }

    // ---- key use ----

    /**
     * {@code aesWrapUnwrap}: RFC 3394 AES key wrap after PKCS #5 padding ({@code wrap}) or unwrap of host data with an AES key
     * whose OBJ_ATTR_WRAP (or UNWRAP) is set; {@code iv} is 8 bytes, or null for the default A6A6….
     */
    public HsmResult<byte[]> aesWrapUnwrap(long handle, boolean wrap, byte[] data, byte[] iv) {
        return cryptoCommand("aesWrapUnwrap", "-m " + (wrap ? 1 : 0) + " -w " + handle + (iv == null ? "" : " -i <iv>"),
                () -> new KeyUse(this).aesWrapUnwrap(handle, wrap, data, iv));
    }

    /**
     * PKCS#11 C_Encrypt / C_Decrypt: AES (ECB, CBC, CBC with padding, CTR, GCM) or 3DES (ECB, CBC, CBC with
     * padding) with a key that permits the use; the rules are {@link KeyCipher}'s.
     */
    public HsmResult<byte[]> crypt(long handle, boolean encrypt, CipherRequest request, byte[] data) {
        return cryptoCommand(encrypt ? "encrypt" : "decrypt", "-k " + handle + " -m " + request.mechanism(),
                () -> new KeyCipher(this, cluster.drbg()).crypt(handle, encrypt, request, data));
    }

    /** PKCS#11 C_Sign with CKM_AES_CMAC: the 16-byte AES-CMAC of {@code data} with an AES key whose OBJ_ATTR_SIGN is set. */
    public HsmResult<byte[]> cmacSign(long handle, byte[] data) {
        return cryptoCommand("sign", "-k " + handle + " -m AES_CMAC", () -> new KeyCipher(this, cluster.drbg()).cmac(handle, data));
    }

    /** PKCS#11 C_Verify with CKM_AES_CMAC: success when {@code mac} is the AES-CMAC of {@code data}. */
    public HsmResult<Void> cmacVerify(long handle, byte[] data, byte[] mac) {
        return cryptoCommand("verify", "-k " + handle + " -m AES_CMAC",
                () -> new KeyCipher(this, cluster.drbg()).cmacVerify(handle, data, mac));
    }

    /** PKCS#11 C_GenerateRandom: bytes from the HSM's DRBG, for a logged-in crypto user. */
    public HsmResult<byte[]> generateRandom(int length) {
        Optional<HsmResult<byte[]>> refused = requireCryptoUser();
        if (refused.isPresent()) {
            return refused.get();
        }
        byte[] out = new byte[length];
        cluster.drbg().nextBytes(out);
        return HsmResult.ok(out, List.of());
    }

    /** {@code sign}: an HMAC with a GENERIC_SECRET key, or an RSA/ECDSA signature with a private key ({@link PairSigning}). */
    public HsmResult<byte[]> sign(long handle, SignMechanism mechanism, byte[] data) {
        return cryptoCommand("sign", "-k " + handle + " -m " + mechanism.code(),
                () -> mechanism.isHmac() ? new KeyUse(this).sign(handle, mechanism, data)
                        : new PairSigning(this, cluster.drbg()).sign(handle, mechanism, data));
    }

    /** A key-pair signature as PKCS#11 asks for it ({@link SignatureScheme}): the same rules as {@link #sign}. */
    public HsmResult<byte[]> sign(long handle, SignatureScheme scheme, byte[] data) {
        return cryptoCommand("sign", "-k " + handle + " " + scheme.describe(),
                () -> new PairSigning(this, cluster.drbg()).sign(handle, scheme, data));
    }

    /** The length of this key's signature with this scheme, or why the key cannot sign with it; not a command, not audited. */
    public HsmResult<Integer> signatureLength(long handle, SignatureScheme scheme) {
        return new PairSigning(this, cluster.drbg()).length(handle, scheme);
    }

    /** Checks a key-pair signature made as {@link #sign(long, SignatureScheme, byte[])} makes it. */
    public HsmResult<Void> verify(long handle, SignatureScheme scheme, byte[] data, byte[] signature) {
        return cryptoCommand("verify", "-k " + handle + " " + scheme.describe(),
                () -> new PairSigning(this, cluster.drbg()).verify(handle, scheme, data, signature));
    }

    /** {@code verify}: success when {@code signature} is the HMAC or the key pair's signature of {@code data}, else SIGNATURE_INVALID. */
    public HsmResult<Void> verify(long handle, SignMechanism mechanism, byte[] data, byte[] signature) {
        return cryptoCommand("verify", "-k " + handle + " -m " + mechanism.code(),
                () -> mechanism.isHmac() ? new KeyUse(this).verify(handle, mechanism, data, signature)
                        : new PairSigning(this, cluster.drbg()).verify(handle, mechanism, data, signature));
    }

    // ---- quorum ----

    /** {@code getToken}: asks for approval of one operation on a key with m_value ≥ 2. */
    public HsmResult<QuorumToken> getToken(QuorumService service, long handle) {
        return cryptoCommand("getToken", "-n " + service.number() + " -k " + handle,
                () -> quorum.getToken(service, handle));
    }

    /** {@code approveToken}: one approver's signature of the token's challenge with their registered key. */
    public HsmResult<QuorumToken> approveToken(int tokenId, String approver, byte[] signature) {
        return cryptoCommand("approveToken", "-id " + tokenId + " -approver " + approver,
                () -> quorum.approve(tokenId, approver, signature));
    }

    /** The console's approval: the approver types their password; the simulator signs with the key it keeps for them. */
    public HsmResult<QuorumToken> approveTokenWithPassword(int tokenId, String approver, char[] password) {
        try {
            return cryptoCommand("approveToken", "-id " + tokenId + " -approver " + approver,
                    () -> quorum.approveWithPassword(tokenId, approver, password));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** Who may approve a token for this key (its owner and the users it is shared with); not audited: no HSM call. */
    public HsmResult<List<UserInfo>> quorumApprovers(long handle) {
        return this.<List<UserInfo>>requireCryptoUser().orElseGet(() -> quorum.approvers(handle).map(ids ->
                cluster.users().stream().filter(u -> ids.contains(u.id())).toList()));
    }

    public List<QuorumToken> listTokens() {
        return quorum.list();
    }

    /** {@code delToken}: drops one token of this session. */
    public HsmResult<Void> deleteToken(int tokenId) {
        ReturnCode code = tokens.delete(tokenId) ? ReturnCode.SUCCESS : ReturnCode.QUORUM_TOKEN_INVALID;
        // every node answers, as in getToken's cluster block
        HsmResult<Void> r = code.isSuccess() ? ok(null, null) : fail(code, null);
        return audited("delToken", "-id " + tokenId, r);
    }

    // ---- users ----

    public UserAdministration users() {
        return users;
    }

    // ---- session ----

    /** Ends the session: session keys are wiped and gone. Closing twice is harmless. */
    @Override
    public void close() {
        open = false;
        sessionKeys.clear();
        tokens.clear();
        cluster.auditLog().flush();
    }

    /** The logout's per-node answers (every online node). */
    public HsmResult<Void> logout() {
        HsmResult<Void> r = audited("logoutHSM", "", HsmResult.ok(null, NodeLines.all(cluster.nodeRecords(), homeNode,
                ReturnCode.SUCCESS)));
        close();
        return r;
    }

    /** A read is recorded when a user or script asked for it; a window's refresh is not. */
    private <T> HsmResult<T> audited(ReadPurpose purpose, String command, String arguments, HsmResult<T> result) {
        return purpose.audited() ? audited(command, arguments, result) : result;
    }

    /** A command only a logged-in crypto user may give, audited whether it is refused or done. */
    private <T> HsmResult<T> cryptoCommand(String command, String arguments, Supplier<HsmResult<T>> action) {
        return audited(command, arguments, this.<T>requireCryptoUser().orElseGet(action));
    }

    /** Records the command in the cluster's audit log and passes its result on. */
    <T> HsmResult<T> audited(String command, String arguments, HsmResult<T> result) {
        int node = result.nodes().isEmpty() ? homeNode : result.nodes().get(0).nodeId();
        cluster.audit(node, user.id(), user.name(), command, arguments, result.code());
        return result;
    }

    // ---- helpers ----

    <T> Optional<HsmResult<T>> requireCryptoUser() {
        if (!open) {
            return Optional.of(HsmResult.refused(ReturnCode.NOT_LOGGED_IN));
        }
        if (user.type() != UserType.CU) {
            return Optional.of(HsmResult.fail(ReturnCode.NOT_AUTHORIZED,
                    NodeLines.all(cluster.nodeRecords(), homeNode, ReturnCode.NOT_AUTHORIZED)));
        }
        return Optional.empty();
    }

    /** The preamble of every command on one key: a logged-in crypto user, and a key it owns or shares. */
    <T> HsmResult<T> withVisibleKey(long handle, java.util.function.Function<KeyRecord, HsmResult<T>> action) {
        Optional<HsmResult<T>> refused = requireCryptoUser();
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<KeyRecord> key = lookup(handle);
        if (key.isEmpty() || !isVisible(key.get())) {
            return fail(ReturnCode.INVALID_HANDLE, null);
        }
        return action.apply(key.get());
    }

    Optional<KeyRecord> lookup(long handle) {
        Optional<KeyRecord> session = sessionKeys.get(handle);
        return session.isPresent() ? session : cluster.store().key(handle);
    }

    /**
     * Whether this user may use the key: its owner, a user it is shared with, and — for a public
     * key — every crypto user ("Public keys can be used by any user without sharing",
     * key_mgmt_util-genRSAKeyPair.md). Changing or deleting stays the owner's.
     */
    boolean isVisible(KeyRecord key) {
        return isOwner(key) || key.sharedWith().contains(user.id()) || key.keyClass() == KeyClass.PUBLIC_KEY;
    }

    boolean isOwner(KeyRecord key) {
        return key.ownerId() == user.id();
    }

    static boolean isToken(KeyRecord key) {
        return KeyFlags.has(key.flags(), Attribute.TOKEN);
    }

    List<Integer> holdingNodes(KeyRecord key) {
        if (!isToken(key)) {
            return List.of(homeNode);
        }
        long now = cluster.clock().nowMillis();
        return cluster.store().copies(key.handle()).stream().filter(c -> c.heldAt(now)).map(KeyCopy::nodeId).toList();
    }

    <T> HsmResult<T> ok(KeyRecord key, T value) {
        return HsmResult.ok(value, lines(key, ReturnCode.SUCCESS));
    }

    <T> HsmResult<T> fail(ReturnCode code, KeyRecord key) {
        return HsmResult.fail(code, lines(key, code));
    }

    /** Per-node answers about one key: a session key lives on one node only. */
    private List<NodeResult> lines(KeyRecord key, ReturnCode code) {
        List<NodeRecord> nodes = cluster.nodeRecords();
        if (key == null) {
            return NodeLines.all(nodes, homeNode, code);
        }
        if (!isToken(key)) {
            return List.of(new NodeResult(homeNode, code));
        }
        return NodeLines.forKey(nodes, homeNode, cluster.store().copies(key.handle()), cluster.clock().nowMillis(), code);
    }
}
