package io.hsmconsole.hsm;

import io.hsmconsole.hsm.crypto.Kcv;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.Handles;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * What every key-creating command shares once the key material exists: the option rules, the
 * session key kept in memory, the token key written with a copy per node, and the
 * {@code -min_srv}/{@code -timeout} wait with rollback.
 */
final class KeyCreation {
    /** How often a wait re-reads the store, so a node brought online by another process is seen. */
    static final long POLL_MILLIS = 100;

    private final HsmCluster cluster;
    private final HsmSession session;

    KeyCreation(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    /** The first option rule the request breaks: what the HSM answers. */
    Optional<ReturnCode> validate(KeyOptions o, int nodeCount) {
        return problems(o, nodeCount).stream().findFirst();
    }

    /** Every option rule the request breaks, in the order the HSM checks them. */
    List<ReturnCode> problems(KeyOptions o, int nodeCount) {
        List<ReturnCode> found = new ArrayList<>();
        if (o.labelInvalid()) {
            found.add(ReturnCode.INVALID_LABEL);
        }
        if (!KeyNaming.isValidId(o.id())) {
            found.add(ReturnCode.INVALID_KEY_ID);
        }
        if (o.timeoutSeconds() != null && o.minServers() == null) {
            found.add(ReturnCode.TIMEOUT_NEEDS_MIN_SRV);
        }
        if (o.minServers() != null && (o.minServers() < 1 || o.minServers() > nodeCount)) {
            found.add(ReturnCode.MIN_SRV_INVALID);
        }
        if (o.timeoutSeconds() != null && o.timeoutSeconds() < 0) {
            found.add(ReturnCode.TIMEOUT_INVALID);
        }
        if (o.session() && !o.shareWith().isEmpty()) {
            found.add(ReturnCode.SESSION_KEY_NOT_SHAREABLE);
        }
        if (o.shareWith().contains(session.user().id())) {
            found.add(ReturnCode.SHARE_WITH_OWNER);
        }
        int distinctShares = (int) o.shareWith().stream().distinct().count();
        if (!MValue.isValid(o.mValue(), distinctShares) || !MValue.isValid(o.manageMValue(), distinctShares)) {
            found.add(ReturnCode.M_VALUE_INVALID);
        }
        return found;
    }

    /**
     * The rules that need the cluster's current state: shared users must be existing crypto users,
     * a non-empty ID must be unused. (Checked again inside the creating transaction.)
     */
    List<ReturnCode> stateProblems(KeyOptions o) {
        List<ReturnCode> found = new ArrayList<>();
        boolean allCryptoUsers = o.shareWith().stream()
                .allMatch(u -> ShareRules.receivesShares(cluster.store().userById(u)));
        if (!allCryptoUsers) {
            found.add(ReturnCode.SHARE_USER_INVALID);
        }
        if (!o.id().isEmpty() && (session.keys().idInUse(o.id())
                || !cluster.store().findKeys(KeyFilter.withId(o.id())).isEmpty())) {
            found.add(ReturnCode.DUPLICATE_KEY_ID);
        }
        return found;
    }

    /**
     * Creates the key from {@code material} (which is wiped afterwards). Options must be valid. With
     * {@code -attest} the node that made the key signs its answer and the result carries the verdict;
     * a failed verdict does not roll the key back (as KMU).
     */
    HsmResult<GeneratedKey> create(KeyType type, byte[] material, KeyOptions o, boolean local, SyncObserver observer) {
        return create(type, material, o, local, observer, java.util.function.LongUnaryOperator.identity());
    }

    /**
     * As above, with the key's boolean attributes given by {@code flagsOf} from genSymKey's defaults
     * (Client SDK 5 starts from other defaults and takes attributes at generation: {@link Sdk5KeyAttributes}).
     */
    HsmResult<GeneratedKey> create(KeyType type, byte[] material, KeyOptions o, boolean local, SyncObserver observer,
                                   java.util.function.LongUnaryOperator flagsOf) {
        HsmResult<GeneratedKey> result = createUnattested(type, material, o, local, observer, flagsOf);
        if (!o.attest() || result.value() == null) {
            return result;
        }
        GeneratedKey key = result.value();
        return result.withAttestation(new Attestation(cluster).attest(key.servingNode(), result.code().code(),
                java.nio.ByteBuffer.allocate(Long.BYTES).putLong(key.handle()).array()));
    }

    private HsmResult<GeneratedKey> createUnattested(KeyType type, byte[] material, KeyOptions o, boolean local,
                                                     SyncObserver observer, java.util.function.LongUnaryOperator flagsOf) {
        try {
            long flags = KeyFlags.with(flagsOf.applyAsLong(KeyFlags.forGenerated(type, o.session(), o.nonExtractable())),
                    Attribute.LOCAL, local);
            NewObject key = (handle, node, now, shares) -> record(handle, type, material, o, flags, shares, node, now);
            return Made.map(createAll(List.of(key), o, observer), Made::first);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * One object a command makes, built once the HSM has given it a handle on the node that makes
     * it; {@code shares} are the users the command shares it with (none for a session key).
     */
    @FunctionalInterface
    interface NewObject {
        KeyRecord record(long handle, int node, long now, List<Integer> shares);
    }

    /**
     * What a command made: the objects' handles in the order asked for, the node that made them, and
     * whether {@code -min_srv} was missed so they were all rolled back.
     */
    record Made(List<Long> handles, int node, boolean rolledBack) {
        GeneratedKey first() {
            return new GeneratedKey(handles.get(0), node, rolledBack);
        }

        /** The result with what was made in another shape; a rolled-back failure keeps its handles too. */
        static <U> HsmResult<U> map(HsmResult<Made> result, java.util.function.Function<Made, U> shape) {
            return new HsmResult<>(result.code(), result.nodes(), result.value() == null ? null : shape.apply(result.value()),
                    result.attestation());
        }
    }

    /**
     * Makes every object in one transaction on one node (a key pair is two objects that appear,
     * replicate and roll back together). Options must be valid. {@code asymmetric} objects count
     * against the cluster's asymmetric quota as well as its key capacity.
     */
    HsmResult<Made> createAll(List<NewObject> objects, KeyOptions o, SyncObserver observer) {
        return createAll(objects, o, false, observer);
    }

    HsmResult<Made> createAll(List<NewObject> objects, KeyOptions o, boolean asymmetric, SyncObserver observer) {
        List<NodeRecord> nodes = cluster.nodeRecords();
        if (o.session()) {
            return createSessionKeys(objects, o, nodes);
        }
        return createTokenKeys(objects, o, asymmetric, nodes, observer);
    }

    private HsmResult<Made> createSessionKeys(List<NewObject> objects, KeyOptions o, List<NodeRecord> nodes) {
        int node = session.homeNode();
        if (nodes.stream().noneMatch(n -> n.id() == node && n.online())) {
            return HsmResult.fail(ReturnCode.NO_ACTIVE_NODE, NodeLines.all(nodes, node, ReturnCode.NO_ACTIVE_NODE));
        }
        if (!o.id().isEmpty() && (session.keys().idInUse(o.id())
                || !cluster.store().findKeys(KeyFilter.withId(o.id())).isEmpty())) {
            return HsmResult.fail(ReturnCode.DUPLICATE_KEY_ID, NodeLines.all(nodes, node, ReturnCode.DUPLICATE_KEY_ID));
        }
        long now = cluster.clock().nowMillis();
        List<Long> handles = new ArrayList<>();
        for (NewObject object : objects) {
            long handle = session.keys().nextHandle(node);
            session.keys().put(object.record(handle, node, now, List.of()));
            handles.add(handle);
        }
        // A session key lives on one node and is never replicated: one node answers.
        return HsmResult.ok(new Made(handles, node, false), List.of(new NodeResult(node, ReturnCode.SUCCESS)));
    }

    private HsmResult<Made> createTokenKeys(List<NewObject> objects, KeyOptions o, boolean asymmetric,
                                            List<NodeRecord> nodes, SyncObserver observer) {
        List<Integer> shares = new ArrayList<>(new LinkedHashSet<>(o.shareWith()));
        Created created = cluster.writeShared(tx -> {
            for (int user : shares) {
                if (!ShareRules.receivesShares(tx.userById(user))) {
                    return Created.refused(ReturnCode.SHARE_USER_INVALID);
                }
            }
            if (!o.id().isEmpty() && (tx.keyIdExists(o.id()) || session.keys().idInUse(o.id()))) {
                return Created.refused(ReturnCode.DUPLICATE_KEY_ID);
            }
            if (tx.tokenKeyCount() + objects.size() > tx.cluster().keyCapacity()) {
                return Created.refused(ReturnCode.CLUSTER_FULL);
            }
            if (asymmetric && !KeyQuota.asymmetricRoomFor(tx, objects.size())) {
                return Created.refused(ReturnCode.ASYMMETRIC_QUOTA_REACHED);
            }
            List<NodeRecord> current = tx.nodes();
            List<NodeRecord> online = current.stream().filter(NodeRecord::online).toList();
            if (online.isEmpty()) {
                return Created.refused(ReturnCode.NO_ACTIVE_NODE);
            }
            NodeRecord node = online.get((int) (tx.nextRoundRobin() % online.size()));
            long now = cluster.clock().nowMillis();
            List<Long> handles = new ArrayList<>();
            List<KeyCopy> copies = List.of();
            for (NewObject object : objects) {
                long handle = Handles.of(node.id(), tx.nextHandleCounter());
                copies = copiesFrom(handle, node.id(), current, now);
                tx.insertKey(object.record(handle, node.id(), now, shares), copies);
                handles.add(handle);
            }
            return new Created(null, handles, node.id(), copies, current);
        });
        if (created.refusal() != null) {
            int serving = session.homeNode();
            return HsmResult.fail(created.refusal(), NodeLines.all(nodes, serving, created.refusal()));
        }
        // The nodes were read inside the committed transaction: as fresh as a new read.
        cluster.rememberNodes(created.nodes());
        return awaitMinServers(created, o, observer);
    }

    /**
     * A token key's copies: the generating node holds it now, every other online node after its
     * latency, offline nodes when they come back (pending).
     */
    static List<KeyCopy> copiesFrom(long handle, int origin, List<NodeRecord> nodes, long now) {
        List<KeyCopy> copies = new ArrayList<>();
        for (NodeRecord n : nodes) {
            Long at = n.id() == origin ? Long.valueOf(now) : n.online() ? Long.valueOf(now + n.latencyMillis()) : null;
            copies.add(new KeyCopy(handle, n.id(), at));
        }
        return copies;
    }

    private KeyRecord record(long handle, KeyType type, byte[] material, KeyOptions o, long flags, List<Integer> shares,
                             int node, long now) {
        byte[] kcv = switch (type) {
            case AES -> Kcv.aes(material);
            case DES3 -> Kcv.des3(material);
            case GENERIC_SECRET, RC4 -> null;
        };
        return KeyRecord.builder().handle(handle).ownerId(session.user().id())
                .keyClass(KeyClass.SECRET_KEY).keyType(type.algorithm()).sizeBytes(material.length)
                .label(o.label()).id(o.id()).flags(flags).kcv(kcv).mValue(o.mValue()).manageMValue(o.manageMValue())
                .originNode(node).createdAtMillis(now).sharedWith(shares).material(material.clone()).build();
    }

    /**
     * Waits until {@code -min_srv} nodes hold the key. The first check uses the copies and nodes the
     * creating transaction wrote and read (nothing can have changed them that this answer should
     * show); while waiting it re-reads the store (another process may bring a node back). Past
     * {@code -timeout}, or when cancelled, the key is deleted from every node in one transaction.
     */
    private HsmResult<Made> awaitMinServers(Created created, KeyOptions o, SyncObserver observer) {
        HsmClock clock = cluster.clock();
        ClusterStore store = cluster.store();
        long start = clock.nowMillis();
        Long deadline = o.timeoutSeconds() == null ? null : start + o.timeoutSeconds() * 1000L;
        Made made = new Made(created.handles(), created.node(), false);
        // Every object was written with the same copies: the last one's stand for all.
        long watched = created.handles().get(created.handles().size() - 1);
        List<KeyCopy> copies = created.copies();
        List<NodeRecord> nodes = created.nodes();
        while (true) {
            long now = clock.nowMillis();
            int held = (int) copies.stream().filter(c -> c.heldAt(now)).count();
            // Without -min_srv the tool syncs the key to every online HSM before it returns: imSymKey.md
            // lists three nodes, unWrapKey.md two, and genSymKey.md's "Return Quickly" says -min_srv 1 is
            // what skips that wait. A session key is never replicated and does not come here.
            int required = o.minServers() != null ? o.minServers() : onlineCount(nodes);
            if (held >= required) {
                return HsmResult.ok(made, NodeLines.forNewKey(nodes, created.node(), copies, now, ReturnCode.SUCCESS));
            }
            if (copies.isEmpty()) {
                return HsmResult.fail(ReturnCode.INVALID_HANDLE, NodeLines.all(nodes, created.node(), ReturnCode.INVALID_HANDLE));
            }
            observer.waiting(watched, held, required, now - start);
            if (observer.cancelled()) {
                return rollBack(made, ReturnCode.SYNC_CANCELLED, nodes, copies, now);
            }
            if (deadline != null && now >= deadline) {
                return rollBack(made, ReturnCode.MIN_SRV_NOT_REACHED, nodes, copies, now);
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
                return rollBack(made, ReturnCode.SYNC_CANCELLED, nodes, copies, now);
            }
            copies = store.copies(watched);
            nodes = cluster.nodeRecords();
        }
    }

    /**
     * A key that just became a token key on {@code node} (setAttribute -a 1 on a session key) is
     * copied to every online HSM before the command returns, as a create without -min_srv is: the
     * page's setAttribute example shows both HSMs answering SUCCESS. The answer lists them.
     */
    List<NodeResult> awaitEveryOnlineNode(long handle, int node, List<KeyCopy> copies, List<NodeRecord> nodes) {
        KeyOptions everyNode = new KeyOptions("", "", false, false, List.of(), 0, null, null, false);
        return awaitMinServers(new Created(null, List.of(handle), node, copies, nodes), everyNode, SyncObserver.NONE)
                .nodes();
    }

    private static int onlineCount(List<NodeRecord> nodes) {
        return (int) Math.max(1, nodes.stream().filter(NodeRecord::online).count());
    }

    /** The usage attributes a wrapped key's header gave ({@link KeyTemplate#USAGE}), over the type's defaults; null keeps them. */
    static java.util.function.LongUnaryOperator usage(Set<Attribute> usage) {
        return flags -> {
            long out = flags;
            if (usage != null) {
                for (Attribute a : KeyTemplate.USAGE) {
                    out = KeyFlags.with(out, a, usage.contains(a));
                }
            }
            return out;
        };
    }

    private HsmResult<Made> rollBack(Made made, ReturnCode why, List<NodeRecord> nodes,
                                     List<KeyCopy> copies, long now) {
        cluster.write(tx -> {
            made.handles().forEach(tx::deleteKey);
            return null;
        });
        Made rolledBack = new Made(made.handles(), made.node(), true);
        return new HsmResult<>(why, NodeLines.forNewKey(nodes, made.node(), copies, now, ReturnCode.SUCCESS),
                rolledBack);
    }

    /** What the creating transaction did: a refusal, or the objects' handles, node, copies and the nodes it saw. */
    private record Created(ReturnCode refusal, List<Long> handles, int node, List<KeyCopy> copies, List<NodeRecord> nodes) {
        static Created refused(ReturnCode code) {
            return new Created(code, List.of(), 0, List.of(), List.of());
        }
    }
}
