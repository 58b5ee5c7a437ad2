package io.hsmconsole.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, case 13: a {@code master.key} that another local user can read, or a symbolic link in its
 * place, was used silently. Both are refused with an error saying what is wrong and what to do; the
 * file is left as it was (docs/security.md says why a readable key is refused, not tightened).
 */
class MasterKeyFileTest {
    private AttackScene scene;
    private Path shared;
    private Path work;
    private Path data;
    private Path masterKey;

    @BeforeEach
    void cluster() throws IOException {
        scene = AttackScene.create("key");
        shared = scene.shared;
        work = scene.work;
        data = shared.resolve("data");
        KmuRun first = KmuRun.genSymKey(data, work);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        masterKey = data.resolve("clusters").resolve("demo").resolve("master.key");
    }

    @AfterEach
    void clean() throws IOException {
        scene.close();
    }

    @Test
    void aMasterKeyOthersCanReadIsRefusedAndSaidSo() throws IOException {
        for (Path p = masterKey.getParent(); !p.equals(shared); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(masterKey, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(SecondLocalUser.runAs(List.of("cat", masterKey.toString()), 20).exitCode())
                .as("the other user can read a 0644 master.key in folders open to them").isZero();

        KmuRun run = KmuRun.genSymKey(data, work);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errors()).as(run.toString()).contains("key_mgmt_util: error: the cluster master key is open to"
                + " other users (mode rw-r--r--): whoever read it can decrypt every key of this cluster, so it is not"
                + " used. If no one else could have read it, make it owner-only (chmod 600) and run again")
                .contains("(" + masterKey + ")");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(masterKey))).isEqualTo("rw-r--r--");

        Files.setPosixFilePermissions(masterKey, PosixFilePermissions.fromString("rw-------"));
        KmuRun again = KmuRun.genSymKey(data, work);
        assertThat(again.exitCode()).as("after chmod 600: %s", again).isZero();
    }

    @Test
    void aLinkAtTheMasterKeyIsRefused() throws IOException {
        Path moved = Files.move(masterKey, work.resolve("master.key"));
        Files.createSymbolicLink(masterKey, moved);

        KmuRun run = KmuRun.genSymKey(data, work);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errors()).as(run.toString()).contains("a symbolic link in the cluster folder is refused")
                .contains("(" + masterKey + ")");
        assertThat(Files.isSymbolicLink(masterKey)).isTrue();
    }
}
