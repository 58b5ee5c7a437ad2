package io.hsmconsole.hsm;

import io.hsmconsole.hsm.attest.AttestationReport;
import io.hsmconsole.hsm.attest.ClusterPki;
import io.hsmconsole.hsm.audit.AuditEntry;
import io.hsmconsole.hsm.cluster.ClusterInfo;
import io.hsmconsole.hsm.cluster.Firmware;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.cluster.NodeState;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.hsm.crypto.Drbg;
import io.hsmconsole.hsm.crypto.PasswordHasher;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.user.Credentials;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ChangeSubscription;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.NodeCopyCount;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.UserRecord;
import io.hsmconsole.store.StoreException;

import io.hsmconsole.hsm.ec.PrecomputedNonces;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One simulated CloudHSM cluster over its store: nodes, users, logins, and the simulation actions
 * on nodes (offline/online, latency, add/remove). Everything a logged-in user may do is on
 * {@link HsmSession}. Several processes may open the same cluster at once; the store keeps them
 * consistent.
 */
public final class HsmCluster implements AutoCloseable {
    private final ClusterStore store;
    private final HsmClock clock;
    private final SecureRandom drbg;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final HsmType hsmType;
    private final String name;
    private final NodeCache nodeCache;
    private final Authentication authentication;
    private final NodeSimulation simulation = new NodeSimulation(this);
    private final ParsedKeys parsedKeys = new ParsedKeys();
    private final PrecomputedNonces ecdsaNonces;
    private final TokenSignCluster tokenSign = new TokenSignCluster(this);
    private final OpenSessions openSessions;
    /** The sessions this object opened and that have not ended: counted out of {@link #openSessions} at the latest at close. */
    private final Set<HsmSession> sessions = ConcurrentHashMap.newKeySet();

    public HsmCluster(ClusterStore store, HsmClock clock) {
        this(store, clock, new RememberedLogins(new SecureRandom()));
    }

    /**
     * As above, remembering right passwords in {@code remembered}: a catalog hands every instance of one
     * cluster it opens the same memory, so a process that opens the cluster for each command (the client
     * daemon serving key_mgmt_util and cloudhsm-cli calls) checks a repeated login with the slow hash once.
     */
    HsmCluster(ClusterStore store, HsmClock clock, RememberedLogins remembered) {
        this.store = store;
        this.clock = clock;
        this.audit = new AuditLog(store, clock);
        this.nodeCache = new NodeCache(store);
        try {
            // The HSM type and the name are fixed at creation: read them once, not on every command
            // (PKCS#11's C_GetSlotInfo and C_GetTokenInfo name the cluster at every application's start).
            ClusterRecord record = store.cluster();
            this.hsmType = hsmType(record);
            this.name = record.name();
            this.openSessions = OpenSessions.of(ensurePki());
        } catch (RuntimeException e) {
            // A cluster that cannot be opened must not keep its store (and its -wal/-shm files) open.
            store.close();
            throw e;
        }
        this.drbg = Drbg.create();
        this.ecdsaNonces = new PrecomputedNonces(drbg);
        this.hasher = new PasswordHasher(new SecureRandom());
        this.authentication = new Authentication(this, store, hasher, new LoginAttempts(this::writeWithoutSync, store::userById), remembered);
    }

    /**
     * Stores made before attestation existed (schema 1) get their PKI on first open. Answers the
     * manufacturer root certificate, which tells this cluster from any other ({@link OpenSessions}).
     */
    private byte[] ensurePki() {
        Optional<IdentityItem> root = store.identity(ClusterPki.MANUFACTURER_ROOT);
        if (root.isPresent()) {
            return root.get().certificate();
        }
        SecureRandom random = new SecureRandom();
        return store.write(tx -> {
            List<IdentityItem> roots = ClusterPki.mintRoots(tx.cluster().name(), clock.nowMillis(), random);
            roots.forEach(tx::putIdentity);
            for (NodeRecord n : tx.nodes()) {
                ClusterPki.mintNode(roots.get(0), roots.get(1), tx.cluster().name(), n.id(), clock.nowMillis(), random)
                        .forEach(tx::putIdentity);
            }
            return roots.get(0).certificate();
        });
    }

    public ClusterInfo info() {
        ClusterRecord c = store.cluster();
        return new ClusterInfo(c.name(), hsmType(c), store.nodes().size(), store.tokenKeyCount(), c.keyCapacity());
    }

    public String name() {
        return name;
    }

    public HsmType hsmType() {
        return hsmType;
    }

    /**
     * Whether this cluster makes keys of this type (generates, imports or unwraps them): a FIPS-mode
     * cluster refuses RC4 and 3DES with POLICY_VIOLATION.
     */
    public Permission mayMakeKeysOf(KeyType type) {
        return hsmType.fips() && type.refusedInFips() ? Permission.refused(ReturnCode.POLICY_VIOLATION)
                : Permission.GRANTED;
    }

    private HsmType hsmType(ClusterRecord c) {
        return HsmType.fromAwsName(c.hsmType()).orElseThrow(() -> new StoreException(
                store.location(), "unknown HSM type '" + c.hsmType() + "' in the cluster store"));
    }

    /** Every node as it is now, computed from the store and the clock, so every process agrees. */
    public List<NodeStatus> nodes() {
        long now = clock.nowMillis();
        Map<Integer, NodeCopyCount> counts = store.copyCounts(now).stream()
                .collect(Collectors.toMap(NodeCopyCount::nodeId, Function.identity()));
        return store.nodes().stream().map(n -> {
            NodeCopyCount c = counts.getOrDefault(n.id(), new NodeCopyCount(n.id(), 0, 0));
            return new NodeStatus(n.id(), state(n, c), c.held(), c.pending(), n.latencyMillis(),
                    n.firmwareVersion(), Firmware.hex(n.firmwareMeasurement()));
        }).toList();
    }

    /**
     * The ids of the cluster's nodes in order, without their copy counts: {@link #nodes()} counts
     * every key copy (a pass over them all), which a caller that only needs the ids should not pay.
     */
    public List<Integer> nodeIds() {
        return store.nodes().stream().map(NodeRecord::id).toList();
    }

    /** The ids of the nodes online now, in order (the HSMs that count towards the key availability quorum). */
    public Set<Integer> onlineNodeIds() {
        return store.nodes().stream().filter(NodeRecord::online).map(NodeRecord::id)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * How many token keys of the whole cluster SDK 5 applications cannot use now: held by fewer than
     * {@link AvailabilityQuorum#HSMS} online HSMs (a node offline, a copy not yet replicated). A pass over
     * every key copy, as {@link #nodes()} makes.
     */
    public long tokenKeysBelowAvailabilityQuorum() {
        return AvailabilityQuorum.tokenKeysBelow(store.allCopies(), onlineNodeIds(), clock.nowMillis());
    }

    private static NodeState state(NodeRecord n, NodeCopyCount c) {
        if (!n.online()) {
            return NodeState.OFFLINE;
        }
        if (!Firmware.isKnownGood(n.firmwareVersion(), n.firmwareMeasurement())) {
            return NodeState.TAMPERED;
        }
        return c.pending() > 0 ? NodeState.SYNCING : NodeState.ACTIVE;
    }

    /** SDK 5's token-sign quorum as far as it needs no login: quorum values, registration tokens. */
    /** Whether this process holds a session of this user on the cluster (through this object or another). */
    boolean isLoggedIn(int userId) {
        return openSessions.isLoggedIn(userId);
    }

    /** A session logged in (called once, by its constructor). */
    void sessionOpened(HsmSession session) {
        sessions.add(session);
        openSessions.opened(session.user().id());
    }

    /** A session ended: counted out once, however often it is closed. */
    void sessionClosed(HsmSession session) {
        if (sessions.remove(session)) {
            openSessions.closed(session.user().id());
        }
    }

    public TokenSignCluster tokenSign() {
        return tokenSign;
    }

    public List<UserInfo> users() {
        return store.users().stream().map(HsmCluster::toInfo).toList();
    }

    static UserInfo toInfo(UserRecord u) {
        return new UserInfo(u.id(), u.type(), u.name(), u.quorumPublicKey() != null,
                u.loginFailures(), false, u.loginFailures() >= Credentials.LOCKOUT_FAILURES);
    }

    /**
     * Logs a user in. The channel decides which user types may log in at all (key_mgmt_util:
     * crypto users only). Five consecutive wrong passwords lock the account; a correct one resets
     * the count ({@link LoginAttempts} keeps that true under concurrent attempts).
     */
    public HsmResult<HsmSession> login(LoginChannel channel, UserType type, String name, char[] password) {
        HsmResult<HsmSession> r = authentication.authenticate(channel, type, name, password);
        audit(servingNode(r), authentication.auditedUserId(r, name), name, "loginHSM", "-u " + type + " -s " + name, r.code());
        return r;
    }

    /** A password changed or a user was deleted: a login remembered for them must not be reused. */
    void forgetRememberedLogin(int userId) {
        authentication.forget(userId);
    }

    /** Whether a login with this name and password would be answered from memory, without the slow hash. */
    boolean authenticationRemembers(String name, String password) {
        return authentication.remembers(name, password.toCharArray());
    }

    static int servingNode(HsmResult<?> r) {
        return r.nodes().isEmpty() ? -1 : r.nodes().get(0).nodeId();
    }

    /** The node that answers first now (the one a new session would talk to). */
    public int servingNodeId() {
        return homeNode(nodeRecords());
    }

    /**
     * A command that needs a login, sent without one: the HSM answers every node with
     * {@code NOT_LOGGED_IN}, and the attempt is audited (user 0).
     */
    public HsmResult<Void> refuseWithoutLogin(String command, String arguments) {
        List<NodeRecord> nodes = nodeRecords();
        int serving = homeNode(nodes);
        HsmResult<Void> r = HsmResult.fail(ReturnCode.NOT_LOGGED_IN, NodeLines.all(nodes, serving, ReturnCode.NOT_LOGGED_IN));
        audit(serving, 0, "-", command, arguments, r.code());
        return r;
    }

    /** The node a session talks to first: the lowest-numbered online node. */
    static int homeNode(List<NodeRecord> nodes) {
        return nodes.stream().filter(NodeRecord::online).mapToInt(NodeRecord::id).min()
                .orElse(nodes.isEmpty() ? 0 : nodes.get(0).id());
    }

    /**
     * Takes a node offline or brings it back. Back online, every copy it missed becomes available
     * after its latency: it catches up.
     */
    public HsmResult<Void> setNodeOnline(int nodeId, boolean online) {
        return simulated("setNodeOnline", "-n " + nodeId + " -online " + (online ? 1 : 0),
                () -> simulation.setOnline(nodeId, online));
    }

    public HsmResult<Void> setNodeLatency(int nodeId, long latencyMillis) {
        return simulated("setNodeLatency", "-n " + nodeId + " -ms " + latencyMillis,
                () -> simulation.setLatency(nodeId, latencyMillis));
    }

    /**
     * Adds a node seeded from an existing one, as AWS seeds a new HSM from a backup: it receives
     * every key the source holds after its latency. Returns the new node's id.
     */
    public HsmResult<Integer> addNode(long latencyMillis) {
        return simulated("addNode", "-ms " + latencyMillis, () -> simulation.add(latencyMillis));
    }

    /** Removes a node and its copies; the last node cannot be removed. */
    public HsmResult<Void> removeNode(int nodeId) {
        return simulated("removeNode", "-n " + nodeId, () -> simulation.remove(nodeId));
    }

    /**
     * Simulation action: replaces the node's firmware image with a modified one. The node keeps
     * serving, but what it measures (and signs) no longer matches the known-good value.
     */
    public HsmResult<Void> tamperFirmware(int nodeId) {
        return simulated("tamperFirmware", "-n " + nodeId, () -> simulation.setFirmware(nodeId, true));
    }

    /** Puts the known-good firmware image of the node's version back. */
    public HsmResult<Void> restoreFirmware(int nodeId) {
        return simulated("restoreFirmware", "-n " + nodeId, () -> simulation.setFirmware(nodeId, false));
    }

    /** "Attest now": the node signs a fresh challenge and the client verifies it. */
    public HsmResult<AttestationReport> attestNode(int nodeId) {
        return simulated("attestNode", "-n " + nodeId, () -> simulation.attest(nodeId));
    }

    /** A simulation action, audited as done by the simulation (user 0) whatever its outcome. */
    private <T> HsmResult<T> simulated(String command, String arguments, Supplier<HsmResult<T>> action) {
        HsmResult<T> r = action.get();
        audit(servingNode(r), 0, "simulation", command, arguments, r.code());
        return r;
    }

    /**
     * The last attestation of every node that has one, by node id, whichever process made it ("attest
     * now", or {@code -attest} on a command): it lives in the store, so a console shows a script's.
     */
    public Map<Integer, AttestationReport> lastAttestations() {
        return store.lastAttestations().stream().collect(Collectors.toMap(AttestationRecord::nodeId,
                r -> AttestationHistory.report(r, store.location())));
    }

    public Optional<AttestationReport> lastAttestation(int nodeId) {
        return Optional.ofNullable(lastAttestations().get(nodeId));
    }

    /**
     * Keeps a verdict as the node's last attestation (a node removed meanwhile keeps nothing). The
     * commit skips the disk sync, as audit batches do: losing the newest verdict to a power cut is
     * harmless, and an attested command should not pay a sync for it.
     */
    void recordAttestation(AttestationReport report) {
        store.writeWithoutSync(tx -> {
            audit.drainInto(tx);
            if (tx.nodes().stream().anyMatch(n -> n.id() == report.nodeId())) {
                tx.putAttestation(AttestationHistory.record(report));
            }
            return null;
        });
    }

    /**
     * The certificates of the cluster's PKI as {@code getCert} exports them (DER): the two roots and,
     * per node, the two hardware certificates and the HSM certificate.
     */
    public Optional<byte[]> certificate(String identityName) {
        return store.identity(identityName).map(IdentityItem::certificate);
    }

    /** Moves whenever anything in the cluster changes, in this process or another: poll it to refresh views. */
    public long changeCounter() {
        return store.changeCounter();
    }

    /**
     * Calls {@code listener} whenever any process or machine may have committed a change, when the
     * store can tell (team mode); empty when it cannot, and {@link #changeCounter} is to be polled.
     */
    public Optional<ChangeSubscription> subscribe(Runnable listener) {
        return store.subscribe(listener);
    }

    /**
     * Runs one request of an application (a PKCS#11 call) with its reads of keys and their copies checked
     * against other processes' changes once, at the first of them ({@link ClusterStore#withOneKeyCheck}): a
     * signature's C_Sign reads its key and the key's copies several times, and each check is a question to
     * the store. Each request still checks once, so a key deleted or changed elsewhere is not used by the next.
     */
    public <T> T asOneRequest(java.util.function.Supplier<T> request) {
        return store.withOneKeyCheck(request);
    }

    ClusterStore store() {
        return store;
    }

    /** Every write of the simulator goes through here, so buffered audit entries commit with it. */
    <T> T write(ClusterStore.Work<T> work) {
        return withAudit(store::write, work);
    }

    /**
     * {@link #write} whose commit concurrent sessions of this process may share (group commit): for
     * key creations, which many sessions run at once and which each need a durable commit.
     */
    <T> T writeShared(ClusterStore.Work<T> work) {
        return withAudit(store::writeShared, work);
    }

    /** {@link #write} whose commit skips the disk sync (see {@link ClusterStore#writeWithoutSync}). */
    <T> T writeWithoutSync(ClusterStore.Work<T> work) {
        return withAudit(store::writeWithoutSync, work);
    }

    private <T> T withAudit(Function<ClusterStore.Work<T>, T> writer, ClusterStore.Work<T> work) {
        AuditLog.Drain drain = audit.drain(); // the same entries however often the store runs the work
        try {
            return writer.apply(tx -> {
                drain.into(tx);
                return work.run(tx);
            });
        } finally {
            nodeCache.invalidate();
        }
    }

    /** Keeps nodes just read inside a committed write transaction, so the next hot path need not re-read them. */
    void rememberNodes(List<NodeRecord> nodes) {
        nodeCache.put(nodes);
    }

    /** The nodes, read at most every few dozen milliseconds (and after every local write) on hot paths. */
    List<NodeRecord> nodeRecords() {
        return nodeCache.get();
    }

    public AuditLog auditLog() {
        return audit;
    }

    /** Records a command of a user (or of the simulation, user 0) in the audit log. */
    void audit(int node, int userId, String userName, String command, String arguments, ReturnCode code) {
        audit.record(new AuditEntry(clock.nowMillis(), node, userId, userName, command, arguments, code.code()));
    }

    /** The clock this cluster stamps its records with; a shell on it uses the same one. */
    public HsmClock clock() {
        return clock;
    }

    SecureRandom drbg() {
        return drbg;
    }

    /** Key pairs' decoded material, shared by every session of this process (a signature's key, decoded once). */
    ParsedKeys parsedKeys() {
        return parsedKeys;
    }

    /** ECDSA nonces drawn from this cluster's DRBG ahead of the signatures that use them (each once). */
    PrecomputedNonces ecdsaNonces() {
        return ecdsaNonces;
    }

    PasswordHasher hasher() {
        return hasher;
    }

    @Override
    public void close() {
        ecdsaNonces.close();
        // A session its holder never closed ends with the cluster it was opened on.
        sessions.forEach(this::sessionClosed);
        try {
            audit.flush();
        } finally {
            store.close();
        }
    }
}
