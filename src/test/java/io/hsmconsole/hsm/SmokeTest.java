package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @TempDir
    Path dir;

    @Test
    void firstKeyOfAFreshClusterHasHandleSix() {
        ManualClock clock = new ManualClock(TestClusters.START);
        try (HsmCluster cluster = TestClusters.demo(dir, clock)) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            HsmResult<GeneratedKey> r = s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "aes256"));
            assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(r.value().handle()).isEqualTo(6);
            assertThat(r.nodes()).hasSize(3);
        }
    }
}
