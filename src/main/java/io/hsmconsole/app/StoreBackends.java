package io.hsmconsole.app;

import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresUrl;
import io.hsmconsole.store.sqlite.SqliteBackend;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The store implementations the entry points can run the simulator on, and the one they use. This is
 * the only place that names an implementation: a new backend is one class implementing
 * {@link StoreBackend} and one entry here. {@value #ENV_VARIABLE} chooses for every program (GUI,
 * shells, daemon): unset, the embedded SQLite store in the data folder; {@code sqlite}, the same;
 * {@code postgresql://USER:PASSWORD@HOST:PORT/DB}, one cluster store shared by every machine pointed
 * at that server (team mode, docs/team-mode.md).
 */
final class StoreBackends {
    static final String ENV_VARIABLE = "HSM_CONSOLE_STORE";
    static final String DEFAULT = "sqlite";
    private static final Map<String, Supplier<StoreBackend>> KNOWN = Map.of("sqlite", SqliteBackend::new);

    private StoreBackends() {
    }

    /**
     * The backend every entry point uses, from {@value #ENV_VARIABLE}. A setting that names no store
     * ends the program with a usage error (status 2) saying what is wrong, before anything is opened.
     */
    static StoreBackend chosen() {
        try {
            return fromSetting(System.getenv(ENV_VARIABLE));
        } catch (IllegalArgumentException e) {
            System.err.println(ENV_VARIABLE + ": " + e.getMessage());
            System.exit(2);
            throw e;
        }
    }

    /** The backend a setting names; null or blank is the default. */
    static StoreBackend fromSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            return byName(DEFAULT);
        }
        if (PostgresUrl.isPostgres(setting)) {
            return new PostgresBackend(PostgresUrl.parse(setting));
        }
        return byName(setting);
    }

    static StoreBackend byName(String name) {
        Supplier<StoreBackend> backend = KNOWN.get(name);
        if (backend == null) {
            throw new IllegalArgumentException("unknown store '" + name + "'; use " + String.join(", ", KNOWN.keySet())
                    + " or " + PostgresUrl.SCHEME + "://USER:PASSWORD@HOST:PORT/DB");
        }
        return backend.get();
    }
}
