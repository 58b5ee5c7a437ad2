package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.PemObjects;
import io.hsmconsole.text.cli.CliAttributes;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliSyntaxes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.util.List;
import java.util.Optional;

/**
 * {@code key import pem} (cloudhsm_cli-key-import-pem.md) for public keys: the PEM file's
 * SubjectPublicKeyInfo, said to be {@code rsa-public} or {@code ec-public}, imported as importPubKey
 * does (the simulator judges the key: curve, modulus). {@code --attributes} takes id and token here;
 * the usage attributes are the HSM's public-key defaults and change afterwards with
 * {@code key set-attribute}, so an import is one step that is whole or not at all.
 */
final class KeyImportCommand {
    private KeyImportCommand() {
    }

    static List<CliCommand> all() {
        return List.of(new SimpleCommand(CliSyntaxes.KEY_IMPORT_PEM, KeyImportCommand::importPem));
    }

    private static ExitStatus importPem(CliContext context, CliArguments args) {
        Optional<HsmSession> session = context.requireSession("importPubKey");
        if (session.isEmpty()) {
            return ExitStatus.ERROR;
        }
        String path = args.value("path");
        String keyClass = args.value("key-type-class");
        GenerationAttributes given;
        byte[] file;
        try {
            given = GenerationAttributes.parse(args.values("attributes"));
            file = CliFiles.read(context, path);
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        }
        if (!given.usage().isEmpty()) {
            return context.error(CliMessages.notSettableAtGeneration(
                    CliAttributes.name(given.usage().keySet().iterator().next()).orElseThrow()));
        }
        Optional<byte[]> der = PemObjects.publicKey(file);
        if (der.isEmpty()) {
            return context.error(CliMessages.notAPublicKeyPem(path));
        }
        String found = classOf(der.get());
        if (!found.equals(keyClass)) {
            return context.error(CliMessages.keyClassDiffers(keyClass, found));
        }
        KeyOptions options = new KeyOptions(args.value("label"), given.id().orElse(""), false,
                !given.token().orElse(true), List.of(), 0, null, null, false);
        return context.answer(session.get().pairs().importPublicKey(der.get(), options, SyncObserver.NONE), key -> {
            ObjectNode data = CliJson.object();
            data.set("key", KeyGenerateCommands.describe(context, session.get(), key.handle()));
            return context.success(data);
        });
    }

    /** rsa-public or ec-public by the key's algorithm; another algorithm is named by its OID. */
    private static String classOf(byte[] der) {
        var algorithm = SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm();
        return algorithm.equals(PKCSObjectIdentifiers.rsaEncryption) ? "rsa-public"
                : algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey) ? "ec-public" : algorithm.getId();
    }
}
