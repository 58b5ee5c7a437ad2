package io.hsmconsole.hsm;

import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.ClusterCounters;
import io.hsmconsole.model.UserType;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hsmconsole.hsm.exchange.ClusterDocument;
import io.hsmconsole.hsm.exchange.ClusterDocument.AuditPart;
import io.hsmconsole.hsm.exchange.ClusterDocument.CopyPart;
import io.hsmconsole.hsm.exchange.ClusterDocument.IdentityPart;
import io.hsmconsole.hsm.exchange.ClusterDocument.KeyPart;
import io.hsmconsole.hsm.exchange.ClusterDocument.NodePart;
import io.hsmconsole.hsm.exchange.ClusterDocument.UserPart;
import io.hsmconsole.hsm.exchange.ClusterDocumentException;
import io.hsmconsole.hsm.exchange.DocumentCipher;
import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.UserRecord;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whole-cluster export and import as one JSON document (product spec §2.8): nodes, users, keys
 * with their copies, the PKI and the audit log. Key material, password hashes and private keys are
 * sealed under a passphrase; nothing secret is readable in the file.
 */
public final class ClusterExchange {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder UNB64 = Base64.getDecoder();

    private ClusterExchange() {
    }

    /**
     * Writes the document whole and owner-only ({@link OwnerOnly#writeWhole}): a failure leaves no half file,
     * and a link or file another user planted at {@code file} is replaced, never written through.
     */
    public static void export(HsmCluster cluster, char[] passphrase, Path file) {
        if (passphrase.length < DocumentCipher.MIN_PASSPHRASE) {
            throw new IllegalArgumentException("the passphrase must have at least " + DocumentCipher.MIN_PASSPHRASE + " characters");
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        DocumentCipher cipher = DocumentCipher.derive(passphrase, salt, DocumentCipher.ITERATIONS);
        ClusterDocument doc = document(cluster, cipher, salt);
        try {
            // Jackson would close the stream it is given; the owner-only writer closes it itself.
            OwnerOnly.writeWhole(file, out -> JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, doc));
        } catch (IOException e) {
            throw new ClusterDocumentException(file, "cannot write the export: " + e.getMessage(), e);
        }
        // After the document is in place: the exported log ends just before its own export.
        cluster.audit(cluster.nodeRecords().get(0).id(), 0, "host", "exportCluster",
                "-file " + file.getFileName(), ReturnCode.SUCCESS);
        cluster.auditLog().flush();
    }

    private static ClusterDocument document(HsmCluster cluster, DocumentCipher cipher, byte[] salt) {
        ClusterStore store = cluster.store();
        cluster.auditLog().flush();
        ClusterRecord c = store.cluster();
        ClusterCounters counters = store.counters();
        List<NodePart> nodes = store.nodes().stream().map(n -> new NodePart(n.id(), n.online(), n.latencyMillis(),
                n.firmwareVersion(), HexFormat.of().formatHex(n.firmwareMeasurement()))).toList();
        List<UserPart> users = store.users().stream().map(u -> new UserPart(u.id(), u.name(), u.type().name(),
                u.passwordHash() == null ? null : cipher.seal("users/" + u.id(), u.passwordHash().getBytes(StandardCharsets.UTF_8)),
                u.loginFailures(), u.quorumPublicKey() == null ? null : B64.encodeToString(u.quorumPublicKey()))).toList();
        List<KeyPart> keys = new ArrayList<>();
        for (KeyRecord listed : store.listKeys(KeyFilter.all())) {
            KeyRecord k = store.key(listed.handle()).orElseThrow();
            keys.add(new KeyPart(k.handle(), k.ownerId(), k.keyClass().code(), k.keyType().code(), k.sizeBytes(), k.label(), k.id(),
                    k.flags(), k.kcv() == null ? null : HexFormat.of().formatHex(k.kcv()), k.mValue(), k.originNode(),
                    k.createdAtMillis(), k.sharedWith(), cipher.seal("keys/" + k.handle(), k.material()), k.manageMValue()));
            Arrays.fill(k.material(), (byte) 0);
        }
        List<CopyPart> copies = store.allCopies().stream()
                .map(cp -> new CopyPart(cp.handle(), cp.nodeId(), cp.availableAtMillis())).toList();
        List<IdentityPart> identities = store.identities().stream().map(i -> new IdentityPart(i.name(),
                B64.encodeToString(i.certificate()),
                i.privateKey() == null ? null : cipher.seal("identities/" + i.name(), i.privateKey()))).toList();
        List<AuditPart> audit = cluster.auditLog().records(0, Integer.MAX_VALUE).stream().map(r -> new AuditPart(r.seq(),
                r.timeMillis(), r.nodeId(), r.userId(), r.userName(), r.command(), r.arguments(), r.resultCode(),
                r.previousHash() == null ? null : HexFormat.of().formatHex(r.previousHash()),
                HexFormat.of().formatHex(r.hash()))).toList();
        return new ClusterDocument(ClusterDocument.FORMAT, ClusterDocument.VERSION, cluster.clock().nowMillis(),
                new ClusterDocument.Protection(DocumentCipher.KDF, DocumentCipher.ITERATIONS, B64.encodeToString(salt),
                        cipher.check()),
                new ClusterDocument.ClusterPart(c.name(), c.hsmType(), c.keyCapacity(), c.createdAtMillis(),
                        counters.handleCounter(), counters.roundRobin()), nodes, users, keys, copies, identities, audit,
                store.lastAttestations().stream().map(ClusterDocument.AttestationPart::of).toList());
    }

    /** A document read, checked and opened: everything decrypted in memory, ready to restore. */
    record Imported(ClusterRecord cluster, ClusterCounters counters, List<NodeRecord> nodes,
                    List<UserRecord> users, List<KeyRecord> keys, Map<Long, List<KeyCopy>> copies,
                    List<IdentityItem> identities, List<AuditRecord> audit, List<AttestationRecord> attestations) {

        Object restoreInto(ClusterStore.Transaction tx) {
            users.forEach(tx::restoreUser);
            long seq = 1;
            for (KeyRecord k : keys) {
                tx.restoreKey(k, copies.getOrDefault(k.handle(), List.of()), seq++);
            }
            tx.restoreCounters(counters);
            identities.forEach(tx::putIdentity);
            audit.forEach(tx::appendAudit);
            attestations.forEach(tx::putAttestation);
            return null;
        }
    }

    static Imported read(Path file, char[] passphrase) {
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ClusterDocumentException(file, "not a readable cluster export (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new ClusterDocumentException(file, "cannot read the file: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject() || !ClusterDocument.FORMAT.equals(tree.path("format").asText())) {
            throw new ClusterDocumentException(file, "not an HSM Key Console cluster export");
        }
        int version = tree.path("version").asInt(-1);
        if (version > ClusterDocument.VERSION) {
            throw new ClusterDocumentException(file, "written by a newer HSM Key Console (document version "
                    + version + "; this version reads up to " + ClusterDocument.VERSION + ")");
        }
        ClusterDocument doc;
        try {
            doc = JSON.treeToValue(tree, ClusterDocument.class);
        } catch (JacksonException e) {
            throw new ClusterDocumentException(file, "the document is damaged (" + e.getOriginalMessage() + ")", e);
        }
        try {
            return open(doc, passphrase, file);
        } catch (NullPointerException | IllegalArgumentException | InvalidCipherTextException e) {
            throw new ClusterDocumentException(file, "the document is damaged: " + e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static Imported open(ClusterDocument doc, char[] passphrase, Path file) throws InvalidCipherTextException {
        ClusterDocument.Protection p = doc.protection();
        if (!DocumentCipher.KDF.equals(p.kdf()) || p.iterations() < 1) {
            throw new ClusterDocumentException(file, "unknown protection " + p.kdf());
        }
        DocumentCipher cipher = DocumentCipher.derive(passphrase, UNB64.decode(p.salt()), p.iterations());
        if (!cipher.passphraseMatches(p.check())) {
            throw new ClusterDocumentException(file, "wrong passphrase (or a damaged document); nothing was imported");
        }
        ClusterDocument.ClusterPart c = doc.cluster();
        if (io.hsmconsole.hsm.cluster.HsmType.fromAwsName(c.hsmType()).isEmpty()) {
            throw new ClusterDocumentException(file, "unknown HSM type '" + c.hsmType() + "'");
        }
        List<NodeRecord> nodes = new ArrayList<>();
        for (NodePart n : doc.nodes()) {
            nodes.add(new NodeRecord(n.id(), n.online(), n.latencyMillis(), n.firmwareVersion(),
                    HexFormat.of().parseHex(n.firmwareMeasurement())));
        }
        List<UserRecord> users = new ArrayList<>();
        for (UserPart u : doc.users()) {
            String hash = u.passwordHash() == null ? null
                    : new String(cipher.open("users/" + u.id(), u.passwordHash()), StandardCharsets.UTF_8);
            UserType type = UserType.parse(u.type()).orElseThrow(() -> new ClusterDocumentException(file,
                    "the document is damaged: user " + u.id() + " has the unknown type '" + u.type() + "'; nothing was imported"));
            users.add(new UserRecord(u.id(), u.name(), type, hash, u.loginFailures(),
                    u.quorumPublicKey() == null ? null : UNB64.decode(u.quorumPublicKey())));
        }
        List<KeyRecord> keys = new ArrayList<>();
        for (KeyPart k : doc.keys()) {
            KeyClass keyClass = KeyClass.fromCode(k.keyClass()).orElseThrow(() -> new ClusterDocumentException(file,
                    "the document is damaged: key " + k.handle() + " has the unknown class " + k.keyClass()
                            + "; nothing was imported"));
            KeyAlgorithm keyType = KeyAlgorithm.fromCode(k.keyType()).orElseThrow(() -> new ClusterDocumentException(file,
                    "the document is damaged: key " + k.handle() + " has the unknown key type " + k.keyType()
                            + "; nothing was imported"));
            keys.add(KeyRecord.builder().handle(k.handle()).ownerId(k.owner()).keyClass(keyClass).keyType(keyType)
                    .sizeBytes(k.sizeBytes()).label(k.label()).id(k.id()).flags(k.flags())
                    .kcv(k.kcv() == null ? null : HexFormat.of().parseHex(k.kcv())).mValue(k.mValue()).manageMValue(k.manageMValueOrMValue())
                    .originNode(k.originNode()).createdAtMillis(k.createdAtMillis()).sharedWith(k.sharedWith())
                    .material(cipher.open("keys/" + k.handle(), k.material())).build());
        }
        Map<Long, List<KeyCopy>> copies = doc.copies().stream().map(cp -> new KeyCopy(cp.handle(), cp.node(),
                cp.availableAtMillis())).collect(Collectors.groupingBy(KeyCopy::handle));
        List<IdentityItem> identities = new ArrayList<>();
        for (IdentityPart i : doc.identities()) {
            identities.add(new IdentityItem(i.name(), UNB64.decode(i.certificate()),
                    i.privateKey() == null ? null : cipher.open("identities/" + i.name(), i.privateKey())));
        }
        List<AuditRecord> audit = doc.audit().stream().map(a -> new AuditRecord(a.seq(), a.timeMillis(), a.nodeId(),
                a.userId(), a.userName(), a.command(), a.arguments(), a.resultCode(),
                a.previousHash() == null ? null : HexFormat.of().parseHex(a.previousHash()),
                HexFormat.of().parseHex(a.hash()))).toList();
        Imported imported = new Imported(new ClusterRecord(c.name(), c.hsmType(), c.keyCapacity(), c.createdAtMillis()),
                new ClusterCounters(c.handleCounter(), c.roundRobin()), nodes, users, keys, copies, identities, audit,
                doc.attestationsOrNone().stream().map(ClusterDocument.AttestationPart::record).toList());
        inconsistency(imported).ifPresent(why -> {
            throw new ClusterDocumentException(file, "the document is damaged: " + why + "; nothing was imported");
        });
        return imported;
    }

    /**
     * What in a decrypted document contradicts itself (its plain fields are not sealed, so an edit
     * can break them): checked before anything is written, so the store never sees it half-way.
     */
    static java.util.Optional<String> inconsistency(Imported d) {
        java.util.Set<Integer> nodeIds = new java.util.HashSet<>();
        for (NodeRecord n : d.nodes()) {
            if (!nodeIds.add(n.id())) {
                return java.util.Optional.of("node " + n.id() + " appears twice");
            }
        }
        java.util.Set<Integer> userIds = new java.util.HashSet<>();
        java.util.Set<String> userNames = new java.util.HashSet<>();
        for (UserRecord u : d.users()) {
            if (!userIds.add(u.id()) || !userNames.add(u.name().toLowerCase(java.util.Locale.ROOT))) {
                return java.util.Optional.of("user " + u.id() + " (" + u.name() + ") appears twice");
            }
        }
        java.util.Set<Long> handles = new java.util.HashSet<>();
        // A key ID is unique per key class: the two halves of a key pair share theirs.
        java.util.Set<String> keyIds = new java.util.HashSet<>();
        for (KeyRecord k : d.keys()) {
            if (!handles.add(k.handle())) {
                return java.util.Optional.of("key " + k.handle() + " appears twice");
            }
            // unique per key class, as the store's index: the two halves of a pair share their ID
            if (!k.id().isEmpty() && !keyIds.add(k.keyClass().code() + ":" + k.id())) {
                return java.util.Optional.of("the key ID '" + io.hsmconsole.hsm.key.KeyNaming.shownId(k.id())
                        + "' is used twice in one key class");
            }
            if (!userIds.contains(k.ownerId())) {
                return java.util.Optional.of("key " + k.handle() + " is owned by user " + k.ownerId() + ", who is not in it");
            }
            for (int shared : k.sharedWith()) {
                if (!userIds.contains(shared)) {
                    return java.util.Optional.of("key " + k.handle() + " is shared with user " + shared + ", who is not in it");
                }
            }
        }
        for (List<KeyCopy> copies : d.copies().values()) {
            for (KeyCopy c : copies) {
                if (!handles.contains(c.handle()) || !nodeIds.contains(c.nodeId())) {
                    return java.util.Optional.of("a copy of key " + c.handle() + " on node " + c.nodeId()
                            + " names a key or node that is not in it");
                }
            }
        }
        for (AttestationRecord a : d.attestations()) {
            if (!nodeIds.contains(a.nodeId())) {
                return java.util.Optional.of("an attestation names node " + a.nodeId() + ", which is not in it");
            }
        }
        return java.util.Optional.empty();
    }
}
