package io.hsmconsole.controller;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

class AuditControllerTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    AuditController audit;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        audit = new AuditController(f.workspace, f.runner, f.errors::add);
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("clusters/demo/cluster.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void theConsolesOwnCommandsAreReadBackInOrderWithTheirResultTexts() {
        f.login("example_user");
        f.login("nobody_here");

        List<AuditRow> rows = await(done -> audit.recordsAfter(0, done));

        assertThat(rows).extracting(AuditRow::seq).isSorted();
        AuditRow refused = rows.get(rows.size() - 1);
        assertThat(refused.command()).isEqualTo("loginHSM");
        assertThat(refused.arguments()).isEqualTo("-u CU -s nobody_here");
        assertThat(refused.resultCodeHex()).isEqualTo("0x9d");
        assertThat(refused.resultText()).startsWith("HSM Error: user isn't initialized");
        assertThat(rows).noneMatch(r -> r.arguments().contains("example_pwd"));

        List<AuditRow> newer = await(done -> audit.recordsAfter(refused.seq() - 1, done));
        assertThat(newer).containsExactly(refused);
    }

    @Test
    void anIntactChainAndAnEditedRecordAreTold() throws Exception {
        f.login("example_user");
        f.login("alice");
        AuditCheck intact = await(audit::verify);
        assertThat(intact.intact()).isTrue();
        assertThat(intact.recordsChecked()).isGreaterThanOrEqualTo(2);

        sql("UPDATE audit_log SET arguments = '-u CU -s mallory' WHERE seq = 1");

        AuditCheck broken = await(audit::verify);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenAtSeq()).isEqualTo(1);
        assertThat(broken.reason()).isEqualTo("record 1 was changed after it was written");
    }
}
