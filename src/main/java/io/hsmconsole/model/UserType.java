package io.hsmconsole.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * HSM user types. PCO (the primary crypto officer, {@code admin}) is a CO in every right; AU is
 * the appliance user that replicates and cannot log in; PRECO only exists before activation.
 */
public enum UserType {
    CU(1), CO(2), PCO(2), AU(5), PRECO(2);

    private final int numericType;

    UserType(int numericType) {
        this.numericType = numericType;
    }

    /** The audit-log/approval-file number: 1 crypto user, 2 crypto officer, 5 appliance user. */
    public int numericType() {
        return numericType;
    }

    public boolean isOfficer() {
        return this == CO || this == PCO || this == PRECO;
    }

    /** Whether a login that names {@code requested} as its type can log in a user of this type. */
    public boolean answersTo(UserType requested) {
        return this == requested || (requested == CO && this == PCO);
    }

    public static Optional<UserType> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.name().equals(text)).findFirst();
    }
}
