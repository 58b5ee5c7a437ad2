package io.hsmconsole.hsm.user;

import io.hsmconsole.model.UserType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which client logs in. key_mgmt_util is a crypto-user tool: the HSM answers any other type with
 * {@code 0xdb Invalid User Type}. cloudhsm_mgmt_util and the desktop console accept officers too.
 */
public enum LoginChannel {
    KEY_MGMT_UTIL(EnumSet.of(UserType.CU)),
    MGMT_UTIL(EnumSet.of(UserType.CU, UserType.CO, UserType.PCO, UserType.PRECO)),
    CONSOLE(EnumSet.of(UserType.CU, UserType.CO, UserType.PCO)),
    /** An application through the PKCS#11 endpoint: crypto users only, as CloudHSM's PKCS#11 library. */
    PKCS11(EnumSet.of(UserType.CU)),
    /** The CloudHSM CLI (Client SDK 5): crypto users and admins (an admin is a CO or the PCO). */
    CLOUDHSM_CLI(EnumSet.of(UserType.CU, UserType.CO, UserType.PCO, UserType.PRECO));

    private final Set<UserType> acceptedTypes;

    LoginChannel(Set<UserType> acceptedTypes) {
        this.acceptedTypes = acceptedTypes;
    }

    public boolean accepts(UserType requested) {
        return acceptedTypes.contains(requested);
    }
}
