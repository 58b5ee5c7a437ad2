package io.hsmconsole.shell.cmu;

import io.hsmconsole.hsm.user.UserType;
import io.hsmconsole.shell.ExitStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        Optional<byte[]> token = read(a.get(2), "registration token", c);
        Optional<byte[]> signature = token.isEmpty() ? Optional.empty() : read(a.get(3), "signed registration token", c);
        Optional<byte[]> pem = signature.isEmpty() ? Optional.empty() : read(a.get(4), "public key", c);
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

    private static Optional<byte[]> read(String name, String what, CmuContext c) {
        try {
            return Optional.of(Files.readAllBytes(c.file(name)));
        } catch (NoSuchFileException e) {
            c.out().printf("%s failed: cannot read the %s file %s: no such file%n", COMMAND, what, name);
        } catch (IOException e) {
            c.out().printf("%s failed: cannot read the %s file %s: %s%n", COMMAND, what, name, e.getMessage());
        }
        return Optional.empty();
    }
}
