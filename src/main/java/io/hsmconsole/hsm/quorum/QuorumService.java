package io.hsmconsole.hsm.quorum;

import java.util.Arrays;
import java.util.Optional;

/**
 * The HSM services a quorum token can approve, by the numbers the tools use. The officers' services
 * (quorum-authentication-crypto-officers*.md) have one m value each for the whole HSM: USER_MGMT for
 * createUser, deleteUser and changing another user's password, MISC_CO for setMValue. The key
 * services (KMU's getToken -n) take the key's own m_value: USE_KEY for every use of the key
 * (encrypt, decrypt, sign, verify, wrap, export), MANAGE_KEY for share, unshare and attribute changes.
 */
public enum QuorumService {
    USER_MGMT(3, true), MISC_CO(4, true), USE_KEY(5, false), MANAGE_KEY(6, false);

    private final int number;
    private final boolean officers;

    QuorumService(int number, boolean officers) {
        this.number = number;
        this.officers = officers;
    }

    public int number() {
        return number;
    }

    /** Whether this is a crypto officers' service (no key; the HSM's m value for the service). */
    public boolean forOfficers() {
        return officers;
    }

    public static Optional<QuorumService> fromNumber(int number) {
        return Arrays.stream(values()).filter(s -> s.number == number).findFirst();
    }

    /** A key service (5 or 6), the ones a token for a key handle is for. */
    public static Optional<QuorumService> forKeys(int number) {
        return fromNumber(number).filter(s -> !s.officers);
    }

    /** An officers' service (3 or 4), the ones getMValue and setMValue name. */
    public static Optional<QuorumService> forOfficers(int number) {
        return fromNumber(number).filter(s -> s.officers);
    }
}
