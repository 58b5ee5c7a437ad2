package io.hsmconsole.hsm;

import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.crypto.Kcv;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.Handles;
import io.hsmconsole.hsm.key.KeyClass;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.user.UserType;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;
import org.bouncycastle.crypto.params.DESedeParameters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * genSymKey inside the HSM: every validation rule, key material from the DRBG, the token key's
 * copies on every node, and the {@code -min_srv}/{@code -timeout} wait with rollback.
 */
final class KeyGeneration {
    /** How often a wait re-reads the store, so a node brought online by another process is seen. */
    static final long POLL_MILLIS = 100;
    static final int MAX_M_VALUE = 8;

    private final HsmCluster cluster;
    private final HsmSession session;

    KeyGeneration(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    HsmResult<GeneratedKey> generate(GenSymKeyRequest req, SyncObserver observer) {
        ClusterStore store = cluster.store();
        List<NodeRecord> nodes = store.nodes();
        int serving = session.homeNode();
        Optional<ReturnCode> invalid = validate(req, nodes.size(), cluster.hsmType());
        if (invalid.isPresent()) {
            return HsmResult.fail(invalid.get(), NodeLines.all(nodes, serving, invalid.get()));
        }
        KeyType type = KeyType.fromCode(req.keyTypeCode()).orElseThrow();
        List<Integer> shares = new ArrayList<>(new LinkedHashSet<>(req.shareWith()));
        if (req.session()) {
            return generateSessionKey(req, type, nodes);
        }
        Created created = store.write(tx -> {
            for (int user : shares) {
                boolean isCu = tx.userById(user).map(u -> UserType.valueOf(u.type()) == UserType.CU).orElse(false);
                if (!isCu) {
                    return Created.refused(ReturnCode.SHARE_USER_INVALID);
                }
            }
            if (!req.id().isEmpty() && (tx.keyIdExists(req.id()) || session.keys().idInUse(req.id()))) {
                return Created.refused(ReturnCode.DUPLICATE_KEY_ID);
            }
            if (tx.tokenKeyCount() >= tx.cluster().keyCapacity()) {
                return Created.refused(ReturnCode.CLUSTER_FULL);
            }
            List<NodeRecord> online = tx.nodes().stream().filter(NodeRecord::online).toList();
            if (online.isEmpty()) {
                return Created.refused(ReturnCode.NO_ACTIVE_NODE);
            }
            NodeRecord node = online.get((int) (tx.nextRoundRobin() % online.size()));
            long handle = Handles.of(node.id(), tx.nextHandleCounter());
            long now = cluster.clock().nowMillis();
            KeyRecord key = newKey(handle, type, req, shares, node.id(), now);
            List<KeyCopy> copies = new ArrayList<>();
            for (NodeRecord n : tx.nodes()) {
                Long at = n.id() == node.id() ? Long.valueOf(now) : n.online() ? Long.valueOf(now + n.latencyMillis()) : null;
                copies.add(new KeyCopy(handle, n.id(), at));
            }
            tx.insertKey(key, copies);
            java.util.Arrays.fill(key.material(), (byte) 0);
            return new Created(null, handle, node.id());
        });
        if (created.refusal() != null) {
            return HsmResult.fail(created.refusal(), NodeLines.all(nodes, serving, created.refusal()));
        }
        return awaitMinServers(created, req, observer);
    }

    /** Rules the HSM checks before it does anything, in a fixed order so each input gets one answer. */
    Optional<ReturnCode> validate(GenSymKeyRequest req, int nodeCount, HsmType hsmType) {
        Optional<KeyType> type = KeyType.fromCode(req.keyTypeCode());
        if (type.isEmpty()) {
            return Optional.of(ReturnCode.INVALID_KEY_TYPE);
        }
        if (hsmType.fips() && type.get().refusedInFips()) {
            return Optional.of(ReturnCode.POLICY_VIOLATION);
        }
        if (!type.get().isValidSize(req.sizeBytes())) {
            return Optional.of(ReturnCode.INVALID_KEY_SIZE);
        }
        if (!KeyNaming.isValidLabel(req.label())) {
            return Optional.of(ReturnCode.INVALID_LABEL);
        }
        if (!KeyNaming.isValidId(req.id())) {
            return Optional.of(ReturnCode.INVALID_KEY_ID);
        }
        if (req.timeoutSeconds() != null && req.minServers() == null) {
            return Optional.of(ReturnCode.TIMEOUT_NEEDS_MIN_SRV);
        }
        if (req.minServers() != null && (req.minServers() < 1 || req.minServers() > nodeCount)) {
            return Optional.of(ReturnCode.MIN_SRV_INVALID);
        }
        if (req.timeoutSeconds() != null && req.timeoutSeconds() < 0) {
            return Optional.of(ReturnCode.MIN_SRV_INVALID);
        }
        if (req.session() && !req.shareWith().isEmpty()) {
            return Optional.of(ReturnCode.SESSION_KEY_NOT_SHAREABLE);
        }
        if (req.shareWith().contains(session.user().id())) {
            return Optional.of(ReturnCode.SHARE_WITH_OWNER);
        }
        long distinctShares = req.shareWith().stream().distinct().count();
        if (req.mValue() < 0 || req.mValue() > MAX_M_VALUE || req.mValue() > 1 + distinctShares) {
            return Optional.of(ReturnCode.M_VALUE_INVALID);
        }
        if (req.attest()) {
            return Optional.of(ReturnCode.ATTESTATION_UNAVAILABLE);
        }
        return Optional.empty();
    }

    private HsmResult<GeneratedKey> generateSessionKey(GenSymKeyRequest req, KeyType type, List<NodeRecord> nodes) {
        int node = session.homeNode();
        boolean nodeOnline = nodes.stream().anyMatch(n -> n.id() == node && n.online());
        if (!nodeOnline) {
            return HsmResult.fail(ReturnCode.NO_ACTIVE_NODE, NodeLines.all(nodes, node, ReturnCode.NO_ACTIVE_NODE));
        }
        if (!req.id().isEmpty() && (session.keys().idInUse(req.id())
                || !cluster.store().findKeys(KeyFilter.withId(req.id())).isEmpty())) {
            return HsmResult.fail(ReturnCode.DUPLICATE_KEY_ID, NodeLines.all(nodes, node, ReturnCode.DUPLICATE_KEY_ID));
        }
        long handle = session.keys().nextHandle(node);
        session.keys().put(newKey(handle, type, req, List.of(), node, cluster.clock().nowMillis()));
        // A session key lives on one node and is never replicated: one node answers.
        return HsmResult.ok(new GeneratedKey(handle, node, false), List.of(new NodeResult(node, ReturnCode.SUCCESS)));
    }

    private KeyRecord newKey(long handle, KeyType type, GenSymKeyRequest req, List<Integer> shares, int node, long now) {
        byte[] material = new byte[req.sizeBytes()];
        cluster.drbg().nextBytes(material);
        byte[] kcv = null;
        if (type == KeyType.DES3) {
            DESedeParameters.setOddParity(material);
            kcv = Kcv.des3(material);
        } else if (type == KeyType.AES) {
            kcv = Kcv.aes(material);
        }
        long flags = KeyFlags.forGenerated(type, req.session(), req.nonExtractable());
        return new KeyRecord(handle, session.user().id(), KeyClass.SECRET_KEY.code(), type.code(), req.sizeBytes(),
                req.label(), req.id(), flags, kcv, req.mValue(), node, now, shares, material);
    }

    /**
     * Waits until {@code -min_srv} nodes hold the key. Re-reads the store while waiting (another
     * process may bring a node back); past {@code -timeout}, or when cancelled, the key is deleted
     * from every node in one transaction.
     */
    private HsmResult<GeneratedKey> awaitMinServers(Created created, GenSymKeyRequest req, SyncObserver observer) {
        HsmClock clock = cluster.clock();
        ClusterStore store = cluster.store();
        int required = req.minServers() == null ? 1 : req.minServers();
        long start = clock.nowMillis();
        Long deadline = req.timeoutSeconds() == null ? null : start + req.timeoutSeconds() * 1000L;
        GeneratedKey key = new GeneratedKey(created.handle(), created.node(), false);
        while (true) {
            long now = clock.nowMillis();
            List<KeyCopy> copies = store.copies(created.handle());
            List<NodeRecord> nodes = store.nodes();
            int held = (int) copies.stream().filter(c -> c.heldAt(now)).count();
            if (held >= required) {
                return HsmResult.ok(key, NodeLines.forNewKey(nodes, created.node(), copies, now, ReturnCode.SUCCESS));
            }
            if (copies.isEmpty()) {
                return HsmResult.fail(ReturnCode.INVALID_HANDLE, NodeLines.all(nodes, created.node(), ReturnCode.INVALID_HANDLE));
            }
            observer.waiting(created.handle(), held, required, now - start);
            if (observer.cancelled()) {
                return rollBack(key, ReturnCode.SYNC_CANCELLED, nodes, copies, now);
            }
            if (deadline != null && now >= deadline) {
                return rollBack(key, ReturnCode.MIN_SRV_NOT_REACHED, nodes, copies, now);
            }
            long wakeAt = now + POLL_MILLIS;
            for (KeyCopy c : copies) {
                if (c.availableAtMillis() != null && c.availableAtMillis() > now) {
                    wakeAt = Math.min(wakeAt, c.availableAtMillis());
                }
            }
            if (deadline != null) {
                wakeAt = Math.min(wakeAt, deadline);
            }
            try {
                clock.sleepMillis(wakeAt - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return rollBack(key, ReturnCode.SYNC_CANCELLED, nodes, copies, now);
            }
        }
    }

    private HsmResult<GeneratedKey> rollBack(GeneratedKey key, ReturnCode why, List<NodeRecord> nodes,
                                             List<KeyCopy> copies, long now) {
        cluster.store().write(tx -> {
            tx.deleteKey(key.handle());
            return null;
        });
        GeneratedKey rolledBack = new GeneratedKey(key.handle(), key.servingNode(), true);
        return new HsmResult<>(why, NodeLines.forNewKey(nodes, key.servingNode(), copies, now, ReturnCode.SUCCESS),
                rolledBack);
    }

    private record Created(ReturnCode refusal, long handle, int node) {
        static Created refused(ReturnCode code) {
            return new Created(code, 0, 0);
        }
    }
}
