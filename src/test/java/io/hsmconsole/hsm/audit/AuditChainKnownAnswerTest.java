package io.hsmconsole.hsm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hsmconsole.store.AuditRecord;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins the audit chain's hash to known answers, so a log written by an earlier version verifies in a
 * later one whatever SHA-256 implementation computes it (the chain has been hashed by BouncyCastle's
 * digest and by the JDK's).
 */
class AuditChainKnownAnswerTest {
    @Test
    void aFirstAndASecondRecordHashAsTheyAlwaysHave() {
        AuditRecord first = AuditChain.seal(1, null, new AuditEntry(1_765_000_000_000L, 1, 3, "example_user", "genSymKey",
                "-t 31 -s 32 -l ünïcode", 0));
        AuditRecord second = AuditChain.seal(2, first.hash(), new AuditEntry(1_765_000_000_123L, 2, 0, "-", "loginHSM",
                "", 0x1e));
        assertThat(HexFormat.of().formatHex(first.hash())).isEqualTo("c66e20957e3a0a7a0b0fa405461c599fe93195635553bfef445282dcefaf71d2");
        assertThat(HexFormat.of().formatHex(second.hash())).isEqualTo("2957bcc713b005d541d9e061c2962145c271dfabc9546b315e938da1e748a3de");
        assertThat(second.previousHash()).isEqualTo(first.hash());
    }
}
