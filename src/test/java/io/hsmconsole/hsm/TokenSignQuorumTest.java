package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.hsm.quorum.SignedApproval;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.hsm.quorum.TokenSignToken;
import io.hsmconsole.hsm.quorum.TokenTimeouts;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.property.Trials;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SDK 5's token-sign quorum in the simulator (quorum-auth-chsm-cli*.md): admins register RSA keys
 * with signed registration tokens; tokens are cluster-wide (listed by everyone, kept in the store, so
 * a token made by one process is used by the next), one per admin per service, live the cluster's timeouts and
 * serve one successful operation; approvals are verified signatures of registered admins, each once;
 * the m values are the officers' (cloudhsm_mgmt_util's getMValue reads what set-quorum-value wrote).
 */
class TokenSignQuorumTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);
    HsmCluster cluster;
    final Map<String, AsymmetricCipherKeyPair> keys = new HashMap<>();

    @BeforeEach
    void open() {
        cluster = TestClusters.demo(dir, clock);
        for (String admin : List.of("admin", "officer1")) {
            register(admin);
        }
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    private HsmSession admin(String name) {
        UserType type = name.equals("admin") ? UserType.PCO : UserType.CO;
        return cluster.login(LoginChannel.CLOUDHSM_CLI, type, name, TestClusters.password(name)).value();
    }

    /** Registers the admin's quorum key and logs them out again (a logged-in user's password is not changed). */
    private void register(String admin) {
        try (HsmSession session = admin(admin)) {
            keys.put(admin, QuorumKeys.register(cluster, session));
        }
    }

    /** The token as the file carries it, signed by each approver with their registered key. */
    private Optional<SignedApproval> signedBy(TokenSignToken token, String... approvers) {
        return Optional.of(QuorumKeys.signedBy(token, keys, approvers));
    }

    private HsmResult<?> createUser(HsmSession s, String name, Optional<SignedApproval> approval) {
        return s.tokenSign().withApproval(TokenSignService.USER, approval,
                () -> s.users().createUser(UserType.CU, name, "password".toCharArray()));
    }

    private void userQuorumOfTwo() {
        assertThat(admin("admin").tokenSign().setQuorumValue(TokenSignService.USER, 2, Optional.empty()).code())
                .isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void quorumValuesAreTheOfficersMValues() {
        userQuorumOfTwo();
        assertThat(cluster.tokenSign().quorumValues()).containsEntry(TokenSignService.USER, 2).containsEntry(TokenSignService.QUORUM, 1);
        HsmSession cmu = cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", TestClusters.password("officer1")).value();
        assertThat(cmu.officerQuorum().getMValue(QuorumService.USER_MGMT).value()).isEqualTo(2);
    }

    @Test
    void aTokenMadeByOneProcessIsListedAndUsedByTheNextOne() {
        userQuorumOfTwo();
        TokenSignToken token = admin("admin").tokenSign().generate(TokenSignService.USER).value();
        cluster.close();
        cluster = TestClusters.catalog(dir, clock).open("demo");
        HsmSession cu = TestClusters.login(cluster, "example_user");
        assertThat(cu.tokenSign().list().value()).singleElement().satisfies(l -> {
            assertThat(l.username()).isEqualTo("admin");
            assertThat(l.approvalsRequired()).isEqualTo(2);
            assertThat(l.timeoutSeconds()).isEqualTo(600);
        });
        assertThat(createUser(admin("admin"), "user1", signedBy(token, "admin", "officer1")).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(cu.tokenSign().list().value()).isEmpty();
    }

    @Test
    void aTokenServesOneSuccessfulOperationAndARefusedOneLeavesIt() {
        userQuorumOfTwo();
        HsmSession admin = admin("admin");
        Optional<SignedApproval> approval = signedBy(admin.tokenSign().generate(TokenSignService.USER).value(), "admin", "officer1");
        assertThat(createUser(admin, "alice", approval).code()).isEqualTo(ReturnCode.USER_EXISTS);
        assertThat(admin.tokenSign().list().value()).hasSize(1);
        assertThat(createUser(admin, "user1", approval).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(createUser(admin, "user2", approval).code()).isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
        assertThat(createUser(admin, "user2", Optional.empty()).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }

    @Test
    void approvalsAreRegisteredAdminsEachOnceAndEnoughOfThem() {
        userQuorumOfTwo();
        HsmSession admin = admin("admin");
        TokenSignToken token = admin.tokenSign().generate(TokenSignService.USER).value();
        assertThat(createUser(admin, "user1", signedBy(token, "officer1")).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(createUser(admin, "user1", signedBy(token, "officer1", "officer1")).code())
                .isEqualTo(ReturnCode.OFFICER_APPROVAL_INVALID);
        // A crypto user with a quorum key (registered through cloudhsm_mgmt_util) is no admin.
        keys.put("example_user", QuorumSignatures.newKeyPair(RANDOM));
        cluster.write(tx -> {
            tx.updateUser(tx.userByName("example_user").orElseThrow()
                    .withQuorumPublicKey(QuorumSignatures.publicDer(keys.get("example_user"))));
            return null;
        });
        assertThat(createUser(admin, "user1", signedBy(token, "officer1", "example_user")).code())
                .isEqualTo(ReturnCode.OFFICER_APPROVAL_INVALID);
        // officer1's signature under admin's name
        SignedApproval forged = signedBy(token, "officer1").orElseThrow();
        SignedApproval asAdmin = new SignedApproval(forged.approvalData(), forged.token(), List.of(forged.signatures().get(0),
                new SignedApproval.Signature("admin", forged.signatures().get(0).signature())));
        assertThat(createUser(admin, "user1", Optional.of(asAdmin)).code()).isEqualTo(ReturnCode.OFFICER_APPROVAL_INVALID);
        assertThat(createUser(admin, "user1", signedBy(token, "officer1", "admin")).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void aTokenIsTheRequestersOwnForItsServiceAndLivesSixHundredSeconds() {
        userQuorumOfTwo();
        HsmSession admin = admin("admin");
        TokenSignToken quorumToken = admin.tokenSign().generate(TokenSignService.QUORUM).value();
        assertThat(createUser(admin, "user1", signedBy(quorumToken, "admin", "officer1")).code())
                .isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
        TokenSignToken officers = admin("officer1").tokenSign().generate(TokenSignService.USER).value();
        assertThat(createUser(admin, "user1", signedBy(officers, "admin", "officer1")).code())
                .isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
        TokenSignToken first = admin.tokenSign().generate(TokenSignService.USER).value();
        TokenSignToken second = admin.tokenSign().generate(TokenSignService.USER).value();
        assertThat(createUser(admin, "user1", signedBy(first, "admin", "officer1")).code())
                .as("replaced by the second").isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
        clock.advance(TokenTimeouts.DEFAULT.generatedMillis());
        assertThat(admin.tokenSign().list().value()).isEmpty();
        assertThat(createUser(admin, "user1", signedBy(second, "admin", "officer1")).code()).isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
    }

    @Test
    void raisingTheUserQuorumAboveTheQuorumServicesNeedsAQuorumToken() {
        HsmSession admin = admin("admin");
        userQuorumOfTwo();
        assertThat(admin.tokenSign().setQuorumValue(TokenSignService.USER, 1, Optional.empty()).code())
                .isEqualTo(ReturnCode.QUORUM_REQUIRED);
        TokenSignToken token = admin.tokenSign().generate(TokenSignService.QUORUM).value();
        assertThat(admin.tokenSign().setQuorumValue(TokenSignService.USER, 1, signedBy(token, "admin", "officer1")).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(cluster.tokenSign().quorumValues()).containsEntry(TokenSignService.USER, 1);
    }

    @Test
    void registrationNeedsAnHsmTokenSignedByThatKeyAndServesOnce() {
        AsymmetricCipherKeyPair pair = QuorumSignatures.newKeyPair(RANDOM);
        AsymmetricCipherKeyPair other = QuorumSignatures.newKeyPair(RANDOM);
        TokenSignToken reg = cluster.tokenSign().registrationToken();
        HsmSession officer = admin("officer1");
        SignedApproval byOther = new SignedApproval(reg.approvalData(), reg.digest(), List.of(new SignedApproval.Signature("",
                QuorumSignatures.sign(QuorumSignatures.privateDer(other), reg.approvalData()))));
        assertThat(officer.tokenSign().register(QuorumSignatures.publicDer(pair), byOther).code())
                .isEqualTo(ReturnCode.QUORUM_APPROVAL_INVALID);
        byte[] made = reg.approvalData();
        made[made.length - 1] ^= 1; // data the HSM did not make, signed by the right key
        SignedApproval notIssued = new SignedApproval(made, TokenSignToken.sha256(made), List.of(new SignedApproval.Signature("",
                QuorumSignatures.sign(QuorumSignatures.privateDer(pair), made))));
        assertThat(officer.tokenSign().register(QuorumSignatures.publicDer(pair), notIssued).code())
                .isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
        SignedApproval good = new SignedApproval(reg.approvalData(), reg.digest(), List.of(new SignedApproval.Signature("",
                QuorumSignatures.sign(QuorumSignatures.privateDer(pair), reg.approvalData()))));
        assertThat(officer.tokenSign().register(QuorumSignatures.publicDer(pair), good).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(officer.tokenSign().register(QuorumSignatures.publicDer(pair), good).code()).isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
    }

    @Test
    void anApprovalChangedAnywhereApprovesNothingAndLeavesTheToken() {
        userQuorumOfTwo();
        HsmSession admin = admin("admin");
        SignedApproval good = signedBy(admin.tokenSign().generate(TokenSignService.USER).value(), "admin", "officer1").orElseThrow();
        Trials.run(40, random -> {
            SignedApproval bad = TamperedApprovals.of(good, random);
            assertThat(createUser(admin, "user1", Optional.of(bad)).code()).isNotEqualTo(ReturnCode.SUCCESS);
            assertThat(admin.tokenSign().list().value()).hasSize(1);
        });
        assertThat(createUser(admin, "user1", Optional.of(good)).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    /** cloudhsm_cli-qm-token-set-tm.md: a generated token has the generated timeout to be used; the clock is the test's. */
    @Test
    void aTokenExpiresAfterTheGeneratedTimeoutSet() {
        userQuorumOfTwo();
        HsmSession admin = admin("admin");
        assertThat(cluster.tokenSign().timeouts()).isEqualTo(new TokenTimeouts(600, 600));
        assertThat(admin.tokenSign().setTimeouts(OptionalLong.of(60), OptionalLong.empty()).value())
                .isEqualTo(new TokenTimeouts(60, 600));
        TokenSignToken early = admin.tokenSign().generate(TokenSignService.USER).value();
        assertThat(admin.tokenSign().list().value()).singleElement().satisfies(l -> assertThat(l.timeoutSeconds()).isEqualTo(60));
        clock.advance(59_999);
        assertThat(createUser(admin, "user1", signedBy(early, "admin", "officer1")).code()).isEqualTo(ReturnCode.SUCCESS);

        TokenSignToken late = admin.tokenSign().generate(TokenSignService.USER).value();
        clock.advance(60_000);
        assertThat(admin.tokenSign().list().value()).as("expired at 60 seconds").isEmpty();
        assertThat(createUser(admin, "user2", signedBy(late, "admin", "officer1")).code()).isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
    }

    /**
     * An approved token (its approvals verified and enough, the operation refused for another reason)
     * keeps its approvals and lives the approved timeout from its approval; too few approvals leave it
     * a generated token.
     */
    @Test
    void anApprovedTokenLivesTheApprovedTimeout() {
        userQuorumOfTwo();
        HsmSession admin = admin("admin");
        admin.tokenSign().setTimeouts(OptionalLong.of(600), OptionalLong.of(30));
        TokenSignToken token = admin.tokenSign().generate(TokenSignService.USER).value();
        assertThat(createUser(admin, "user1", signedBy(token, "admin")).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(admin.tokenSign().list().value()).singleElement().satisfies(l -> {
            assertThat(l.approvals()).isEqualTo(1);
            assertThat(l.timeoutSeconds()).as("one approval of two: still a generated token").isEqualTo(600);
        });
        clock.advance(100_000);
        assertThat(createUser(admin, "example_user", signedBy(token, "admin", "officer1")).code())
                .isEqualTo(ReturnCode.USER_EXISTS);
        assertThat(admin.tokenSign().list().value()).singleElement().satisfies(l -> {
            assertThat(l.approvals()).isEqualTo(2);
            assertThat(l.timeoutSeconds()).isEqualTo(30);
        });
        clock.advance(29_999);
        assertThat(admin.tokenSign().list().value()).hasSize(1);
        clock.advance(1);
        assertThat(admin.tokenSign().list().value()).as("30 seconds after its approval").isEmpty();
        assertThat(createUser(admin, "user1", signedBy(token, "admin", "officer1")).code())
                .isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
    }

    @Test
    void onlyAnAdminSetsTimeoutsOfOneSecondOrMoreAndTheyAreTheClusters() {
        HsmSession cu = TestClusters.login(cluster, "example_user");
        assertThat(cu.tokenSign().setTimeouts(OptionalLong.of(60), OptionalLong.empty()).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
        HsmSession admin = admin("admin");
        assertThat(admin.tokenSign().setTimeouts(OptionalLong.of(0), OptionalLong.empty()).code())
                .isEqualTo(ReturnCode.TOKEN_TIMEOUT_INVALID);
        assertThat(admin.tokenSign().setTimeouts(OptionalLong.of(60), OptionalLong.of(TokenTimeouts.MAX_SECONDS + 1)).code())
                .as("nothing is half-set").isEqualTo(ReturnCode.TOKEN_TIMEOUT_INVALID);
        assertThat(admin.tokenSign().setTimeouts(OptionalLong.empty(), OptionalLong.empty()).code())
                .isEqualTo(ReturnCode.TOKEN_TIMEOUT_INVALID);
        assertThat(cluster.tokenSign().timeouts()).isEqualTo(TokenTimeouts.DEFAULT);
        assertThat(admin.tokenSign().setTimeouts(OptionalLong.empty(), OptionalLong.of(45)).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(admin.tokenSign().delete(true).code()).isEqualTo(ReturnCode.SUCCESS);

        cluster.close();
        cluster = TestClusters.catalog(dir, clock).open("demo");
        assertThat(cluster.tokenSign().timeouts()).as("kept in the store").isEqualTo(new TokenTimeouts(600, 45));
        Path file = dir.resolve("export.json");
        ClusterExchange.export(cluster, "correct horse".toCharArray(), file);
        try (HsmCluster copy = TestClusters.catalog(dir, clock).importCluster(file, "correct horse".toCharArray(), "copy")) {
            assertThat(copy.tokenSign().timeouts()).as("carried by the export").isEqualTo(new TokenTimeouts(600, 45));
        }
    }

    /** cloudhsm_cli-user-change-password.md's --deregister-quorum: the key goes with the password change; its signatures approve nothing after. */
    @Test
    void aDeregisteredQuorumKeyApprovesNothing() {
        userQuorumOfTwo();
        // Before officer1 logs in: another user's password is not changed while they are logged in.
        assertThat(admin("admin").users().changePassword(UserType.CO, "officer1", "password2".toCharArray(), true).code())
                .as("another admin's password is user management: the user quorum applies").isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(cluster.users()).filteredOn(u -> u.name().equals("officer1")).singleElement()
                .satisfies(u -> assertThat(u.quorumKeyRegistered()).isTrue());
        HsmSession officer = admin("officer1");
        assertThat(officer.users().changePassword(UserType.CO, "officer1", "password2".toCharArray(), true).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(cluster.users()).filteredOn(u -> u.name().equals("officer1")).singleElement()
                .satisfies(u -> assertThat(u.quorumKeyRegistered()).isFalse());
        HsmSession admin = admin("admin");
        TokenSignToken token = admin.tokenSign().generate(TokenSignService.USER).value();
        assertThat(createUser(admin, "user1", signedBy(token, "admin", "officer1")).code())
                .isEqualTo(ReturnCode.OFFICER_APPROVAL_INVALID);
    }

    /** A token stored before tokens kept their approvals (no marker, no approval fields) still reads and serves. */
    @Test
    void aTokenStoredInTheEarlierFormStillServes() {
        userQuorumOfTwo();
        HsmSession admin = admin("admin");
        TokenSignToken made = admin.tokenSign().generate(TokenSignService.USER).value();
        byte[] user = made.username().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer earlier = java.nio.ByteBuffer.allocate(8 + 2 + user.length + made.approvalData().length)
                .putLong(made.createdAtMillis()).putShort((short) user.length).put(user).put(made.approvalData());
        String name = ClusterTokens.name(made, admin.user().id());
        cluster.write(tx -> {
            tx.putIdentity(new io.hsmconsole.store.IdentityItem(name, earlier.array(), null)); // replaces the one made
            return null;
        });
        assertThat(cluster.store().identity(name).orElseThrow().certificate()).isEqualTo(earlier.array());
        TokenSignToken read = ClusterTokens.token(cluster.store().identity(name).orElseThrow());
        assertThat(read.approvals()).isZero();
        assertThat(read.isApproved()).isFalse();
        assertThat(read.createdAtMillis()).isEqualTo(made.createdAtMillis());
        assertThat(createUser(admin, "user1", signedBy(read, "admin", "officer1")).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void twoRunsRacingWithOneSignedTokenMakeOneUser() throws Exception {
        userQuorumOfTwo();
        HsmSession one = admin("admin");
        HsmSession two = admin("admin");
        Optional<SignedApproval> approval = signedBy(one.tokenSign().generate(TokenSignService.USER).value(), "admin", "officer1");
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<ReturnCode> a = CompletableFuture.supplyAsync(() -> race(start, one, "user1", approval));
        CompletableFuture<ReturnCode> b = CompletableFuture.supplyAsync(() -> race(start, two, "user2", approval));
        start.countDown();
        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(ReturnCode.SUCCESS, ReturnCode.QUORUM_TOKEN_INVALID);
    }

    private ReturnCode race(CountDownLatch start, HsmSession s, String name, Optional<SignedApproval> approval) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return createUser(s, name, approval).code();
    }
}
