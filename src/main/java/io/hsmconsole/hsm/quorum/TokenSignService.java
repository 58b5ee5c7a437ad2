package io.hsmconsole.hsm.quorum;

import java.util.Arrays;
import java.util.Optional;

/**
 * The services of Client SDK 5's token-sign quorum, by the names the CloudHSM CLI uses
 * (cloudhsm_cli-qm-token-gen.md): {@code user} and {@code quorum} are the admins' services, the same
 * HSM services (and m values) as cloudhsm_mgmt_util's 3 (USER_MGMT) and 4 (MISC_CO);
 * {@code key-usage} (crypto sign) and {@code key-management} (key share, unshare, set-attribute, wrap,
 * unwrap) are the crypto users' services, the HSM's key services 5 (USE_KEY) and 6 (MANAGE_KEY), whose
 * quorum value is the key's own; {@code registration} gives the token a user signs to register a
 * quorum public key.
 */
public enum TokenSignService {
    USER("user", QuorumService.USER_MGMT),
    QUORUM("quorum", QuorumService.MISC_CO),
    REGISTRATION("registration", null),
    KEY_USAGE("key-usage", QuorumService.USE_KEY),
    KEY_MANAGEMENT("key-management", QuorumService.MANAGE_KEY);

    /** The service number a registration token carries in its approval data (ours: it has no m value). */
    public static final int REGISTRATION_NUMBER = 0;

    private final String cliName;
    private final QuorumService hsmService;

    TokenSignService(String cliName, QuorumService hsmService) {
        this.cliName = cliName;
        this.hsmService = hsmService;
    }

    public String cliName() {
        return cliName;
    }

    /** The officers' service whose m value governs this one; empty for registration and the key services. */
    public Optional<QuorumService> officersService() {
        return Optional.ofNullable(hsmService).filter(QuorumService::forOfficers);
    }

    /** The key service (USE_KEY, MANAGE_KEY) whose value is the key's own; empty for the admins' services. */
    public Optional<QuorumService> keyService() {
        return Optional.ofNullable(hsmService).filter(s -> !s.forOfficers());
    }

    /** The number written into the approval data (3 user, 4 quorum, 5 key-usage, 6 key-management, as on the HSM). */
    public int number() {
        return hsmService == null ? REGISTRATION_NUMBER : hsmService.number();
    }

    public static Optional<TokenSignService> named(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName.equals(name)).findFirst();
    }
}
