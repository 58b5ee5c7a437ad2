package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static io.hsmconsole.hsm.quorum.QuorumService.MISC_CO;
import static io.hsmconsole.hsm.quorum.QuorumService.USER_MGMT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crypto officers' quorum as quorum-authentication-crypto-officers*.md describe it, enforced by
 * the simulator: m values per service (1 until set, at most 8 and the number of officers), user
 * management under USER_MGMT's quorum (one operation per token, not one's own password), setMValue
 * under MISC_CO's (approved by at least the higher m value), approvals by officers only.
 */
class OfficerQuorumTest extends DemoClusterTest {
    HsmSession officer1;

    @BeforeEach
    void logInTheOfficers() {
        officer1 = login(UserType.CO, "officer1", "officer1_pwd");
        assertThat(officer1.users().createUser(UserType.CO, "officer2", "officer2_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
    }

    private HsmSession login(UserType type, String name, String password) {
        return cluster.login(LoginChannel.MGMT_UTIL, type, name, password.toCharArray()).value();
    }

    private QuorumToken approvedToken(QuorumService service, String... approvers) {
        QuorumToken t = officer1.officerQuorum().getToken(service).value();
        for (String a : approvers) {
            assertThat(officer1.quorumTokens().approveTokenWithPassword(t.id(), a, (a + "_pwd").toCharArray()).code())
                    .isEqualTo(ReturnCode.SUCCESS);
        }
        return t;
    }

    @Test
    void mValuesStartAtOneAndNeedNoToken() {
        assertThat(officer1.officerQuorum().getMValue(USER_MGMT).value()).isEqualTo(1);
        assertThat(officer1.officerQuorum().getMValue(MISC_CO).value()).isEqualTo(1);
        assertThat(officer1.officerQuorum().getToken(USER_MGMT).code()).isEqualTo(ReturnCode.OFFICER_QUORUM_NOT_SET);
    }

    @Test
    void onlyOfficersSetMValuesWithinOneToTheNumberOfOfficers() {
        HsmSession cu = login(UserType.CU, "example_user", "example_pwd");
        assertThat(cu.officerQuorum().setMValue(USER_MGMT, 2).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
        assertThat(cu.officerQuorum().getToken(USER_MGMT).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
        // admin (PCO), officer1 and officer2: three officers
        assertThat(officer1.officerQuorum().setMValue(USER_MGMT, 4).code()).isEqualTo(ReturnCode.SERVICE_M_VALUE_INVALID);
        assertThat(officer1.officerQuorum().setMValue(USER_MGMT, 0).code()).isEqualTo(ReturnCode.SERVICE_M_VALUE_INVALID);
        assertThat(officer1.officerQuorum().setMValue(USER_MGMT, 3).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(officer1.officerQuorum().getMValue(USER_MGMT).value()).isEqualTo(3);
    }

    @Test
    void userManagementUsesOneApprovedTokenPerOperation() {
        assertThat(officer1.officerQuorum().setMValue(USER_MGMT, 2).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(officer1.users().createUser(UserType.CU, "user1", "password".toCharArray()).code())
                .isEqualTo(ReturnCode.QUORUM_REQUIRED);

        approvedToken(USER_MGMT, "officer1");
        assertThat(officer1.users().createUser(UserType.CU, "user1", "password".toCharArray()).code())
                .as("one approval of two").isEqualTo(ReturnCode.QUORUM_REQUIRED);
        QuorumToken t = officer1.quorumTokens().listTokens().get(0);
        officer1.quorumTokens().approveTokenWithPassword(t.id(), "officer2", "officer2_pwd".toCharArray());
        assertThat(officer1.users().createUser(UserType.CU, "user1", "password".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(officer1.quorumTokens().listTokens()).as("the token served its one operation").isEmpty();
        assertThat(officer1.users().deleteUser(UserType.CU, "user1").code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(officer1.users().changePassword(UserType.CU, "bob", "bob_new_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(officer1.users().changePassword(UserType.CO, "officer1", "officer1_new".toCharArray()).code())
                .as("one's own password is not user management").isEqualTo(ReturnCode.SUCCESS);

        approvedToken(USER_MGMT, "officer2", "admin");
        assertThat(officer1.users().createUser(UserType.CU, "user1", "password".toCharArray()).code())
                .as("a refused operation keeps the token").isEqualTo(ReturnCode.USER_EXISTS);
        assertThat(officer1.users().deleteUser(UserType.CU, "user1").code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void cryptoUsersDoNotApproveOfficersTokens() {
        assertThat(officer1.officerQuorum().setMValue(USER_MGMT, 2).code()).isEqualTo(ReturnCode.SUCCESS);
        QuorumToken t = officer1.officerQuorum().getToken(USER_MGMT).value();
        assertThat(officer1.quorumTokens().approveTokenWithPassword(t.id(), "example_user", "example_pwd".toCharArray())
                .code()).isEqualTo(ReturnCode.OFFICER_APPROVAL_INVALID);
        assertThat(officer1.quorumTokens().approveTokenWithPassword(t.id(), "officer2", "officer2_pwd".toCharArray())
                .code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(officer1.quorumTokens().approveTokenWithPassword(t.id(), "officer2", "officer2_pwd".toCharArray())
                .code()).as("each approves once").isEqualTo(ReturnCode.OFFICER_APPROVAL_INVALID);
    }

    @Test
    void changingAnMValueOfTwoNeedsMiscCoApprovalsAsManyAsTheHigherValue() {
        assertThat(officer1.officerQuorum().setMValue(USER_MGMT, 3).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(officer1.officerQuorum().setMValue(USER_MGMT, 1).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(officer1.officerQuorum().getToken(MISC_CO).code()).isEqualTo(ReturnCode.OFFICER_QUORUM_NOT_SET);
        assertThat(officer1.officerQuorum().setMValue(MISC_CO, 2).code()).as("MISC_CO's own value is 1: no quorum yet")
                .isEqualTo(ReturnCode.SUCCESS);

        approvedToken(MISC_CO, "officer1", "officer2");
        assertThat(officer1.officerQuorum().setMValue(USER_MGMT, 1).code())
                .as("two approvals, but service 3's m value is 3").isEqualTo(ReturnCode.QUORUM_REQUIRED);
        QuorumToken t = officer1.quorumTokens().listTokens().get(0);
        officer1.quorumTokens().approveTokenWithPassword(t.id(), "admin", "admin_pwd".toCharArray());
        assertThat(officer1.officerQuorum().setMValue(USER_MGMT, 1).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(officer1.officerQuorum().getMValue(USER_MGMT).value()).isEqualTo(1);
        assertThat(officer1.officerQuorum().setMValue(MISC_CO, 1).code()).as("the token was used")
                .isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }

    @Test
    void mValuesOutliveTheSessionAndTheProcess() {
        officer1.officerQuorum().setMValue(MISC_CO, 2);
        officer1.close();
        cluster.close();
        cluster = TestClusters.catalog(dir, clock).open("demo");
        HsmSession again = login(UserType.CO, "officer2", "officer2_pwd");
        assertThat(again.officerQuorum().getMValue(MISC_CO).value()).isEqualTo(2);
        assertThat(again.officerQuorum().getMValue(USER_MGMT).value()).isEqualTo(1);
    }
}
