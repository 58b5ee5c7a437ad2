package io.hsmconsole.hsm.quorum;

import java.util.Arrays;
import java.util.Optional;

/**
 * The quorum services a key token can approve (KMU service numbers): USE_KEY for every use of the
 * key (encrypt, decrypt, sign, verify, wrap, export), MANAGE_KEY for share, unshare and attribute
 * changes.
 */
public enum QuorumService {
    USE_KEY(5), MANAGE_KEY(6);

    private final int number;

    QuorumService(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static Optional<QuorumService> fromNumber(int number) {
        return Arrays.stream(values()).filter(s -> s.number == number).findFirst();
    }
}
