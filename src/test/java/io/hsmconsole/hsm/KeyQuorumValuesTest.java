package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.quorum.QuorumService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key's two quorum values (CloudHSM CLI's use-key-quorum-value and manage-key-quorum-value): each
 * guards its own operations (USE_KEY: use; MANAGE_KEY: share, unshare, attribute changes), each
 * must be at most the users the key is associated with and at most 8, and KMU's one m_value sets both.
 */
class KeyQuorumValuesTest extends DemoClusterTest {
    private static final int CAROL = 6;

    private HsmResult<GeneratedKey> generate(int use, int manage) {
        return owner.generateSdk5Key(GenSymKeyRequest.of(31, 32, "q-" + use + "-" + manage)
                .withShareWith(List.of(CAROL)).withQuorum(use, manage), Map.of());
    }

    @Test
    void aKeyWithOnlyAUseValueIsManagedWithoutApprovalsButNotUsed() {
        long key = generate(2, 0).value().handle();
        KeyInfo info = owner.keyInfo(key).value();
        assertThat(info.mValue()).isEqualTo(2);
        assertThat(info.manageMValue()).isZero();

        assertThat(owner.setAttribute(key, Attribute.LABEL, 0, "renamed").code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.shareKey(key, 4, true).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.quorumTokens().getToken(QuorumService.MANAGE_KEY, key).code())
                .isEqualTo(ReturnCode.QUORUM_NOT_REQUIRED);
        assertThat(owner.quorumTokens().getToken(QuorumService.USE_KEY, key).value().required()).isEqualTo(2);
    }

    @Test
    void aKeyWithOnlyAManageValueIsUsedWithoutApprovalsButNotManaged() {
        long key = generate(0, 2).value().handle();
        assertThat(owner.keyInfo(key).value().manageMValue()).isEqualTo(2);

        assertThat(owner.setAttribute(key, Attribute.LABEL, 0, "renamed").code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(owner.shareKey(key, 4, true).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(owner.quorumTokens().getToken(QuorumService.USE_KEY, key).code())
                .isEqualTo(ReturnCode.QUORUM_NOT_REQUIRED);
        long wrapping = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "w")).value().handle();
        assertThat(owner.transfers().exportKey(key, wrapping).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void eachValueIsAtMostTheAssociatedUsers() {
        assertThat(generate(3, 0).code()).isEqualTo(ReturnCode.M_VALUE_INVALID);
        assertThat(generate(0, 3).code()).isEqualTo(ReturnCode.M_VALUE_INVALID);
        assertThat(generate(2, 2).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void keyMgmtUtilsOneMValueGuardsBoth() {
        long key = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "kmu").withShareWith(List.of(CAROL))
                .withMValue(2)).value().handle();
        KeyInfo info = owner.keyInfo(key).value();
        assertThat(List.of(info.mValue(), info.manageMValue())).containsExactly(2, 2);
        assertThat(owner.shareKey(key, 4, true).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }
}
