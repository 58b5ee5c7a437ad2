package io.hsmconsole.shell.cli;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.PemObjects;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliSyntaxes;

import java.io.IOException;
import java.util.List;

/**
 * {@code key generate-file} (cloudhsm_cli-key-generate-file.md): {@code --encoding pem} writes a
 * public key's PEM (exportPubKey); {@code --encoding reference-pem} writes a private key's reference
 * file ({@link ReferencePem}), no private material. The filter selects one key; the file is written
 * whole, owner-only.
 */
final class KeyGenerateFileCommand {
    private KeyGenerateFileCommand() {
    }

    static List<CliCommand> all() {
        return List.of(new SimpleCommand(CliSyntaxes.KEY_GENERATE_FILE, KeyGenerateFileCommand::generate));
    }

    private static ExitStatus generate(CliContext context, CliArguments args) {
        boolean reference = args.value("encoding").equals("reference-pem");
        return KeySelection.single(context, "exportPubKey", args.values("filter"), (session, handle) -> {
            HsmResult<byte[]> spki = reference ? session.pairs().publicKeyOfPrivate(handle)
                    : session.pairs().exportPublicKey(handle);
            if (spki.code() == ReturnCode.KEY_CLASS_INVALID) {
                return context.error(CliMessages.encodingNeeds(args.value("encoding")));
            }
            return context.answer(spki, der -> write(context, args.value("path"), reference, der, handle));
        });
    }

    private static ExitStatus write(CliContext context, String path, boolean reference, byte[] der, long handle) {
        try {
            CliFiles.write(context, path, reference ? ReferencePem.of(der, handle) : PemObjects.publicPem(der));
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("a key the HSM holds always encodes", e);
        }
        return context.message(CliMessages.KEY_FILE_GENERATED);
    }
}
