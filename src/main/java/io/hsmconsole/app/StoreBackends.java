package io.hsmconsole.app;

import io.hsmconsole.controller.StorePlace;
import io.hsmconsole.controller.Stores;
import io.hsmconsole.shell.StartupOptions;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.ServerUrl;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresUrl;
import io.hsmconsole.store.sqlite.SqliteBackend;

import java.util.Arrays;
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
     * The backend an entry point uses: {@code --store} among the launcher options of {@code argv}
     * when given, else {@value #ENV_VARIABLE}. A setting that names no store ends the program with a
     * usage error (status 2) saying which setting is wrong and why (never its password), before
     * anything is opened.
     */
    static StoreBackend chosen(String[] argv) {
        String option = storeOption(argv);
        String source = option != null ? StartupOptions.STORE_OPTION : ENV_VARIABLE;
        try {
            return fromSetting(option != null ? option : System.getenv(ENV_VARIABLE));
        } catch (IllegalArgumentException e) {
            System.err.println(source + ": " + e.getMessage());
            System.exit(2);
            throw e;
        }
    }

    /**
     * The console's backend: {@code --store} when given, else {@value #ENV_VARIABLE}. A wrong setting
     * is thrown (the window shows it in its start-up error dialog), naming the setting.
     */
    static StoreBackend forWindow(String storeOption) {
        try {
            return fromSetting(storeOption != null ? storeOption : System.getenv(ENV_VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((storeOption != null ? StartupOptions.STORE_OPTION : ENV_VARIABLE)
                    + ": " + e.getMessage(), e);
        }
    }

    /** The stores the console's File → Open cluster may switch between: the data folder's and a team server's. */
    static Stores forConsole() {
        return new Stores() {
            @Override
            public StoreBackend dataFolder() {
                return byName(DEFAULT);
            }

            @Override
            public StoreBackend teamServer(ServerUrl url) {
                return new PostgresBackend(PostgresUrl.of(url));
            }
        };
    }

    /**
     * Where the console's start-up store keeps its clusters, for the status bar: the data folder, or
     * the server without its password. Called with a setting {@link #forWindow} accepted.
     */
    static StorePlace placeOf(String storeOption, DataDirectory data) {
        String setting = setting(storeOption);
        return PostgresUrl.isPostgres(setting) ? StorePlace.server(ServerUrl.parse(setting)) : StorePlace.dataFolder(data.root());
    }

    /**
     * The password the console's start-up setting holds (none for the data folder): the Open cluster
     * dialog puts it in its masked field when that store cannot be opened. Called with a setting
     * {@link #forWindow} accepted.
     */
    static char[] passwordOf(String storeOption) {
        String setting = setting(storeOption);
        return PostgresUrl.isPostgres(setting) ? ServerUrl.parse(setting).password().toCharArray() : new char[0];
    }

    private static String setting(String storeOption) {
        return storeOption != null ? storeOption : System.getenv(ENV_VARIABLE);
    }

    /** The value of {@code --store} among the launcher options; null when absent (or the options are wrong: the launcher says so). */
    static String storeOption(String[] argv) {
        try {
            return StartupOptions.parse(Arrays.asList(argv), Map.of()).store();
        } catch (StartupOptions.UsageException e) {
            return null;
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
