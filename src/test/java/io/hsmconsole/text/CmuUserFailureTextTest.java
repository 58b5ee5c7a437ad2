package io.hsmconsole.text;

import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.ReturnCode;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** A user operation refused on a server, in quorum-authentication-crypto-officers.md's words. */
class CmuUserFailureTextTest {
    @Test
    void aQuorumRefusalIsNamedAsThePagePrintsIt() {
        StringWriter text = new StringWriter();
        CmuText.userOperationFailed("createUser", "creating user", new NodeResult(0, ReturnCode.QUORUM_REQUIRED),
                new PrintWriter(text, true));
        assertThat(text.toString()).isEqualTo("""
                createUser failed: RET_MXN_AUTH_FAILED
                creating user on server 0(10.0.0.1) failed

                """);
        assertThat(CmuText.failureName(ReturnCode.NOT_AUTHORIZED)).isEqualTo(ReturnCode.NOT_AUTHORIZED.text());
    }
}
