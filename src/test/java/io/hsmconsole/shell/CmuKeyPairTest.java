package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.shell.cmu.CmuShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** cloudhsm_mgmt_util on key pairs: getKeyInfo, getAttribute and findAllKeys see both halves. */
class CmuKeyPairTest {
    @TempDir
    Path dir;

    @Test
    void cmuSeesBothHalvesOfAPair() throws Exception {
        ManualClock clock = new ManualClock(TestClusters.START);
        GeneratedPair pair;
        try (HsmCluster cluster = TestClusters.demo(dir.resolve("data"), clock);
             HsmSession owner = TestClusters.login(cluster, "example_user")) {
            pair = owner.pairs().generateKeyPair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65537),
                    new KeyOptions("tls", "", false, false, List.of(4), 0, null, null, false)), SyncObserver.NONE).value();
        }
        ClusterCatalog catalog = TestClusters.catalog(dir.resolve("data"), clock);
        Path work = Files.createDirectories(dir.resolve("work"));
        ScriptedConsole console = new ScriptedConsole();
        console.type("loginHSM CU example_user example_pwd");
        console.type("getKeyInfo " + pair.privateHandle());
        console.type("getKeyInfo " + pair.publicHandle());
        console.type("getAttribute " + pair.publicHandle() + " 289");
        console.type("quit");
        CmuShell.tool(new ToolContext(catalog, clock, null, console, work), List.of());
        String out = console.output();
        assertThat(out).contains("also, shared to following 1 user(s):", "OBJ_ATTR_MODULUS_BITS", "0x00000800");
        assertThat(out.substring(out.indexOf("getKeyInfo " + pair.publicHandle())))
                .as("the public key is nobody's to share: every user may use it").doesNotContain("shared to");
        assertThat(out).doesNotContain("Exception");
    }
}
