package io.hsmconsole.text.cli;

import io.hsmconsole.model.UserType;

import java.util.List;
import java.util.Optional;

/** SDK 5's role names: {@code crypto-user} (a CU) and {@code admin} (a CO, or the primary one). */
public final class CliRoles {
    public static final String CRYPTO_USER = "crypto-user";
    public static final String ADMIN = "admin";

    /** The {@code --role} values with what they mean, as the pages' help lists them. */
    public static final List<String> POSSIBLE = List.of(
            CRYPTO_USER + ": A CryptoUser has the ability to manage and use keys",
            ADMIN + ":       An Admin has the ability to manage user accounts");

    private CliRoles() {
    }

    /** The user type a {@code --role} value names. */
    public static Optional<UserType> type(String role) {
        return switch (role) {
            case CRYPTO_USER -> Optional.of(UserType.CU);
            case ADMIN -> Optional.of(UserType.CO);
            default -> Optional.empty();
        };
    }

    /** The role {@code user list} shows for a user type. */
    public static String name(UserType type) {
        return switch (type) {
            case CU -> CRYPTO_USER;
            case CO, PCO -> ADMIN;
            case AU -> "internal(APPLIANCE_USER)";
            case PRECO -> "unactivated-admin";
        };
    }
}
