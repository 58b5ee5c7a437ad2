package io.hsmconsole.hsm.quorum;

import java.util.Arrays;
import java.util.Optional;

/**
 * The services of Client SDK 5's token-sign quorum, by the names the CloudHSM CLI uses
 * (cloudhsm_cli-qm-token-gen.md): {@code user} and {@code quorum} are the admins' services, the same
 * HSM services (and m values) as cloudhsm_mgmt_util's 3 (USER_MGMT) and 4 (MISC_CO);
 * {@code registration} gives the token an admin signs to register a quorum public key.
 */
public enum TokenSignService {
    USER("user", QuorumService.USER_MGMT),
    QUORUM("quorum", QuorumService.MISC_CO),
    REGISTRATION("registration", null);

    /** The service number a registration token carries in its approval data (ours: it has no m value). */
    public static final int REGISTRATION_NUMBER = 0;

    private final String cliName;
    private final QuorumService officers;

    TokenSignService(String cliName, QuorumService officers) {
        this.cliName = cliName;
        this.officers = officers;
    }

    public String cliName() {
        return cliName;
    }

    /** The officers' service whose m value governs this one; empty for registration. */
    public Optional<QuorumService> officersService() {
        return Optional.ofNullable(officers);
    }

    /** The number written into the approval data (3 for user, 4 for quorum, as on the HSM). */
    public int number() {
        return officers == null ? REGISTRATION_NUMBER : officers.number();
    }

    public static Optional<TokenSignService> named(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName.equals(name)).findFirst();
    }
}
