package io.hsmconsole.service;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.pkcs11.KeyAvailabilityCheck;
import io.hsmconsole.pkcs11.server.Pkcs11Server;
import io.hsmconsole.shell.ClusterOpener;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.StoreBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The PKCS#11 endpoint as a way into the client daemon ({@link ClientService.Builder#wayIn}): the
 * daemon's cluster served over p11-kit's RPC protocol on {@code <data folder>/service/pkcs11.sock} for as
 * long as the daemon runs.
 */
public final class Pkcs11WayIn implements WayIn {
    public static final String NAME = "pkcs11";
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11WayIn.class);

    private final StoreBackend stores;
    private final DataDirectory data;
    private final String clusterName;
    private final KeyAvailabilityCheck availability;
    private HsmCluster cluster;
    private Pkcs11Server server;
    private String problem = "not started";

    /** @param stores the store implementation the entry point chose (app.StoreBackends) */
    public Pkcs11WayIn(StoreBackend stores, DataDirectory data, String clusterName, KeyAvailabilityCheck availability) {
        this.stores = stores;
        this.data = data;
        this.clusterName = clusterName;
        this.availability = availability;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void open() {
        try {
            cluster = ClusterOpener.open(new ClusterCatalog(stores, data, HsmClock.SYSTEM), clusterName);
            Pkcs11Server started = new Pkcs11Server(cluster, Pkcs11Server.socketIn(data), availability);
            started.start();
            server = started;
            LOG.info("PKCS#11 endpoint for cluster {} on {} (key availability check {})", cluster.name(),
                    server.socket(), availability == KeyAvailabilityCheck.ENABLED ? "on" : "off");
        } catch (Exception | LinkageError e) {
            // The command lines still want the service (e.g. a system without Unix domain sockets).
            problem = String.valueOf(e.getMessage()).replace('\n', ' ');
            LOG.warn("the PKCS#11 endpoint is not served: {}", problem);
            closeCluster();
        }
    }

    @Override
    public synchronized Optional<String> address() {
        return server == null ? Optional.empty() : Optional.of("unix:path=" + server.socket());
    }

    @Override
    public synchronized String problem() {
        return problem;
    }

    @Override
    public synchronized int openConnections() {
        return server == null ? 0 : server.openConnections();
    }

    @Override
    public synchronized long lastActivityNanos() {
        return server == null ? 0 : server.lastActivityNanos();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
            problem = "stopped";
        }
        closeCluster();
    }

    private void closeCluster() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }
}
