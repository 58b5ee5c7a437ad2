package io.hsmconsole.shell.cli;

import io.hsmconsole.shell.InputFiles;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.text.cli.CliMessages;

import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bytes a command takes from its line or a file ({@code --data} or {@code --data-path}, hex
 * {@code --aad}/{@code --iv}), and the files it writes (owner-only, whole or not at all: they may hold
 * key material). Files are relative to the user's working folder.
 */
final class CliFiles {
    private CliFiles() {
    }

    /** {@code --NAME} (Base64) or {@code --NAME-path} (the file's bytes): exactly one of them. */
    static byte[] bytes(CliContext context, CliArguments args, String name) throws GenerationAttributes.Refused {
        String inline = args.value(name);
        String path = args.value(name + "-path");
        if ((inline == null) == (path == null)) {
            throw new GenerationAttributes.Refused(CliMessages.oneOf(name));
        }
        if (inline != null) {
            try {
                return Base64.getDecoder().decode(inline);
            } catch (IllegalArgumentException e) {
                throw new GenerationAttributes.Refused(CliMessages.notBase64(name));
            }
        }
        return read(context, path);
    }

    static byte[] read(CliContext context, String path) throws GenerationAttributes.Refused {
        InputFiles.Result read = InputFiles.read(context.file(path));
        return read.bytes().orElseThrow(() -> new GenerationAttributes.Refused(CliMessages.unreadableFile(path, read.reason())));
    }

    /** A hex option ({@code 0x10} or {@code 10}); empty when not given. */
    static Optional<byte[]> hex(CliArguments args, String name) throws GenerationAttributes.Refused {
        String text = args.value(name);
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        try {
            if (digits.isEmpty()) {
                throw new IllegalArgumentException("no digits");
            }
            return Optional.of(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            throw new GenerationAttributes.Refused(CliMessages.notHex(name, text));
        }
    }

    static void write(CliContext context, String path, byte[] content) throws GenerationAttributes.Refused {
        try {
            OwnerOnly.writeWhole(context.file(path), content);
        } catch (IOException e) {
            throw new GenerationAttributes.Refused(CliMessages.cannotWrite(path, InputFiles.describe(e)));
        }
    }
}
