package io.hsmconsole.controller;

import io.hsmconsole.store.ServerUrl;
import io.hsmconsole.store.StoreBackend;

/**
 * The store implementations the console may switch between, handed in by {@code app} (the only layer
 * that names them): this machine's data folder, or a team's PostgreSQL server at a URL.
 */
public interface Stores {
    StoreBackend dataFolder();

    StoreBackend teamServer(ServerUrl url);
}
