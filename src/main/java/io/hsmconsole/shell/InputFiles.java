package io.hsmconsole.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files a command reads (keys, wrapped keys, tokens, approvals, data to sign): read whole, but never
 * more than {@link #MAX_BYTES}, so a device such as {@code /dev/zero} or a huge file named by mistake
 * gets one clear line instead of exhausting the tool's memory. The reason is said in words.
 */
public final class InputFiles {
    /** Far above any key, token or message file a command reads; far below what would exhaust the heap. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private InputFiles() {
    }

    /** The file's bytes, or the reason it cannot be read, in words. */
    public static Result read(Path file) {
        if (Files.isDirectory(file)) {
            return Result.refused("it is a folder, not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return Result.refused("it holds more than " + MAX_BYTES + " bytes, more than any file a command reads");
            }
            return new Result(Optional.of(bytes), "");
        } catch (IOException e) {
            return Result.refused(describe(e));
        }
    }

    /** The reason of an I/O failure in words (a missing file's exception message is only its name). */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    /** The bytes read, or empty with the reason. */
    public record Result(Optional<byte[]> bytes, String reason) {
        static Result refused(String reason) {
            return new Result(Optional.empty(), reason);
        }
    }
}
