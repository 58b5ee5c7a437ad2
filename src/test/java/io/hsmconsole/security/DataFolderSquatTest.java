package io.hsmconsole.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, case 9: another local user pre-creates (part of) our data folder in a shared folder, so
 * that the tool writes the master key into their files or folders. Each squat is refused with an error
 * naming what belongs to whom; nothing of theirs is chmod-ed or written into, and no master key is
 * written anywhere they can reach.
 */
class DataFolderSquatTest {
    private AttackScene scene;
    private Path shared;
    private Path work;

    @BeforeEach
    void sharedTmp() throws IOException {
        scene = AttackScene.create("data");
        shared = scene.shared;
        work = scene.work;
    }

    @AfterEach
    void clean() throws IOException {
        scene.close();
    }

    /** The attack of the issue: the whole tree is theirs, the cluster folder 0777 with a 0666 master.key.tmp. */
    @Test
    void aDataFolderAnotherUserCreatedIsRefused() throws IOException {
        Path data = shared.resolve("hsmdata");
        scene.attacker("mkdir -p " + data + "/clusters/demo && chmod 777 " + data + " " + data + "/clusters " + data
                + "/clusters/demo && touch " + data + "/clusters/demo/master.key.tmp && chmod 666 " + data
                + "/clusters/demo/master.key.tmp");

        KmuRun run = KmuRun.genSymKey(data, work);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errors()).as(run.toString()).contains("key_mgmt_util: error: the data folder belongs to the user "
                + SecondLocalUser.NAME + ", not to you (root)").contains("(" + data + ")");
        assertUntouchedAttackerTree(data.resolve("clusters").resolve("demo"));
    }

    /** A shared data folder of ours (root's /tmp-like, sticky) in which they made {@code clusters/demo} first. */
    @Test
    void aClustersFolderAnotherUserCreatedInOurDataFolderIsRefused() throws IOException {
        scene.attacker("mkdir -p " + shared + "/clusters/demo && chmod 777 " + shared + "/clusters " + shared
                + "/clusters/demo && touch " + shared + "/clusters/demo/master.key.tmp && chmod 666 " + shared
                + "/clusters/demo/master.key.tmp");

        KmuRun run = KmuRun.genSymKey(shared, work);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errors()).as(run.toString()).contains("belongs to the user " + SecondLocalUser.NAME)
                .contains("(" + shared.resolve("clusters") + ")");
        assertUntouchedAttackerTree(shared.resolve("clusters").resolve("demo"));
        assertThat(mode(shared.resolve("clusters"))).as("their folder is not chmod-ed").isEqualTo("rwxrwxrwx");
    }

    /** Our own cluster folder, left 0777: they planted files in it before the first run. */
    @Test
    void aFileAnotherUserPlantedInOurOpenClusterFolderIsRefused() throws IOException {
        Path data = Files.createDirectories(shared.resolve("ours").resolve("clusters").resolve("demo"));
        for (Path p = data; !p.equals(shared); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        scene.attacker("umask 0; touch " + data + "/master.key.tmp " + data + "/cluster.db-wal");

        KmuRun run = KmuRun.genSymKey(shared.resolve("ours"), work);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errors()).as(run.toString()).contains("this file of the cluster folder belongs to the user "
                + SecondLocalUser.NAME);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("no master key written beside their files").containsExactly("cluster.db-wal", "master.key.tmp");
        }
        assertThat(Files.size(data.resolve("master.key.tmp"))).isZero();
    }

    private void assertUntouchedAttackerTree(Path demo) throws IOException {
        assertThat(mode(demo)).as("their folder is not chmod-ed").isEqualTo("rwxrwxrwx");
        try (Stream<Path> files = Files.list(demo)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("master.key.tmp");
        }
        assertThat(Files.size(demo.resolve("master.key.tmp"))).as("nothing written into their file").isZero();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

}
