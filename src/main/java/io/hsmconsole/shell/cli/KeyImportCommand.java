package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.Sdk5UnwrapTarget;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.PemObjects;
import io.hsmconsole.text.cli.CliAttributes;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliSyntaxes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.util.List;
import java.util.Optional;

/**
 * {@code key import pem} (cloudhsm_cli-key-import-pem.md). Private keys ({@code rsa-private},
 * {@code ec-private}) come as PKCS #8 and take usage attributes. Public keys: the PEM file's
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
        if (keyClass.endsWith("-private")) {
            return importPrivate(context, session.get(), args, file, given);
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
        return context.answer(session.get().pairs().importPublicKey(der.get(), options, SyncObserver.NONE),
                key -> answer(context, session.get(), key));
    }

    /**
     * A private key's PKCS #8 (or OpenSSL's PKCS #1 / SEC 1 form), imported with the pair's SDK 5
     * defaults and the usage attributes given; the simulator judges the key.
     */
    private static ExitStatus importPrivate(CliContext context, HsmSession session, CliArguments args, byte[] file,
                                            GenerationAttributes given) {
        String path = args.value("path");
        String keyClass = args.value("key-type-class");
        Optional<byte[]> pkcs8 = PemObjects.privateKey(file);
        if (pkcs8.isEmpty()) {
            return context.error(CliMessages.notAPrivateKeyPem(path));
        }
        var algorithm = PrivateKeyInfo.getInstance(pkcs8.get()).getPrivateKeyAlgorithm().getAlgorithm();
        String found = (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption) ? "rsa" : algorithm.equals(
                X9ObjectIdentifiers.id_ecPublicKey) ? "ec" : algorithm.getId()) + "-private";
        if (!found.equals(keyClass)) {
            return context.error(CliMessages.keyClassDiffers(keyClass, found));
        }
        KeyOptions options = new KeyOptions(args.value("label"), given.id().orElse(""), !given.extractable().orElse(true),
                !given.token().orElse(true), List.of(), 0, null, null, false);
        int type = found.equals("rsa-private") ? AsymmetricKeyType.RSA.code() : AsymmetricKeyType.EC.code();
        Sdk5UnwrapTarget target = new Sdk5UnwrapTarget(KeyClass.PRIVATE_KEY, type, given.usage(), options);
        return context.answer(session.pairs().importSdk5PrivateKey(pkcs8.get(), target), key -> answer(context, session, key));
    }

    private static ExitStatus answer(CliContext context, HsmSession session, GeneratedKey key) {
        ObjectNode data = CliJson.object();
        data.set("key", KeyGenerateCommands.describe(context, session, key.handle()));
        return context.success(data);
    }

    /** rsa-public or ec-public by the key's algorithm; another algorithm is named by its OID. */
    private static String classOf(byte[] der) {
        var algorithm = SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm();
        return algorithm.equals(PKCSObjectIdentifiers.rsaEncryption) ? "rsa-public"
                : algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey) ? "ec-public" : algorithm.getId();
    }
}
