package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.property.Gen;
import io.hsmconsole.property.Trials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link StoreBackend} must do, run by the simulator through the store interfaces: a
 * subclass per backend says how to reach it ({@link #backend}). Two "machines" are two data folders
 * (each with its own catalog); a backend that keeps the cluster inside one data folder (SQLite) has
 * both machines share one folder instead ({@link #sharesOneFolder}).
 */
public abstract class StoreContract {
    private static final List<Long> NO_LATENCY = List.of(0L, 0L, 0L);
    private Path machineA;
    private Path machineB;

    /** A backend on a fresh, empty place (a new database for a server). Called once per test. */
    protected abstract StoreBackend backend();

    /** True when the cluster lives in the data folder, so two machines are one folder. */
    protected abstract boolean sharesOneFolder();

    /** What the second machine needs of the first before it can open the cluster (the master key). */
    protected abstract void joinTeam(Path clusterDirA, Path clusterDirB) throws Exception;

    private StoreBackend backend;

    @BeforeEach
    void makeMachines() throws Exception {
        backend = backend();
        machineA = Files.createTempDirectory("hsm-contract-a-");
        machineB = sharesOneFolder() ? machineA : Files.createTempDirectory("hsm-contract-b-");
    }

    @AfterEach
    void removeMachines() {
        TestFiles.deleteTree(machineA);
        TestFiles.deleteTree(machineB);
    }

    private ClusterCatalog catalog(Path machine) {
        return new ClusterCatalog(backend, new DataDirectory(machine), new ManualClock(TestClusters.START));
    }

    /** The demo cluster "team" made on machine A, and machine B joined to it. */
    private HsmCluster createOnA() throws Exception {
        return createOnA("team");
    }

    private HsmCluster createOnA(String name) throws Exception {
        HsmCluster cluster = catalog(machineA).createDemo(name, new ClusterOptions(HsmType.HSM2M_MEDIUM, NO_LATENCY, null));
        if (!sharesOneFolder()) {
            joinTeam(new DataDirectory(machineA).clusterDir(name), new DataDirectory(machineB).clusterDir(name));
        }
        return cluster;
    }

    private static long generate(HsmSession session, String label, String id) {
        HsmResult<GeneratedKey> r = session.generateSymmetricKey(GenSymKeyRequest.of(31, 16, label).withId(id));
        assertThat(r.code()).as("genSymKey %s", label).isEqualTo(ReturnCode.SUCCESS);
        return r.value().handle();
    }

    @Test
    void aKeyMadeOnOneMachineIsSeenWithItsMaterialCopiesAndUsersOnTheOther() throws Exception {
        long handle;
        try (HsmCluster a = createOnA(); HsmSession alice = TestClusters.login(a, "alice")) {
            handle = generate(alice, "shared", "id-1");
        }
        assertThat(catalog(machineB).exists("team")).isTrue();
        try (ClusterStore onA = backend.open(new DataDirectory(machineA).clusterDir("team"), new SecureRandom());
             ClusterStore onB = backend.open(new DataDirectory(machineB).clusterDir("team"), new SecureRandom())) {
            KeyRecord fromA = onA.key(handle).orElseThrow();
            KeyRecord fromB = onB.key(handle).orElseThrow();
            assertThat(fromB.label()).isEqualTo("shared");
            assertThat(fromB.id()).isEqualTo("id-1");
            assertThat(fromB.material()).hasSize(16).isEqualTo(fromA.material());
            assertThat(onB.copies(handle)).extracting(KeyCopy::nodeId).containsExactly(0, 1, 2);
            assertThat(onB.users()).extracting(UserRecord::name).contains("admin", "alice", "bob", "officer1");
            assertThat(onB.userByName("ALICE")).as("user names are case-insensitive").isPresent();
            assertThat(onB.findKeys(KeyFilter.withId("id-1"))).containsExactly(handle);
            assertThat(onB.tokenKeyCount()).isEqualTo(1);
            assertThat(onB.identities()).as("the PKI's sealed private keys open on B").isNotEmpty()
                    .allSatisfy(i -> assertThat(i.certificate()).isNotEmpty());
        }
    }

    @Test
    void anIdTakenOnOneMachineIsRefusedOnTheOther() throws Exception {
        try (HsmCluster a = createOnA(); HsmCluster b = catalog(machineB).open("team");
             HsmSession onA = TestClusters.login(a, "alice"); HsmSession onB = TestClusters.login(b, "alice")) {
            generate(onA, "first", "dup");
            HsmResult<GeneratedKey> second = onB.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "second").withId("dup"));
            assertThat(second.code()).isEqualTo(ReturnCode.DUPLICATE_KEY_ID);
        }
    }

    /** A CKA_ID is bytes: 0x00, 0xff, newlines and spaces are kept exactly, found exactly, and unique. */
    @Test
    void aBinaryIdIsKeptFoundAndUniqueByItsExactBytes() throws Exception {
        String binary = "\u0000\u00ff\n \u0001\u00c3\u00a9";
        long handle;
        try (HsmCluster a = createOnA(); HsmSession alice = TestClusters.login(a, "alice")) {
            handle = generate(alice, "binary", binary);
            generate(alice, "prefix", "\u0000");
            HsmResult<GeneratedKey> again = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "again").withId(binary));
            assertThat(again.code()).isEqualTo(ReturnCode.DUPLICATE_KEY_ID);
        }
        try (ClusterStore onB = backend.open(new DataDirectory(machineB).clusterDir("team"), new SecureRandom())) {
            assertThat(onB.key(handle).orElseThrow().id()).isEqualTo(binary);
            assertThat(onB.findKeys(KeyFilter.withId(binary))).containsExactly(handle);
        }
    }

    @Test
    void aWriteOnOneMachineMovesTheChangeCounterSeenOnTheOther() throws Exception {
        try (HsmCluster a = createOnA();
             ClusterStore onB = backend.open(new DataDirectory(machineB).clusterDir("team"), new SecureRandom());
             HsmSession alice = TestClusters.login(a, "alice")) {
            long before = onB.changeCounter();
            ClusterCounters countersBefore = onB.counters();
            generate(alice, "moves", "");
            assertThat(onB.changeCounter()).isNotEqualTo(before);
            assertThat(onB.counters().handleCounter()).isGreaterThan(countersBefore.handleCounter());
        }
    }

    @Test
    void theAuditChainWrittenFromTwoMachinesIsIntact() throws Exception {
        try (HsmCluster a = createOnA(); HsmCluster b = catalog(machineB).open("team")) {
            for (int i = 0; i < 3; i++) {
                try (HsmSession onA = TestClusters.login(a, "alice"); HsmSession onB = TestClusters.login(b, "bob")) {
                    generate(onA, "a" + i, "");
                    generate(onB, "b" + i, "");
                }
            }
            var verification = b.auditLog().verify();
            assertThat(verification.intact()).as(verification.reason()).isTrue();
            assertThat(verification.recordsChecked()).isGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void noHandleIsHandedOutTwiceByFourWritersOnTwoMachines() throws Exception {
        int writers = 4;
        int each = 15;
        try (HsmCluster a = createOnA()) {
            List<HsmCluster> connections = new ArrayList<>();
            connections.add(a);
            connections.add(catalog(machineB).open("team"));
            connections.add(catalog(machineA).open("team"));
            connections.add(catalog(machineB).open("team"));
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<List<Long>>> made = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    HsmCluster connection = connections.get(w);
                    String user = w % 2 == 0 ? "alice" : "bob";
                    int writer = w;
                    made.add(pool.submit(() -> {
                        List<Long> handles = new ArrayList<>();
                        try (HsmSession s = TestClusters.login(connection, user)) {
                            for (int i = 0; i < each; i++) {
                                handles.add(generate(s, "w" + writer, "w" + writer + "-" + i));
                            }
                        }
                        return handles;
                    }));
                }
                Set<Long> all = new HashSet<>();
                for (Future<List<Long>> f : made) {
                    for (long h : f.get()) {
                        assertThat(all.add(h)).as("handle %d handed out twice", h).isTrue();
                    }
                }
                assertThat(all).hasSize(writers * each);
                try (ClusterStore store = backend.open(new DataDirectory(machineA).clusterDir("team"), new SecureRandom())) {
                    assertThat(store.tokenKeyCount()).isEqualTo(writers * each);
                    assertThat(store.listKeys(KeyFilter.all())).hasSize(writers * each);
                }
            } finally {
                pool.shutdownNow();
                for (HsmCluster c : connections.subList(1, connections.size())) {
                    c.close();
                }
            }
        }
    }

    /**
     * Four writers on two machines race for the same key IDs: each ID goes to exactly one of them, the
     * others get the HSM's duplicate-ID answer (not a store error): the check and the insert are one
     * write transaction, which no other machine's write interleaves.
     */
    @Test
    void racingWritersOnTwoMachinesGetEachIdOnceAndTheOthersAreToldItIsTaken() throws Exception {
        int writers = 4;
        int ids = 12;
        try (HsmCluster a = createOnA()) {
            List<HsmCluster> connections = List.of(a, catalog(machineB).open("team"), catalog(machineA).open("team"),
                    catalog(machineB).open("team"));
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<List<ReturnCode>>> answers = new ArrayList<>();
                for (HsmCluster connection : connections) {
                    answers.add(pool.submit(() -> {
                        List<ReturnCode> codes = new ArrayList<>();
                        try (HsmSession s = TestClusters.login(connection, "alice")) {
                            for (int i = 0; i < ids; i++) {
                                codes.add(s.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "race").withId("race-" + i))
                                        .code());
                            }
                        }
                        return codes;
                    }));
                }
                List<ReturnCode> all = new ArrayList<>();
                for (Future<List<ReturnCode>> f : answers) {
                    all.addAll(f.get());
                }
                assertThat(all).containsOnly(ReturnCode.SUCCESS, ReturnCode.DUPLICATE_KEY_ID);
                assertThat(all).filteredOn(ReturnCode.SUCCESS::equals).hasSize(ids);
            } finally {
                pool.shutdownNow();
                for (HsmCluster c : connections.subList(1, connections.size())) {
                    c.close();
                }
            }
        }
    }

    @Test
    void randomKeyOperationsOnTwoMachinesKeepHandlesAndIdsUnique() throws Exception {
        Gen<List<UniquenessWorld.Step>> scripts = KeyUniquenessPropertyTest.scripts();
        int[] trial = {0};
        Trials.run(3, random -> {
            List<UniquenessWorld.Step> script = scripts.next(random);
            // A fresh cluster per trial: the world's model starts empty.
            String name = "props" + trial[0]++;
            createOnA(name).close();
            try (HsmCluster first = catalog(machineA).open(name); HsmCluster second = catalog(machineB).open(name);
                 UniquenessWorld world = new UniquenessWorld(first, second)) {
                script.forEach(world::apply);
                world.assertStoreMatchesModel();
            }
        });
    }

    @Test
    void failedLoginsOnTwoMachinesAddUpToOneLockoutThatBothSee() throws Exception {
        try (HsmCluster a = createOnA(); HsmCluster b = catalog(machineB).open("team")) {
            for (int i = 0; i < 5; i++) {
                HsmCluster machine = i % 2 == 0 ? a : b;
                assertThat(machine.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "bob", "bad_pwd".toCharArray()).code())
                        .as("failure %d", i + 1).isEqualTo(ReturnCode.LOGIN_FAILURE);
            }
            for (HsmCluster machine : List.of(a, b)) {
                assertThat(machine.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "bob", "bob_pwd".toCharArray()).code())
                        .isEqualTo(ReturnCode.ACCOUNT_LOCKED);
            }
            HsmSession officer = b.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray())
                    .value();
            assertThat(officer.users().changePassword(UserType.CU, "bob", "bob_new_pwd".toCharArray()).code())
                    .isEqualTo(ReturnCode.SUCCESS);
            assertThat(a.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "bob", "bob_new_pwd".toCharArray()).code())
                    .as("unlocked on B, seen on A").isEqualTo(ReturnCode.SUCCESS);
        }
    }

    /**
     * A key made on A with m_value 2 needs a quorum on B too, and a quorum key carol registers on B
     * verifies her offline approval of a token on A.
     */
    @Test
    void aQuorumKeyRegisteredOnOneMachineVerifiesApprovalsOnTheOther() throws Exception {
        try (HsmCluster a = createOnA(); HsmCluster b = catalog(machineB).open("team");
             HsmSession ownerOnA = TestClusters.login(a, "example_user");
             HsmSession ownerOnB = TestClusters.login(b, "example_user");
             HsmSession carolOnB = TestClusters.login(b, "carol")) {
            int carol = a.users().stream().filter(u -> u.name().equals("carol")).findFirst().orElseThrow().id();
            long key = ownerOnA.generateSymmetricKey(GenSymKeyRequest.of(16, 256, "mv2").withMValue(2)
                    .withShareWith(List.of(carol))).value().handle();
            assertThat(ownerOnB.shareKey(key, 4, true).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);

            AsymmetricCipherKeyPair carolsKey = QuorumSignatures.newKeyPair(new SecureRandom());
            byte[] registration = new byte[245];
            new SecureRandom().nextBytes(registration);
            byte[] priv = QuorumSignatures.privateDer(carolsKey);
            assertThat(carolOnB.users().registerQuorumKey(UserType.CU, "carol", registration,
                    QuorumSignatures.sign(priv, registration), QuorumSignatures.publicDer(carolsKey)).code())
                    .isEqualTo(ReturnCode.SUCCESS);

            QuorumToken token = ownerOnA.quorumTokens().getToken(QuorumService.MANAGE_KEY, key).value();
            assertThat(ownerOnA.quorumTokens().approveToken(token.id(), "carol",
                    QuorumSignatures.sign(priv, token.challenge())).code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(ownerOnA.quorumTokens().approveTokenWithPassword(token.id(), "example_user",
                    "example_pwd".toCharArray()).code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(ownerOnA.shareKey(key, 4, true).code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(ownerOnB.keyInfo(key).value().sharedWith()).as("seen on B").contains(4);
        }
    }

    @Test
    void everyPublicKeyIsFoundInTheSameQueryAsTheUsersOwnAndSharedKeys() throws Exception {
        long alicePublic;
        long alicePrivate;
        long sharedWithBob;
        long bobsOwn;
        long aliceOnly;
        int aliceId;
        int bobId;
        try (HsmCluster a = createOnA(); HsmSession alice = TestClusters.login(a, "alice");
             HsmSession bob = TestClusters.login(a, "bob")) {
            aliceId = alice.user().id();
            bobId = bob.user().id();
            aliceOnly = generate(alice, "alice-only", "");
            GeneratedPair pair = alice.pairs().generateKeyPair(KeyPairRequest.ec(2, KeyOptions.labelled("pair")),
                    SyncObserver.NONE).value();
            alicePublic = pair.publicHandle();
            alicePrivate = pair.privateHandle();
            sharedWithBob = generate(alice, "shared", "");
            assertThat(alice.shareKey(sharedWithBob, bobId, true).isSuccess()).isTrue();
            bobsOwn = generate(bob, "bobs", "");
        }
        try (ClusterStore onB = backend.open(new DataDirectory(machineB).clusterDir("team"), new SecureRandom())) {
            KeyFilter everyKeyOfBob = KeyFilter.visibleTo(bobId);
            assertThat(onB.findKeys(everyKeyOfBob)).containsExactly(sharedWithBob, bobsOwn);
            assertThat(onB.findKeys(everyKeyOfBob.orAnyPublicKey())).as("in creation order")
                    .containsExactly(alicePublic, sharedWithBob, bobsOwn);
            assertThat(onB.findKeys(new KeyFilter(bobId, null, null, "pair", null, null, List.of()).orAnyPublicKey()))
                    .as("the label applies to the public keys too").containsExactly(alicePublic);
            assertThat(onB.findKeys(new KeyFilter(bobId, 3, null, null, null, null, List.of()).orAnyPublicKey()))
                    .as("another user's private key stays out").isEmpty();
            assertThat(onB.findKeys(new KeyFilter(bobId, null, null, null, null, null, List.of(aliceId)).orAnyPublicKey()))
                    .as("-u: keys both may use, and every public key").containsExactly(alicePublic, sharedWithBob);
            assertThat(onB.findKeys(KeyFilter.visibleTo(aliceId).orAnyPublicKey()))
                    .as("the owner's public key is listed once").containsExactly(aliceOnly, alicePublic, alicePrivate,
                            sharedWithBob);
        }
    }

    /**
     * Every key a user can use (own, shared, with and without everyone's public keys; and by label), with
     * its copies, and every copy, as the listing queries and their remembered listings give it on a store
     * kept open on machine B, equals the whole key and copy tables read by a fresh open and filtered here,
     * after every step of a random history written on machine A ({@link ListingHistory}: keys, pairs,
     * shares and unshares, relabels, flags, deletes, a key handed to another owner at another place, node
     * changes that move copies alone, and a burst that overflows the change log right after a change):
     * a listing is never served from before another machine's change, whether it is read whole or
     * brought up to date from the change log — and the log does bring them up to date.
     */
    @Test
    void listingsOnAStoreKeptOpenFollowEveryChangeTheOtherMachineMakes() throws Exception {
        int[] trial = {0};
        long patchesBefore = ListingCache.patches();
        Trials.run(2, random -> {
            String name = "listing" + trial[0]++;
            createOnA(name).close();
            Path dirA = new DataDirectory(machineA).clusterDir(name);
            Path dirB = new DataDirectory(machineB).clusterDir(name);
            try (HsmCluster a = catalog(machineA).open(name);
                 ClusterStore directOnA = backend.open(dirA, new SecureRandom());
                 ClusterStore keptOnB = backend.open(dirB, new SecureRandom())) {
                List<HsmSession> users = List.of(TestClusters.login(a, "example_user"), TestClusters.login(a, "alice"),
                        TestClusters.login(a, "bob"));
                ListingHistory history = new ListingHistory(a, users, directOnA);
                int overflowAt = 8 + random.nextInt(12);
                for (int step = 0; step < 30; step++) {
                    if (step == overflowAt) {
                        history.changeThenOverflowTheLog(random);
                    } else {
                        history.step(random);
                    }
                    ListingOracle.assertListingsMatch(keptOnB, () -> backend.open(dirB, new SecureRandom()),
                            history.userIds(), history.labels());
                }
                users.forEach(HsmSession::close);
            }
        });
        assertThat(ListingCache.patches()).as("listings brought up to date from the change log").isGreaterThan(patchesBefore);
    }

    /**
     * A store kept open is current until its cluster would no longer be opened as it was: the master
     * key rewritten, or its permissions opened up (a fresh open refuses that), or the cluster made anew.
     */
    @Test
    void anOpenStoreIsCurrentUntilItsMasterKeyOrClusterIsReplaced() throws Exception {
        createOnA().close();
        Path dirB = new DataDirectory(machineB).clusterDir("team");
        Path key = dirB.resolve("master.key");
        try (ClusterStore onB = backend.open(dirB, new SecureRandom())) {
            assertThat(onB.isCurrent()).isTrue();
            try (HsmCluster a = catalog(machineA).open("team"); HsmSession alice = TestClusters.login(a, "alice")) {
                generate(alice, "written", "");
            }
            assertThat(onB.isCurrent()).as("writes leave it current").isTrue();
            java.nio.file.attribute.PosixFileAttributeView view = Files.getFileAttributeView(key,
                    java.nio.file.attribute.PosixFileAttributeView.class);
            view.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            assertThat(onB.isCurrent()).as("a master key others may read").isFalse();
            view.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            OwnerOnly.writeWhole(key, Files.readAllBytes(key));
            assertThat(onB.isCurrent()).as("a master key file written anew").isFalse();
        }
        try (ClusterStore onB = backend.open(dirB, new SecureRandom())) {
            assertThat(onB.isCurrent()).isTrue();
            removeCluster(new DataDirectory(machineA).clusterDir("team"), dirB);
            createOnA().close();
            assertThat(onB.isCurrent()).as("the cluster made anew under its name").isFalse();
        }
    }

    /**
     * Removes the cluster as a team would before making one of the same name: its folders on both
     * machines (SQLite: the one folder), and on a server its data.
     */
    protected void removeCluster(Path clusterDirA, Path clusterDirB) throws Exception {
        TestFiles.deleteTree(clusterDirA);
        TestFiles.deleteTree(clusterDirB);
    }
}
