package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 8, owner-only files: the files key_mgmt_util writes with key material (exSymKey's
 * plaintext, wrapKey's wrapped key) are 0600 — also when they replace a file that others could
 * read — and are written whole: no temporary file is left, and a failed write leaves nothing.
 */
class KeyFileModesTest {
    private final FuzzCluster world = new FuzzCluster();
    private final FuzzConsole console = new FuzzConsole();
    private KmuShell shell;
    private long key;
    private long wrapper;

    @BeforeEach
    void keys() {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        shell = new KmuShell(world.cluster, console, world.workDir, world.clock);
        run("loginHSM -u CU -s " + FuzzCluster.CU + " -p " + new String(FuzzCluster.password(FuzzCluster.CU)));
        key = handle(run("genSymKey -t 31 -s 16 -l exported"));
        wrapper = handle(run("genSymKey -t 31 -s 32 -l wrapper"));
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void exportedAndWrappedKeysAreOwnerOnlyEvenOverAWorldReadableFile() throws IOException {
        Path plain = world.workDir.resolve("plain.key");
        Files.writeString(plain, "an older file anyone may read");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(run("exSymKey -k " + key + " -w " + wrapper + " -out plain.key")).contains("written to file");
        assertThat(run("wrapKey -k " + key + " -w " + wrapper + " -out wrapped.key -m 6")).contains("written to file");

        assertThat(Files.size(plain)).isEqualTo(16);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(world.workDir.resolve("wrapped.key"))))
                .isEqualTo("rw-------");
        assertThat(filesIn(world.workDir)).containsExactlyInAnyOrder("plain.key", "wrapped.key");
    }

    @Test
    void aKeyFileThatCannotBeWrittenLeavesNothingBehind() throws IOException {
        Files.createDirectories(world.workDir.resolve("a-folder"));
        assertThat(run("exSymKey -k " + key + " -w " + wrapper + " -out missing/plain.key"))
                .contains("Error: cannot write the key file missing/plain.key: no such file");
        assertThat(run("exSymKey -k " + key + " -w " + wrapper + " -out a-folder"))
                .contains("Error: cannot write the key file a-folder");
        assertThat(filesIn(world.workDir)).isEmpty();
    }

    private String run(String line) {
        console.nextInput(List.of());
        shell.execute(Tokens.split(line));
        return console.outputOfInput();
    }

    private static long handle(String output) {
        Matcher m = Pattern.compile("Key Handle: (\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
        }
    }
}
