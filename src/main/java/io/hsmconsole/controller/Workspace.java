package io.hsmconsole.controller;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Optional;

/**
 * The cluster the console has open and the session logged in to it, shared by the controllers.
 * The UI only sees {@link SessionInfo} and the cluster's name; the simulator objects stay here.
 * Fields are volatile because background work reads them; the observable mirrors change on the UI
 * thread only.
 */
public final class Workspace {
    private final ClusterCatalog catalog;
    private volatile HsmCluster cluster;
    private volatile HsmSession session;
    private final ReadOnlyObjectWrapper<String> clusterName = new ReadOnlyObjectWrapper<>(this, "clusterName");
    private final ReadOnlyObjectWrapper<SessionInfo> sessionInfo = new ReadOnlyObjectWrapper<>(this, "sessionInfo");

    /** A workspace whose cluster is still being opened ({@link #opened}); the window can show meanwhile. */
    public Workspace(ClusterCatalog catalog) {
        this.catalog = catalog;
    }

    public Workspace(ClusterCatalog catalog, HsmCluster openCluster) {
        this(catalog);
        opened(openCluster);
    }

    /** UI thread: the cluster opened at start-up is ready. */
    public void opened(HsmCluster openCluster) {
        switchCluster(openCluster);
    }

    public boolean hasCluster() {
        return cluster != null;
    }

    public ReadOnlyObjectProperty<String> clusterNameProperty() {
        return clusterName.getReadOnlyProperty();
    }

    /** Who is logged in, or null. */
    public ReadOnlyObjectProperty<SessionInfo> sessionInfoProperty() {
        return sessionInfo.getReadOnlyProperty();
    }

    public Optional<SessionInfo> sessionInfo() {
        return Optional.ofNullable(sessionInfo.get());
    }

    ClusterCatalog catalog() {
        return catalog;
    }

    /** The open cluster, or null while it is still being opened at start-up. */
    HsmCluster cluster() {
        return cluster;
    }

    /** The open session, if any. */
    Optional<HsmSession> session() {
        HsmSession s = session;
        return s != null && s.isOpen() ? Optional.of(s) : Optional.empty();
    }

    /** The open session, or an exception for work that may only start while logged in. */
    HsmSession requireSession() {
        return session().orElseThrow(() -> new IllegalStateException("no user is logged in"));
    }

    /** UI thread. */
    void switchCluster(HsmCluster opened) {
        this.cluster = opened;
        clusterName.set(opened.name());
    }

    /** UI thread. */
    void loggedIn(HsmSession opened, SessionInfo info) {
        this.session = opened;
        sessionInfo.set(info);
    }

    /** UI thread. */
    void loggedOut() {
        this.session = null;
        sessionInfo.set(null);
    }
}
