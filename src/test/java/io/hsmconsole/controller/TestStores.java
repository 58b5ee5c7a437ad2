package io.hsmconsole.controller;

import io.hsmconsole.store.ServerUrl;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresUrl;
import io.hsmconsole.store.sqlite.SqliteBackend;

/** The stores the console switches between, as {@code app} hands them in: SQLite and PostgreSQL. */
public final class TestStores implements Stores {
    public static final TestStores REAL = new TestStores();

    @Override
    public StoreBackend dataFolder() {
        return new SqliteBackend();
    }

    @Override
    public StoreBackend teamServer(ServerUrl url) {
        return new PostgresBackend(PostgresUrl.of(url));
    }
}
