package io.hsmconsole.hsm.user;

import java.util.regex.Pattern;

/**
 * User name and password rules: names up to 31 characters of {@code [A-Za-z0-9_]}
 * (case-insensitive), passwords 7 to 32 characters (the Client SDK 3 rule), 5 failed logins lock.
 */
public final class Credentials {
    public static final int MAX_NAME = 31;
    public static final int MIN_PASSWORD = 7;
    public static final int MAX_PASSWORD = 32;
    public static final int LOCKOUT_FAILURES = 5;
    /** AWS CloudHSM's system quota: "Number of users per cluster: 1,024". Bounds every list of user IDs too. */
    public static final int MAX_USERS = 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1," + MAX_NAME + "}");

    private Credentials() {
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static boolean isValidPassword(char[] password) {
        return password != null && password.length >= MIN_PASSWORD && password.length <= MAX_PASSWORD;
    }
}
