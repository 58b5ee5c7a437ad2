package io.hsmconsole.hsm;

import io.hsmconsole.hsm.audit.AuditChain;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.AuditRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTest extends FreshDemoClusterTest {
    private List<AuditRecord> all() {
        return cluster.auditLog().records(0, 10_000);
    }

    private void sql(String statement) throws Exception {
        cluster.auditLog().flush();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("clusters/demo/cluster.db"));
             Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private String secretScenario() {
        cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "example_user", "wrong_password".toCharArray());
        HsmSession s = TestClusters.login(cluster, "example_user");
        long wrap = s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "wrapper")).value().handle();
        long k = s.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "aes").withShareWith(List.of(4))).value().handle();
        byte[] plain = s.transfers().exportKey(k, wrap).value();
        s.deleteKey(k);
        HsmSession co = cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray()).value();
        co.users().createUser(UserType.CU, "dave", "dave_secret_pwd".toCharArray());
        co.users().changePassword(UserType.CU, "dave", "dave_other_pwd".toCharArray());
        cluster.setNodeOnline(2, false);
        s.logout();
        return HexFormat.of().formatHex(plain);
    }

    @Test
    void recordsEveryCommandInOrderWithoutSecrets() {
        String keyHex = secretScenario();
        List<AuditRecord> records = all();
        assertThat(records).extracting(AuditRecord::command).containsSubsequence("loginHSM", "loginHSM", "genSymKey",
                "genSymKey", "exSymKey", "deleteKey", "loginHSM", "createUser", "changePswd", "setNodeOnline", "logoutHSM");
        AuditRecord failedLogin = records.get(0);
        assertThat(failedLogin.resultCode()).isEqualTo(ReturnCode.LOGIN_FAILURE.code());
        assertThat(failedLogin.userName()).isEqualTo("example_user");
        assertThat(failedLogin.arguments()).isEqualTo("-u CU -s example_user");
        AuditRecord gen = records.stream().filter(r -> r.command().equals("genSymKey")).skip(1).findFirst().orElseThrow();
        assertThat(gen.arguments()).isEqualTo("-t 31 -s 16 -l aes -u 4");
        assertThat(gen.userId()).isEqualTo(3);
        for (AuditRecord r : records) {
            String text = r.userName() + " " + r.command() + " " + r.arguments();
            assertThat(text).doesNotContain("pwd").doesNotContain("wrong_password").doesNotContain(keyHex);
        }
        assertThat(cluster.auditLog().verify().intact()).isTrue();
        assertThat(cluster.auditLog().verify().recordsChecked()).isEqualTo(records.size());
    }

    @Test
    void anEditedRecordIsDetected() throws Exception {
        secretScenario();
        sql("UPDATE audit_log SET arguments = '-k 999' WHERE seq = 4");
        AuditChain.Verification v = cluster.auditLog().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAtSeq()).isEqualTo(4);
        assertThat(v.reason()).contains("changed");
    }

    @Test
    void aDeletedRecordIsDetected() throws Exception {
        secretScenario();
        sql("DELETE FROM audit_log WHERE seq = 3");
        assertThat(cluster.auditLog().verify().reason()).isEqualTo("record 3 is missing");
    }

    @Test
    void recordsCutFromTheEndAreDetected() throws Exception {
        secretScenario();
        long last = all().get(all().size() - 1).seq();
        sql("DELETE FROM audit_log WHERE seq = " + last);
        assertThat(cluster.auditLog().verify().reason()).contains("removed from the end");
    }

    @Test
    void twoProcessesWritingOneLogKeepOneChain() {
        try (HsmCluster second = TestClusters.catalog(dir, clock).open("demo")) {
            HsmSession a = TestClusters.login(cluster, "alice");
            HsmSession b = TestClusters.login(second, "bob");
            for (int i = 0; i < 5; i++) {
                a.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "a" + i));
                b.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "b" + i));
            }
            a.close();
            b.close();
            assertThat(second.auditLog().verify().intact()).isTrue();
        }
        assertThat(cluster.auditLog().verify().intact()).isTrue();
        assertThat(all()).filteredOn(r -> r.command().equals("genSymKey")).hasSize(10);
    }
}
