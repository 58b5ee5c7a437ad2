package io.hsmconsole.store.sqlite;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One key and its copies, read again and again (an application reading a key's attributes one at a
 * time), are remembered by an open store only while nothing changed: every change another process
 * commits — a label, a share, a delete, a key made anew under the handle — is seen at the next read,
 * and a caller that wipes the material it was given does not wipe the next caller's.
 */
class SingleKeyReadsTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);

    @Test
    void aKeptOpenStoreSeesEveryChangeAnotherProcessMakesToOneKey() {
        TestClusters.demo(dir, clock).close();
        Path clusterDir = dir.resolve("clusters/demo");
        try (HsmCluster other = TestClusters.catalog(dir, clock).open("demo");
             ClusterStore kept = new SqliteBackend().open(clusterDir, new SecureRandom())) {
            HsmSession owner = TestClusters.login(other, "example_user");
            long handle = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "first")).value().handle();

            KeyRecord read = kept.key(handle).orElseThrow();
            byte[] material = read.material().clone();
            assertThat(read.label()).isEqualTo("first");
            Arrays.fill(read.material(), (byte) 0);
            assertThat(kept.key(handle).orElseThrow().material()).as("the wiped copy was the caller's own")
                    .isEqualTo(material);
            List<KeyCopy> copies = kept.copies(handle);
            assertThat(copies).isNotEmpty();
            assertThat(kept.copies(handle)).isEqualTo(copies);

            assertThat(owner.setAttribute(handle, Attribute.LABEL, 0, "second").code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(kept.key(handle).orElseThrow().label()).isEqualTo("second");

            assertThat(owner.shareKey(handle, 4, true).code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(kept.key(handle).orElseThrow().sharedWith()).containsExactly(4);
            assertThat(owner.shareKey(handle, 4, false).code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(kept.key(handle).orElseThrow().sharedWith()).isEmpty();

            assertThat(owner.deleteKey(handle).code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(kept.key(handle)).isEmpty();
            assertThat(kept.copies(handle)).isEmpty();

            long next = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "remade")).value().handle();
            KeyRecord again = kept.key(next).orElseThrow();
            assertThat(again.label()).isEqualTo("remade");
            assertThat(again.material()).hasSize(16);
            assertThat(kept.copies(next)).isNotEmpty();
            owner.close();
        }
    }
}
