package io.hsmconsole.controller;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The cluster the console has open and the session logged in to it, shared by the controllers.
 * The UI only sees {@link SessionInfo} and the cluster's name; the simulator objects stay here.
 * Fields are volatile because background work reads them; the observable mirrors change on the UI
 * thread only.
 */
public final class Workspace {
    private volatile ClusterCatalog catalog;
    private volatile StorePlace store;
    private volatile HsmCluster cluster;
    private volatile HsmSession session;
    private final ReadOnlyObjectWrapper<String> clusterName = new ReadOnlyObjectWrapper<>(this, "clusterName");
    private final ReadOnlyObjectWrapper<ClusterLocation> location = new ReadOnlyObjectWrapper<>(this, "location");
    private final ReadOnlyObjectWrapper<SessionInfo> sessionInfo = new ReadOnlyObjectWrapper<>(this, "sessionInfo");
    private final List<Consumer<ActionRecord>> actionListeners = new CopyOnWriteArrayList<>();

    /** A workspace on the data folder's store whose cluster is still being opened ({@link #opened}). */
    public Workspace(ClusterCatalog catalog) {
        this(catalog, StorePlace.dataFolder(catalog.dataDirectory().root()));
    }

    /** A workspace on {@code store} whose cluster is still being opened; the window can show meanwhile. */
    public Workspace(ClusterCatalog catalog, StorePlace store) {
        this.catalog = catalog;
        this.store = store;
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

    /**
     * The open cluster and its store, or null while the first is opening. Views that follow the open
     * cluster listen here: a switch to a cluster of the same name on another store changes it too.
     */
    public ReadOnlyObjectProperty<ClusterLocation> locationProperty() {
        return location.getReadOnlyProperty();
    }

    /** The store the console works on now. */
    public StorePlace store() {
        return store;
    }

    /** Who is logged in, or null. */
    public ReadOnlyObjectProperty<SessionInfo> sessionInfoProperty() {
        return sessionInfo.getReadOnlyProperty();
    }

    public Optional<SessionInfo> sessionInfo() {
        return Optional.ofNullable(sessionInfo.get());
    }

    /** Hears every action the console performs, as its command line (UI thread). */
    public void addActionListener(Consumer<ActionRecord> listener) {
        actionListeners.add(listener);
    }

    /** UI thread: tells the listeners what the console just did. */
    void record(ActionRecord action) {
        actionListeners.forEach(l -> l.accept(action));
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

    /** The open session, or {@link SessionEnded} for work that may only start while logged in. */
    HsmSession requireSession() {
        return session().orElseThrow(SessionEnded::new);
    }

    /** UI thread: another cluster of the same store. */
    void switchCluster(HsmCluster opened) {
        this.cluster = opened;
        location.set(new ClusterLocation(store, opened.name()));
        clusterName.set(opened.name());
    }

    /** UI thread: a cluster of another store (or of this one), with the catalog that opened it. */
    void switchStore(ClusterCatalog openedBy, StorePlace place, HsmCluster opened) {
        this.catalog = openedBy;
        this.store = place;
        switchCluster(opened);
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
