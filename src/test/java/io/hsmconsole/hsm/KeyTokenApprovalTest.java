package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.hsm.quorum.SignedApproval;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.hsm.quorum.TokenSignToken;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.property.Trials;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crypto users' token-sign quorum (key-quorum-auth-chsm-cli-crypto-user.md,
 * cloudhsm_cli-qm-token-gen.md's service table): crypto users register quorum keys and generate
 * {@code key-usage} and {@code key-management} tokens (many at once); a signed token approves one
 * operation on a key whose value for the service is 2 or more when enough of the users the key is
 * associated with (its owner and the users it is shared with) signed it.
 */
class KeyTokenApprovalTest extends DemoClusterTest {
    private static final int CAROL = 6;
    private static final byte[] DATA = "abc123".getBytes(StandardCharsets.UTF_8);

    final Map<String, AsymmetricCipherKeyPair> keys = new HashMap<>();

    @BeforeEach
    void registerQuorumKeys() {
        for (String user : List.of("example_user", "carol", "bob")) {
            keys.put(user, QuorumKeys.register(cluster, cli(user))); // crypto users register quorum keys
        }
    }

    private HsmSession cli(String user) {
        return cluster.login(LoginChannel.CLOUDHSM_CLI, UserType.CU, user, TestClusters.password(user)).value();
    }

    private SignedApproval signedBy(TokenSignToken token, String... approvers) {
        return QuorumKeys.signedBy(token, keys, approvers);
    }

    /** An HMAC key of example_user shared with carol, with these use and manage values. */
    private long key(int use, int manage) {
        return owner.generateSdk5Key(GenSymKeyRequest.of(16, 32, "q-" + use + "-" + manage).withShareWith(List.of(CAROL))
                .withQuorum(use, manage), Map.of()).value().handle();
    }

    private HsmResult<byte[]> sign(long key, Optional<SignedApproval> approval) {
        return owner.tokenSign().withKeyApproval(TokenSignService.KEY_USAGE, key, approval,
                () -> owner.crypto().sign(key, SignMechanism.SHA256_HMAC, DATA));
    }

    private HsmResult<Void> rename(long key, String label, Optional<SignedApproval> approval) {
        return owner.tokenSign().withKeyApproval(TokenSignService.KEY_MANAGEMENT, key, approval,
                () -> owner.setAttribute(key, Attribute.LABEL, 0, label));
    }

    private TokenSignToken token(TokenSignService service) {
        return owner.tokenSign().generate(service).value();
    }

    @Test
    void aSignatureNeedsTheKeysUseValueOfApprovalsOnce() {
        long key = key(2, 0);
        assertThat(sign(key, Optional.empty()).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        TokenSignToken t = token(TokenSignService.KEY_USAGE);
        assertThat(sign(key, Optional.of(signedBy(t, "example_user"))).code()).as("one of two").isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(sign(key, Optional.of(signedBy(t, "example_user", "carol"))).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(sign(key, Optional.of(signedBy(t, "example_user", "carol"))).code()).as("a token serves one operation")
                .isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
        assertThat(rename(key, "renamed", Optional.empty()).code()).as("its manage value is 0").isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void aManagementTokenApprovesManagementNotUse() {
        long key = key(2, 2);
        TokenSignToken usage = token(TokenSignService.KEY_USAGE);
        assertThat(rename(key, "renamed", Optional.of(signedBy(usage, "example_user", "carol"))).code())
                .as("a key-usage token is no key-management token").isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
        TokenSignToken management = token(TokenSignService.KEY_MANAGEMENT);
        assertThat(rename(key, "renamed", Optional.of(signedBy(management, "example_user", "carol"))).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(sign(key, Optional.of(signedBy(usage, "example_user", "carol"))).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void aCryptoUserHoldsManyKeyTokensAndOnlyCryptoUsersGenerateThem() {
        token(TokenSignService.KEY_USAGE);
        token(TokenSignService.KEY_USAGE);
        token(TokenSignService.KEY_MANAGEMENT);
        assertThat(owner.tokenSign().list().value()).hasSize(3)
                .allSatisfy(l -> assertThat(l.approvalsRequired()).as("bound to no key yet").isZero());
        HsmSession admin = cluster.login(LoginChannel.CLOUDHSM_CLI, UserType.PCO, "admin", TestClusters.password("admin")).value();
        assertThat(admin.tokenSign().generate(TokenSignService.KEY_USAGE).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
        assertThat(owner.tokenSign().generate(TokenSignService.USER).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
    }

    @Test
    void anApprovalByAUserNotAssociatedWithTheKeyDoesNotCount() {
        long key = key(2, 0);
        TokenSignToken t = token(TokenSignService.KEY_USAGE);
        assertThat(sign(key, Optional.of(signedBy(t, "example_user", "bob"))).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(owner.shareKey(key, 5, true).code()).as("bob becomes associated").isEqualTo(ReturnCode.SUCCESS);
        assertThat(sign(key, Optional.of(signedBy(t, "example_user", "bob"))).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void anotherUsersTokenApprovesNothingForThisUser() {
        long key = key(2, 0);
        TokenSignToken carols = cli("carol").tokenSign().generate(TokenSignService.KEY_USAGE).value();
        assertThat(sign(key, Optional.of(signedBy(carols, "example_user", "carol"))).code())
                .isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
    }

    @Test
    void keysWithValuesZeroOrOneNeedNoApproval() {
        assertThat(sign(key(0, 0), Optional.empty()).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(sign(key(1, 1), Optional.empty()).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(rename(key(1, 1), "one", Optional.empty()).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    /**
     * CloudHSM CLI's key wrap is a key-management operation (the token-gen page's table): it needs the
     * payload's management approvals, not its use approvals; KMU's wrapKey keeps needing use approvals.
     */
    @Test
    void anSdk5WrapNeedsThePayloadsManagementApprovals() {
        long wrapping = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "wrapper")).value().handle();
        long managed = key(0, 2);
        long used = key(2, 0);
        assertThat(wrap(managed, wrapping, Optional.empty()).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        SignedApproval both = signedBy(token(TokenSignService.KEY_MANAGEMENT), "example_user", "carol");
        assertThat(wrap(managed, wrapping, Optional.of(both)).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(wrap(used, wrapping, Optional.empty()).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.transfers().wrapKey(used, wrapping, 5).code()).as("KMU's wrapKey: USE_KEY")
                .isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }

    private HsmResult<?> wrap(long payload, long wrapping, Optional<SignedApproval> approval) {
        return owner.tokenSign().withKeyApproval(TokenSignService.KEY_MANAGEMENT, payload, approval,
                () -> owner.transfers().wrapSdk5(payload, wrapping, io.hsmconsole.hsm.key.Sdk5WrapMechanism.AES_NO_PAD,
                        io.hsmconsole.hsm.key.Sdk5WrapParameters.none()));
    }

    /** Property: a signed token file changed anywhere (data, token, a signature, names, one signature dropped) approves nothing. */
    @Test
    void anApprovalAlteredAnywhereApprovesNothing() {
        long key = key(2, 0);
        SignedApproval good = signedBy(token(TokenSignService.KEY_USAGE), "example_user", "carol");
        Trials.run(40, random -> {
            SignedApproval bad = TamperedApprovals.of(good, random);
            assertThat(sign(key, Optional.of(bad)).code()).isNotEqualTo(ReturnCode.SUCCESS);
            assertThat(owner.tokenSign().list().value()).as("the token is kept").hasSize(1);
        });
        assertThat(sign(key, Optional.of(good)).code()).isEqualTo(ReturnCode.SUCCESS);
    }
}
