package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliKeyJson;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliSyntaxes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@code crypto sign rsa-pkcs|rsa-pkcs-pss|ecdsa} and {@code crypto verify …}: the data (Base64 on the
 * line, or a file) hashed and signed by the simulator with the mechanism the name and
 * {@code --hash-function} pick; the signature is Base64 (ECDSA's DER-encoded, as OpenSSL reads it).
 * Whether the key may sign — its class, type and sign/verify attribute — is the simulator's to say.
 */
final class CryptoCommands {
    private CryptoCommands() {
    }

    static List<CliCommand> all() {
        List<CliCommand> all = new ArrayList<>();
        for (String name : CliSyntaxes.SIGN_MECHANISMS) {
            all.add(new SimpleCommand(CliSyntaxes.cryptoSign(name), (c, a) -> sign(c, a, name)));
            all.add(new SimpleCommand(CliSyntaxes.cryptoVerify(name), (c, a) -> verify(c, a, name)));
        }
        return all;
    }

    private static ExitStatus sign(CliContext context, CliArguments args, String name) {
        byte[] data;
        KeyApproval approval;
        try {
            data = CliFiles.bytes(context, args, "data");
            approval = KeyApproval.read(context, args, TokenSignService.KEY_USAGE);
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        }
        SignMechanism mechanism = mechanism(name, args.value("hash-function"));
        return KeySelection.single(context, "sign", args.values("key-filter"), (session, handle) ->
                approval.answer(context, session, handle, () -> session.crypto().sign(handle, mechanism, data), signature -> {
                    ObjectNode out = CliJson.object();
                    out.put("key-reference", CliKeyJson.reference(handle));
                    out.put("signature", Base64.getEncoder().encodeToString(signature));
                    return context.success(out);
                }));
    }

    private static ExitStatus verify(CliContext context, CliArguments args, String name) {
        byte[] data;
        byte[] signature;
        try {
            data = CliFiles.bytes(context, args, "data");
            signature = CliFiles.bytes(context, args, "signature");
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        }
        SignMechanism mechanism = mechanism(name, args.value("hash-function"));
        return KeySelection.single(context, "verify", args.values("key-filter"), (session, handle) ->
                context.answer(session.crypto().verify(handle, mechanism, data, signature),
                        done -> context.message(CliMessages.SIGNATURE_VERIFIED)));
    }

    /** rsa-pkcs + sha256 → SHA256_RSA_PKCS, and so on: the family by name, the hash by its digest name. */
    private static SignMechanism mechanism(String name, String hash) {
        SignMechanism.Family family = switch (name) {
            case "rsa-pkcs" -> SignMechanism.Family.RSA_PKCS;
            case "rsa-pkcs-pss" -> SignMechanism.Family.RSA_PSS;
            default -> SignMechanism.Family.ECDSA;
        };
        String digest = "SHA-" + hash.substring(3).toUpperCase(Locale.ROOT);
        return Arrays.stream(SignMechanism.values()).filter(m -> m.family() == family && m.digestName().equals(digest))
                .findFirst().orElseThrow(); // every family has all five hashes (SignMechanism's table)
    }
}
