package io.hsmconsole.hsm;

import io.hsmconsole.hsm.audit.AuditArguments;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.NodeKeyList;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.ListedKey;
import io.hsmconsole.hsm.key.KeySummary;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;

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
    private final KeyPairs pairs;
    private final KeyUseCommands crypto;
    private final KeyTransferCommands transfers;
    private final QuorumTokenCommands quorumTokens;
    private final OfficerQuorum officerRules;
    private final OfficerQuorumCommands officerQuorum;
    private final TokenSignCommands tokenSign;
    private volatile boolean open = true;

    HsmSession(HsmCluster cluster, UserInfo user, LoginChannel channel, int homeNode) {
        this.cluster = cluster;
        this.user = user;
        this.channel = channel;
        this.homeNode = homeNode;
        this.sessionKeys = new SessionKeys(cluster.store(), cluster.parsedKeys());
        this.users = new UserAdministration(cluster, this);
        this.tokens = new QuorumTokens(cluster.clock());
        this.quorum = new QuorumApprovals(cluster, this, tokens);
        this.reading = new KeyReading(cluster, this);
        this.attributeChange = new AttributeChange(cluster, this);
        this.ownership = new KeyOwnership(cluster, this);
        this.pairs = new KeyPairs(cluster, this);
        this.crypto = new KeyUseCommands(cluster, this);
        this.transfers = new KeyTransferCommands(cluster, this);
        this.quorumTokens = new QuorumTokenCommands(cluster, this, quorum, tokens);
        this.officerRules = new OfficerQuorum(cluster, this, tokens);
        this.officerQuorum = new OfficerQuorumCommands(this, officerRules);
        this.tokenSign = new TokenSignCommands(cluster, this, tokens);
        cluster.sessionOpened(this);
    }

    QuorumApprovals quorum() {
        return quorum;
    }

    /** The officers' quorum rules user management asks ({@link UserAdministration}). */
    OfficerQuorum officerRules() {
        return officerRules;
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
        return generateSdk5Key(request, attributes, AvailabilityCheck.ON);
    }

    /**
     * {@link #generateSdk5Key} under the client's key durability setting: with {@link AvailabilityCheck#OFF}
     * (SDK 5's {@code --disable-key-availability-check}) a token key returns once its own HSM holds it.
     */
    public HsmResult<GeneratedKey> generateSdk5Key(GenSymKeyRequest request, Map<Attribute, Boolean> attributes,
                                                   AvailabilityCheck check) {
        Optional<HsmResult<GeneratedKey>> refused = this.<GeneratedKey>requireCryptoUser()
                .or(() -> Sdk5KeyAttributes.whyNotSettable(attributes.keySet())
                        .map(code -> this.<GeneratedKey>fail(code, null)));
        if (refused.isPresent()) {
            return audited("genSymKey", AuditArguments.genSymKey(request), refused.get());
        }
        return new KeyAvailability(cluster, this).generate(request, r -> audited("genSymKey", AuditArguments.genSymKey(r),
                new KeyGeneration(cluster, this).generate(r, SyncObserver.NONE,
                        kmuDefaults -> Sdk5KeyAttributes.flags(kmuDefaults, attributes))), check);
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
     * Every key this user can use, in the HSM's order, read as one listing, each with its attributes
     * when asked (the CloudHSM CLI's key list and filters); {@code label} (null: any) narrows it in the
     * store. A pair's values (modulus, exponent, point, curve) are read from its material, key by key:
     * only with {@code withPairValues}. A read for a selection, not a command: not audited.
     */
    public HsmResult<List<ListedKey>> keyListing(String label, boolean withPairValues) {
        return reading.keyListing(label, withPairValues);
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

    // ---- facets ----

    /** Key pairs: genRSAKeyPair/genECCKeyPair, their SDK 5 and PKCS#11 forms, public/private key import and export. */
    public KeyPairs pairs() {
        return pairs;
    }

    /** Quorum tokens: getToken, approveToken, listTokens, delToken, and who may approve for a key. */
    public QuorumTokenCommands quorumTokens() {
        return quorumTokens;
    }

    /** Key material in and out: exSymKey, wrapKey, imSymKey, unWrapKey (and its Client SDK 5 form). */
    public KeyTransferCommands transfers() {
        return transfers;
    }

    /** Cryptographic use of keys: aesWrapUnwrap, encrypt/decrypt, CMAC, HMAC and key-pair signatures, random bytes. */
    public KeyUseCommands crypto() {
        return crypto;
    }

    // ---- users ----

    public UserAdministration users() {
        return users;
    }

    /** The crypto officers' quorum: getMValue, setMValue, getToken for services 3 and 4. */
    public OfficerQuorumCommands officerQuorum() {
        return officerQuorum;
    }

    /** Client SDK 5's token-sign quorum: tokens for the admins' services, signed approvals, key registration. */
    public TokenSignCommands tokenSign() {
        return tokenSign;
    }

    // ---- session ----

    /** Ends the session: session keys are wiped and gone. Closing twice is harmless. */
    @Override
    public void close() {
        open = false;
        cluster.sessionClosed(this);
        sessionKeys.clear();
        tokens.clear();
        cluster.auditLog().flush();
    }

    /**
     * A PKCS#11 session closing while the login stays: the session keys it made end with it, wiped,
     * in one audited event (CloudHSM's CN_CLOSE_SESSION: "any session keys ... from this session
     * were deleted"), not a deleteKey each; whether a key is destroyable does not matter here.
     */
    public void endSessionKeys(java.util.Collection<Long> handles) {
        if (open && !handles.isEmpty()) {
            sessionKeys.forget(handles);
            audited("closeSession", handles.size() + " session keys", HsmResult.ok(null, List.of()));
        }
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
    <T> HsmResult<T> cryptoCommand(String command, String arguments, Supplier<HsmResult<T>> action) {
        return audited(command, arguments, this.<T>requireCryptoUser().orElseGet(action));
    }

    /**
     * A use of a key on data (encrypt, decrypt, sign, verify) that only a logged-in crypto user may
     * make, not audited: CloudHSM's audit log records management commands and has no event for these
     * (cloudhsm-audit-log-reference.md lists aesWrapUnwrap's CN_NIST_AES_WRAP, no encrypt or sign).
     */
    <T> HsmResult<T> keyUse(Supplier<HsmResult<T>> action) {
        return this.<T>requireCryptoUser().orElseGet(action);
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
