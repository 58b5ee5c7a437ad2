package io.hsmconsole.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's check that the build it runs is still the build on disk ({@link BuildWatch}), as a
 * build changes it: a class file rewritten in place (javac), a new package folder, a jar replaced, the
 * output folder removed (a clean build). Each check right after the change must see it: the check
 * waits for the event of its own touched file, which the system reports after every earlier change.
 */
class BuildWatchTest {
    @TempDir
    Path temp;

    private Path classes;
    private Path jar;
    private final List<BuildWatch> watches = new ArrayList<>();

    @BeforeEach
    void aBuild() throws IOException {
        classes = Files.createDirectories(temp.resolve("target/classes/io/hsmconsole/app")).getParent().getParent().getParent();
        Files.writeString(classes.resolve("io/hsmconsole/app/KmuMain.class"), "class 1");
        jar = Files.writeString(temp.resolve("target/app.jar"), "jar 1");
        Files.writeString(temp.resolve("target/other.txt"), "not part of the build");
    }

    @AfterEach
    void closeWatches() {
        watches.forEach(BuildWatch::close);
    }

    private BuildWatch watch() {
        BuildWatch watch = new BuildWatch(List.of(classes, jar), Instant.now(), temp.resolve("service/build-watch"));
        watches.add(watch);
        assertThat(watch.watched()).as("this system reports changes").isTrue();
        return watch;
    }

    @Test
    void anUnchangedBuildIsNeverTakenForChanged() throws IOException {
        BuildWatch watch = watch();
        for (int i = 0; i < 200; i++) {
            assertThat(watch.changedFile()).isNull();
        }
        Files.writeString(temp.resolve("target/other.txt"), "another file beside the jar changed");
        Files.writeString(temp.resolve("service/build-watch/unrelated"), "a file beside the touched one");
        assertThat(watch.changedFile()).isNull();
    }

    @Test
    void aClassFileRewrittenInPlaceIsSeenEvenWithItsOldTimeGivenBack() throws IOException {
        Path file = classes.resolve("io/hsmconsole/app/KmuMain.class");
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(file, old);
        BuildWatch watch = watch();
        BuildWatch walk = new BuildWatch(List.of(classes, jar), Instant.now(), null);
        assertThat(watch.changedFile()).isNull();

        Files.writeString(file, "class 2"); // an archive unpacked over the build keeps its files' times
        Files.setLastModifiedTime(file, old);

        assertThat(watch.changedFile()).isEqualTo(file);
        assertThat(walk.changedFile()).as("file times alone cannot tell").isNull();
    }

    @Test
    void aNewPackageFolderIsSeen() throws IOException {
        BuildWatch watch = watch();
        Files.createDirectories(classes.resolve("io/hsmconsole/newpackage"));
        assertThat(watch.changedFile()).isEqualTo(classes.resolve("io/hsmconsole/newpackage"));
    }

    @Test
    void aReplacedJarIsSeen() throws IOException {
        BuildWatch watch = watch();
        Path next = Files.writeString(temp.resolve("target/app.jar.tmp"), "jar 2");
        assertThat(watch.changedFile()).as("another file of its folder").isNull();
        Files.move(next, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(watch.changedFile()).isEqualTo(jar);
    }

    @Test
    void aCleanBuildIsSeen() throws IOException {
        BuildWatch watch = watch();
        try (Stream<Path> files = Files.walk(classes)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(watch.changedFile()).isNotNull();
    }

    @Test
    void closingRemovesTheChecksOwnFolder() {
        BuildWatch watch = watch();
        assertThat(watch.changedFile()).isNull();
        assertThat(temp.resolve("service/build-watch/touched")).exists();
        watch.close();
        assertThat(temp.resolve("service/build-watch")).as("a stopped service leaves only its log and lock").doesNotExist();
        assertThat(temp.resolve("service")).exists();
    }

    @Test
    void aChangeBetweenTheStartAndTheWatchIsSeen() throws IOException {
        Instant started = Instant.now().minusSeconds(60);
        BuildWatch watch = new BuildWatch(List.of(classes, jar), started, temp.resolve("service/build-watch"));
        watches.add(watch);
        assertThat(watch.changedFile()).as("written after the start, before the watch was set up").isNotNull();
    }
}
