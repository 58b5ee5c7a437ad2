package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.hsm.quorum.SignedApproval;
import io.hsmconsole.hsm.quorum.TokenSignToken;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Users' quorum keys for the token-sign tests: registered as the pages do, and tokens signed with them. */
final class QuorumKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private QuorumKeys() {
    }

    /** A fresh RSA key registered for the session's user with a registration token signed by it. */
    static AsymmetricCipherKeyPair register(HsmCluster cluster, HsmSession session) {
        AsymmetricCipherKeyPair pair = QuorumSignatures.newKeyPair(RANDOM);
        TokenSignToken reg = cluster.tokenSign().registrationToken();
        byte[] signature = QuorumSignatures.sign(QuorumSignatures.privateDer(pair), reg.approvalData());
        SignedApproval signed = new SignedApproval(reg.approvalData(), reg.digest(),
                List.of(new SignedApproval.Signature("", signature)));
        assertThat(session.tokenSign().register(QuorumSignatures.publicDer(pair), signed).code()).isEqualTo(ReturnCode.SUCCESS);
        return pair;
    }

    /** The token as the file carries it, signed by each approver with their key. */
    static SignedApproval signedBy(TokenSignToken token, Map<String, AsymmetricCipherKeyPair> keys, String... approvers) {
        List<SignedApproval.Signature> signatures = new ArrayList<>();
        for (String a : approvers) {
            signatures.add(new SignedApproval.Signature(a,
                    QuorumSignatures.sign(QuorumSignatures.privateDer(keys.get(a)), token.approvalData())));
        }
        return new SignedApproval(token.approvalData(), token.digest(), signatures);
    }
}
