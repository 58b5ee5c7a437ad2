package io.hsmconsole.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files commands read: a folder, a missing file or an endless device gets a reason, not an exception. */
class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsReadWhole() throws Exception {
        Path file = Files.write(dir.resolve("key.bin"), new byte[] {1, 2, 3});
        assertThat(InputFiles.read(file).bytes()).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
    }

    @Test
    void aFolderIsNamedAsOne() {
        InputFiles.Result read = InputFiles.read(dir);
        assertThat(read.bytes()).isEmpty();
        assertThat(read.reason()).isEqualTo("it is a folder, not a file");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThat(InputFiles.read(dir.resolve("absent")).reason()).isEqualTo("no such file");
    }

    @Test
    void anEndlessDeviceIsCutAtTheLimitInsteadOfExhaustingMemory() {
        InputFiles.Result read = InputFiles.read(Path.of("/dev/zero"));
        assertThat(read.bytes()).isEmpty();
        assertThat(read.reason()).startsWith("it holds more than " + InputFiles.MAX_BYTES + " bytes");
    }
}
