package io.hsmconsole.controller;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ClusterOpener;
import io.hsmconsole.store.ServerUrl;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.StoreCheck;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * File → Open cluster: which store (this machine's data folder or a team's PostgreSQL server) and
 * which cluster. The rules of a server's URL and its fields are the store's ({@link ServerUrl}), a
 * cluster name's the simulator's; "Test connection" asks the store without opening anything. An open
 * that works ends the session, switches the workspace (every view follows its location) and is
 * remembered without its password ({@link RecentClusters}); one that fails leaves the open cluster
 * as it was and says why, in the store's words.
 */
public final class OpenClusterController {
    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final Stores stores;
    private final RecentClusters recent;

    public OpenClusterController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError, Stores stores) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
        this.stores = stores;
        this.recent = new RecentClusters(workspace.catalog().dataDirectory().root());
    }

    /** The cluster open now and its store; null while the first is still opening. */
    public ClusterLocation current() {
        return workspace.locationProperty().get();
    }

    /** The store the console works on now. */
    public StorePlace currentStore() {
        return workspace.store();
    }

    /** This machine's data folder: its clusters on SQLite, and every cluster's master key. */
    public String dataFolderRoot() {
        return workspace.catalog().dataDirectory().root().toString();
    }

    /** The clusters of this machine's data folder, for the dialog's choice. */
    public List<String> dataFolderClusters() {
        try {
            return workspace.catalog().withStore(stores.dataFolder()).clusterNames();
        } catch (RuntimeException e) {
            return List.of(); // the dialog's test says what is wrong with the folder
        }
    }

    public List<ClusterLocation> recent() {
        return recent.list();
    }

    /** Remembers the cluster the console opened at start, as one opened through the dialog is. */
    public void remember(ClusterLocation location) {
        recent.add(location);
    }

    /** Why the request cannot be tried as it stands (the store's or the simulator's sentence), or empty. */
    public String problem(ClusterRequest request) {
        try {
            if (request.store() == StorePlace.Kind.TEAM_SERVER) {
                server(request.server());
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String name = request.cluster() == null ? "" : request.cluster().strip();
        return ClusterCatalog.isValidClusterName(name) ? ""
                : name.isEmpty() ? "the cluster name is missing (e.g. " + ClusterCatalog.DEMO_CLUSTER + ")"
                : workspace.catalog().check(name).detail();
    }

    /** The fields of a URL (for switching the dialog from URL to fields), or empty when it is not one. */
    public Optional<ServerEntry> fieldsOf(String url) {
        try {
            ServerUrl u = ServerUrl.parse(url.strip());
            return Optional.of(ServerEntry.fields(u.host(), Integer.toString(u.port()), u.database(), u.user()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The URL the fields compose (without a password), or empty while they do not compose one. */
    public Optional<String> urlOf(ServerEntry fields) {
        try {
            return Optional.of(server(fields).text());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A URL typed or pasted with its password: the URL without it and the password apart (for the
     * dialog's masked field); empty when the text holds no password.
     */
    public Optional<UrlWithPassword> splitPassword(String url) {
        try {
            ServerUrl u = ServerUrl.parse(url.strip());
            return u.password().isEmpty() ? Optional.empty()
                    : Optional.of(new UrlWithPassword(u.withPassword("").text(), u.password().toCharArray()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** A URL without its password, and the password (the caller wipes it). */
    public record UrlWithPassword(String url, char[] password) {
    }

    /** The entry that opens a remembered cluster again (its password is asked anew). */
    public ServerEntry entryOf(ClusterLocation location) {
        return location.store().teamServer() ? ServerEntry.url(location.store().where()) : ServerEntry.EMPTY;
    }

    /** Asks the store whether the cluster could be opened, opening and changing nothing. The password is wiped. */
    public TaskHandle test(ClusterRequest request, char[] password, Consumer<StoreAnswer> done) {
        Optional<Target> target = target(request, password, done);
        if (target.isEmpty()) {
            return TaskHandle.DONE;
        }
        return runner.run(BackgroundWork.named("test the connection", p -> answer(target.get(),
                target.get().catalog().check(target.get().location().cluster())), onError).onSuccess(done));
    }

    /**
     * Opens the cluster (the demo cluster is made on first use, as the command lines make it) and
     * switches the console to it; the password is wiped. A failure changes nothing and is answered
     * with what the store finds wrong.
     */
    public TaskHandle open(ClusterRequest request, char[] password, Consumer<StoreAnswer> done) {
        Optional<Target> target = target(request, password, done);
        if (target.isEmpty()) {
            return TaskHandle.DONE;
        }
        Target t = target.get();
        if (t.location().equals(current())) {
            done.accept(new StoreAnswer(StoreAnswer.ALREADY_OPEN, "", true, t.location()));
            return TaskHandle.DONE;
        }
        return runner.run(BackgroundWork.named("open cluster", p -> opening(t), onError).onSuccess(opening -> {
            if (opening.cluster() == null) {
                done.accept(opening.answer());
                return;
            }
            HsmCluster left = workspace.cluster();
            workspace.loggedOut(); // the session was ended before the switch
            workspace.switchStore(t.catalog(), t.location().store(), opening.cluster());
            if (left != null) {
                left.close(); // only now that nothing reads it (the watcher ignores a cluster left behind)
            }
            recent.add(t.location());
            done.accept(opening.answer());
        }));
    }

    /**
     * Why the cluster the console was started on could not be opened (the demo cluster of the store
     * named by {@code --store}, {@code HSM_CONSOLE_STORE} or the data folder): the store's own answer,
     * as "Test connection" gives it (the server down, the password refused, no such database, a data
     * folder it cannot use), or the failure's sentence when the store finds nothing in the way.
     */
    public TaskHandle whyStartFailed(Throwable failure, Consumer<StoreAnswer> done) {
        Target t = new Target(workspace.catalog(), new ClusterLocation(workspace.store(), ClusterCatalog.DEMO_CLUSTER));
        return runner.run(BackgroundWork.named("test the connection", p -> whyNot(t, failure), onError).onSuccess(done));
    }

    /** The catalog and location of a request, or the answer why there is none (given to {@code done}). */
    private Optional<Target> target(ClusterRequest request, char[] password, Consumer<StoreAnswer> done) {
        String secret = new String(password);
        Arrays.fill(password, '\0');
        String problem = problem(request);
        if (!problem.isEmpty()) {
            done.accept(new StoreAnswer(StoreCheck.Verdict.INVALID_SETTING.name(), problem, false, null));
            return Optional.empty();
        }
        String cluster = request.cluster().strip();
        if (request.store() == StorePlace.Kind.DATA_FOLDER) {
            StorePlace place = StorePlace.dataFolder(workspace.catalog().dataDirectory().root());
            return Optional.of(new Target(workspace.catalog().withStore(stores.dataFolder()), new ClusterLocation(place, cluster)));
        }
        ServerUrl url = server(request.server());
        // A password in the URL itself counts when the masked field is empty.
        ServerUrl withPassword = secret.isEmpty() ? url : url.withPassword(secret);
        StoreBackend backend = stores.teamServer(withPassword);
        return Optional.of(new Target(workspace.catalog().withStore(backend),
                new ClusterLocation(StorePlace.server(url), cluster)));
    }

    private record Target(ClusterCatalog catalog, ClusterLocation location) {
    }

    private record Opening(HsmCluster cluster, StoreAnswer answer) {
    }

    private Opening opening(Target t) {
        String name = t.location().cluster();
        HsmCluster opened;
        try {
            opened = ClusterOpener.open(t.catalog(), name);
        } catch (RuntimeException e) {
            return new Opening(null, whyNot(t, e));
        }
        try {
            // Ended here, off the UI thread, as a login to another cluster ends it.
            workspace.session().ifPresent(HsmSession::close);
            return new Opening(opened, new StoreAnswer(StoreAnswer.OPENED, t.location().store().where(), true,
                    t.location()));
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** Why an open failed: the store's finding in plain words where it has one, else the failure's own sentence. */
    private static StoreAnswer whyNot(Target t, Throwable failure) {
        StoreAnswer why = answer(t, t.catalog().check(t.location().cluster()));
        return why.usable() ? new StoreAnswer(StoreCheck.Verdict.FAILED.name(), failure.getMessage() == null
                ? failure.getClass().getSimpleName() : failure.getMessage(), false, t.location()) : why;
    }

    /** The store's check as the dialog reads it: a missing demo cluster is one an open makes. */
    private static StoreAnswer answer(Target t, StoreCheck check) {
        if (check.verdict() == StoreCheck.Verdict.NO_CLUSTER && ClusterCatalog.DEMO_CLUSTER.equals(t.location().cluster())) {
            return new StoreAnswer(StoreAnswer.WILL_CREATE, check.detail(), true, t.location());
        }
        return new StoreAnswer(check.verdict().name(), check.detail(), check.opens(), t.location());
    }

    private static ServerUrl server(ServerEntry entry) {
        if (entry.byFields()) {
            return ServerUrl.of(entry.host(), entry.port(), entry.database(), entry.user());
        }
        String url = entry.url() == null ? "" : entry.url().strip();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("the server's URL is missing; expected " + ServerUrl.FORM);
        }
        if (!ServerUrl.isServerUrl(url)) {
            throw new IllegalArgumentException("this is not a PostgreSQL URL; expected " + ServerUrl.FORM);
        }
        return ServerUrl.parse(url);
    }
}
