package io.hsmconsole.app;

import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.sqlite.SqliteBackend;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The store implementations the entry points can run the simulator on, by name, and the one they use.
 * This is the only place that names an implementation: a new backend (say {@code store.postgres}) is
 * one class implementing {@link StoreBackend} and one entry here.
 */
final class StoreBackends {
    static final String DEFAULT = "sqlite";
    private static final Map<String, Supplier<StoreBackend>> KNOWN = Map.of("sqlite", SqliteBackend::new);

    private StoreBackends() {
    }

    /** The backend every entry point uses. */
    static StoreBackend chosen() {
        return byName(DEFAULT);
    }

    static StoreBackend byName(String name) {
        Supplier<StoreBackend> backend = KNOWN.get(name);
        if (backend == null) {
            throw new IllegalArgumentException("unknown store '" + name + "'; known: " + String.join(", ", KNOWN.keySet()));
        }
        return backend.get();
    }
}
