package io.hsmconsole.shell.cmu;

import io.hsmconsole.model.UserType;
import io.hsmconsole.shell.ExitStatus;

import java.util.List;
import java.util.Optional;

/**
 * {@code registerQuorumPubKey <type> <name> <token> <signed token> <public key>}: a user registers
 * the RSA-2048 key they approve quorum tokens with, proving they hold its private half by the
 * signature of the registration token. The files are read and checked before the confirmation;
 * the HSM verifies the key and the signature.
 */
final class QuorumKeyRegistration {
    private static final String COMMAND = "registerQuorumPubKey";

    private QuorumKeyRegistration() {
    }

    static ExitStatus register(List<String> a, CmuContext c) {
        Optional<UserType> type = UserType.parse(a.get(0));
        if (type.isEmpty()) {
            c.out().printf("Invalid user type '%s': use CU, CO, PCO or PRECO%n", a.get(0));
            return ExitStatus.USAGE;
        }
        if (c.session().isEmpty()) {
            return c.notLoggedIn(COMMAND, a.get(0) + " " + a.get(1));
        }
        Optional<byte[]> token = c.read(COMMAND, a.get(2), "registration token");
        Optional<byte[]> signature = token.isEmpty() ? Optional.empty() : c.read(COMMAND, a.get(3), "signed registration token");
        Optional<byte[]> pem = signature.isEmpty() ? Optional.empty() : c.read(COMMAND, a.get(4), "public key");
        if (pem.isEmpty()) {
            return ExitStatus.ERROR;
        }
        PublicKeyPem.Result key = PublicKeyPem.read(pem.get());
        if (key.der().isEmpty()) {
            c.out().printf("%s failed: %s: %s%n", COMMAND, a.get(4), key.problem());
            return ExitStatus.ERROR;
        }
        if (!c.confirm()) {
            return ExitStatus.SUCCESS;
        }
        return c.perServer(COMMAND, c.session().get().users().registerQuorumKey(type.get(), a.get(1), token.get(),
                signature.get(), key.der().get()));
    }
}
