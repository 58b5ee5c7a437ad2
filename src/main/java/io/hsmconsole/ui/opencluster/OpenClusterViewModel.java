package io.hsmconsole.ui.opencluster;

import io.hsmconsole.controller.ClusterLocation;
import io.hsmconsole.controller.ClusterRequest;
import io.hsmconsole.controller.OpenClusterController;
import io.hsmconsole.controller.ServerEntry;
import io.hsmconsole.controller.StoreAnswer;
import io.hsmconsole.controller.StorePlace;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * File → Open cluster: where the cluster lives (this machine's data folder, or a team's PostgreSQL
 * server given as one URL or as fields), which cluster, "Test connection" and "Open". What is wrong
 * with the input is the controller's word (the store's rules), shown as it is typed; the store's
 * answers are said in plain words with its own sentence beneath. The password never lives here: the
 * view hands it over as a char array for each test or open, and a URL typed or pasted with one is
 * given back without it (the password goes to the masked field).
 */
public final class OpenClusterViewModel {
    private final OpenClusterController controller;
    private final Messages messages;
    private final ObjectProperty<StorePlace.Kind> store = new SimpleObjectProperty<>(this, "store", StorePlace.Kind.DATA_FOLDER);
    private final BooleanProperty byFields = new SimpleBooleanProperty(this, "byFields");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty database = new SimpleStringProperty(this, "database", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty cluster = new SimpleStringProperty(this, "cluster", "");
    private final ObservableList<String> clusterChoices = FXCollections.observableArrayList();
    private final ObservableList<ClusterLocation> recent = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    private final ReadOnlyBooleanWrapper atStart = new ReadOnlyBooleanWrapper(this, "atStart");
    private final StringBinding problem;
    private final BooleanBinding teamServer;
    private final BooleanBinding canTry;
    private Consumer<char[]> passwordFromUrl = p -> Arrays.fill(p, '\0');

    public OpenClusterViewModel(OpenClusterController controller, Messages messages) {
        this.controller = controller;
        this.messages = messages;
        teamServer = Bindings.equal(store, StorePlace.Kind.TEAM_SERVER);
        problem = Bindings.createStringBinding(() -> controller.problem(request()), store, byFields, url, host, port,
                database, user, cluster);
        canTry = Bindings.createBooleanBinding(() -> !busy.get() && problem.get().isEmpty(), busy, problem);
        recent.setAll(controller.recent());
        clusterChoices.setAll(controller.dataFolderClusters());
        ClusterLocation open = controller.current();
        StorePlace place = open != null ? open.store() : controller.currentStore();
        store.set(place.kind());
        if (place.teamServer()) {
            url.set(place.where());
        }
        cluster.set(open != null ? open.cluster() : "demo");
        // A pasted URL gives its password up at once; a typed one when the field is left (urlCommitted):
        // moving it out mid-typing would move the caret under the user's fingers.
        url.addListener((obs, old, now) -> {
            if (now != null && now.length() - (old == null ? 0 : old.length()) > 1) {
                movePasswordOut(now);
            }
        });
        byFields.addListener((obs, old, now) -> carryOver(now));
        // Whatever the user changes makes the last answer stale.
        for (var input : new javafx.beans.Observable[]{store, byFields, url, host, port, database, user, cluster}) {
            input.addListener(o -> {
                if (!busy.get()) {
                    notice.set(Notice.NONE);
                }
            });
        }
    }

    /** Where a URL's password goes (the view's masked field); it must copy and wipe the array. */
    public void onPasswordFromUrl(Consumer<char[]> receiver) {
        this.passwordFromUrl = receiver;
    }

    /** What the dialog's input asks for now. */
    public ClusterRequest request() {
        String name = cluster.get() == null ? "" : cluster.get();
        if (store.get() == StorePlace.Kind.DATA_FOLDER) {
            return ClusterRequest.dataFolder(name);
        }
        return ClusterRequest.teamServer(byFields.get() ? ServerEntry.fields(host.get(), port.get(), database.get(),
                user.get()) : ServerEntry.url(url.get()), name);
    }

    /** Asks the store whether the cluster could be opened; the password array is wiped. */
    public void test(char[] password) {
        if (!canTry.get()) {
            Arrays.fill(password, '\0');
            return;
        }
        busy.set(true);
        notice.set(Notice.info(messages.format("openCluster.testing", where())));
        controller.test(request(), password, answer -> {
            busy.set(false);
            notice.set(noticeOf(answer));
        });
    }

    /** Opens the cluster; {@code onOpened} runs once the console has switched to it. The password array is wiped. */
    public void open(char[] password, Runnable onOpened) {
        if (!canTry.get()) {
            Arrays.fill(password, '\0');
            return;
        }
        busy.set(true);
        notice.set(Notice.info(messages.format("openCluster.opening", cluster.get().strip())));
        controller.open(request(), password, answer -> {
            busy.set(false);
            if (answer.opened() || answer.verdict().equals(StoreAnswer.ALREADY_OPEN)) {
                notice.set(noticeOf(answer));
                onOpened.run();
            } else {
                ClusterLocation stays = controller.current();
                String why = noticeOf(answer).text();
                notice.set(Notice.error(stays == null ? why : why + "\n" + messages.format("openCluster.failed",
                        stays.cluster()), ""));
            }
        });
    }

    /**
     * The cluster the console was started on cannot be opened: the form already holds what was asked
     * for (the store, the server's URL without its password, the demo cluster); {@code password}, the
     * one the start setting gave, goes to the masked field (the array is wiped), and the store says why,
     * in the words "Test connection" uses. The dialog then offers Quit instead of Cancel.
     */
    public void startFailed(Throwable failure, char[] password) {
        atStart.set(true);
        if (password.length > 0) {
            passwordFromUrl.accept(password);
        }
        Arrays.fill(password, '\0');
        busy.set(true);
        notice.set(Notice.info(messages.format("openCluster.testing", where())));
        controller.whyStartFailed(failure, answer -> {
            busy.set(false);
            notice.set(noticeOf(answer));
        });
    }

    /** Whether this is the dialog of a start whose cluster could not be opened (closing it quits). */
    public ReadOnlyBooleanProperty atStartProperty() {
        return atStart.getReadOnlyProperty();
    }

    /** The line above the form: what the dialog is for, at start or from the menu. */
    public StringBinding introProperty() {
        return Bindings.createStringBinding(() -> messages.get(atStart.get() ? "openCluster.intro.atStart"
                : "openCluster.intro"), atStart);
    }

    /** The button that closes the dialog without opening: Quit at start (there is no cluster to go back to). */
    public StringBinding closeTextProperty() {
        return Bindings.createStringBinding(() -> messages.get(atStart.get() ? "openCluster.quit" : "common.cancel"),
                atStart);
    }

    /** Fills the form with a cluster opened before (its password is typed again). */
    public void pick(ClusterLocation location) {
        if (location == null) {
            return;
        }
        store.set(location.store().kind());
        byFields.set(false);
        if (location.store().teamServer()) {
            url.set(controller.entryOf(location).url());
        }
        cluster.set(location.cluster());
        notice.set(location.store().teamServer()
                ? Notice.info(messages.format("openCluster.recentPicked", location.store().where())) : Notice.NONE);
    }

    /** A recent entry as the list shows it. */
    public String describe(ClusterLocation location) {
        return location.store().teamServer()
                ? messages.format("openCluster.recent.teamServer", location.cluster(), location.store().where())
                : messages.format("openCluster.recent.dataFolder", location.cluster());
    }

    /** The data folder's hint line. */
    public String dataFolderHint() {
        return messages.format("openCluster.dataFolder.hint", controller.dataFolderRoot());
    }

    /** The store's answer in plain words (a headline), then its own sentence. */
    Notice noticeOf(StoreAnswer answer) {
        String headline = answer.opened() ? messages.format("openCluster.verdict.OPENED", answer.location().cluster())
                : messages.getOr("openCluster.verdict." + answer.verdict(), messages.get("openCluster.verdict.FAILED"));
        String text = answer.detail().isEmpty() || answer.opened() ? headline : headline + "\n" + sentence(answer.detail());
        return answer.usable() ? Notice.info(text) : Notice.error(text, "");
    }

    private static String sentence(String detail) {
        String s = Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
        return s.endsWith(".") || s.endsWith(")") ? s : s + ".";
    }

    private String where() {
        if (store.get() == StorePlace.Kind.DATA_FOLDER) {
            return messages.get("openCluster.dataFolder").replace("_", "");
        }
        return byFields.get() ? controller.urlOf(request().server()).orElse("") : url.get().strip();
    }

    /** The URL field was left: a password typed into it goes to the masked field. */
    public void urlCommitted() {
        movePasswordOut(url.get());
    }

    private void movePasswordOut(String typed) {
        controller.splitPassword(typed).ifPresent(split -> {
            url.set(split.url());
            passwordFromUrl.accept(split.password());
            Arrays.fill(split.password(), '\0');
            notice.set(Notice.info(messages.get("openCluster.passwordMoved")));
        });
    }

    private void carryOver(boolean toFields) {
        if (toFields) {
            controller.fieldsOf(url.get()).ifPresent(f -> {
                host.set(f.host());
                port.set(f.port());
                database.set(f.database());
                user.set(f.user());
            });
        } else {
            controller.urlOf(ServerEntry.fields(host.get(), port.get(), database.get(), user.get())).ifPresent(url::set);
        }
    }

    public String title() {
        return messages.get("openCluster.title");
    }

    public ObjectProperty<StorePlace.Kind> storeProperty() {
        return store;
    }

    public BooleanBinding teamServerProperty() {
        return teamServer;
    }

    public BooleanProperty byFieldsProperty() {
        return byFields;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty clusterProperty() {
        return cluster;
    }

    /** The data folder's clusters, offered in the cluster field. */
    public ObservableList<String> clusterChoices() {
        return clusterChoices;
    }

    public ObservableList<ClusterLocation> recent() {
        return recent;
    }

    /** Why the input cannot be tried yet (the store's sentence), or empty. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding canTryProperty() {
        return canTry;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
