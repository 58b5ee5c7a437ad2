package io.hsmconsole.service;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment variables that change how a JVM prints (its charset comes from the locale, times
 * from the time zone) or what it works on (the store: a team's PostgreSQL server or the local
 * SQLite), joined the way the launcher script joins them. A call from a shell whose values differ
 * from the service's is not served, so neither the bytes printed nor the cluster used ever depend
 * on the path.
 */
final class OutputEnvironment {
    /**
     * In this order, each unset one as empty:
     * {@code "${LC_ALL-}|${LC_CTYPE-}|${LANG-}|${TZ-}|${HSM_CONSOLE_STORE-}"}.
     */
    static final List<String> VARIABLES = List.of("LC_ALL", "LC_CTYPE", "LANG", "TZ", "HSM_CONSOLE_STORE");

    private OutputEnvironment() {
    }

    static String of(Map<String, String> env) {
        return VARIABLES.stream().map(name -> env.getOrDefault(name, "")).collect(Collectors.joining("|"));
    }
}
