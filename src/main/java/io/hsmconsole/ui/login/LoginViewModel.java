package io.hsmconsole.ui.login;

import io.hsmconsole.controller.LoginOutcome;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The login dialog: which cluster, which user, and the outcome in words - a wrong password with how
 * many failures are left before the simulator locks the account, a locked account, an unknown
 * user. The password itself never lives here: the view hands a char array over and wipes it.
 * A demo cluster's documented passwords are offered as a hint (product spec §2.2).
 */
public final class LoginViewModel {
    private final SessionController sessions;
    private final Messages messages;
    private final HsmErrors errors;
    private final ObservableList<String> clusters = FXCollections.observableArrayList();
    private final ObjectProperty<String> cluster = new SimpleObjectProperty<>(this, "cluster");
    private final StringProperty userName = new SimpleStringProperty(this, "userName", "");
    private final BooleanProperty passwordEntered = new SimpleBooleanProperty(this, "passwordEntered");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding demoCluster;
    private final BooleanBinding canLogIn;
    private Runnable openCluster;

    public LoginViewModel(SessionController sessions, Messages messages) {
        this.sessions = sessions;
        this.messages = messages;
        this.errors = new HsmErrors(messages);
        clusters.setAll(sessions.clusterNames());
        cluster.set(sessions.openClusterName());
        demoCluster = Bindings.createBooleanBinding(() -> sessions.isDemoCluster(cluster.get()), cluster);
        canLogIn = Bindings.createBooleanBinding(() -> cluster.get() != null && !userName.get().isBlank()
                && passwordEntered.get() && !busy.get(), cluster, userName, passwordEntered, busy);
    }

    /**
     * Logs in with this password (wiped by the time this returns) and runs {@code onSuccess} when
     * the simulator accepts it; otherwise the error says why.
     */
    public void logIn(char[] password, Runnable onSuccess) {
        if (!canLogIn.get()) {
            java.util.Arrays.fill(password, '\0');
            return;
        }
        busy.set(true);
        error.set("");
        String user = userName.get().trim();
        sessions.login(cluster.get(), user, password, outcome -> {
            busy.set(false);
            if (outcome.result().isSuccess()) {
                onSuccess.run();
            } else {
                error.set(explain(user, outcome));
            }
        });
    }

    private String explain(String user, LoginOutcome outcome) {
        ReturnCode code = outcome.result().code();
        String sentence = code == ReturnCode.LOGIN_FAILURE
                ? messages.format("login.error.wrongPassword", user, outcome.failedLogins(), outcome.lockoutAfter())
                : code == ReturnCode.USER_NOT_FOUND ? messages.format("login.error.unknownUser", user, cluster.get())
                : errors.sentence(code);
        return sentence + "\n" + errors.codeLine(code, sentence);
    }

    /** Offers "Open cluster…" from the login dialog: the cluster may live elsewhere (another store). */
    public void offerOpenCluster(Runnable openCluster) {
        this.openCluster = openCluster;
    }

    public boolean mayOpenCluster() {
        return openCluster != null;
    }

    /** The user chose another store or cluster: the dialog closes and the "Open cluster" dialog takes over. */
    public void openCluster() {
        if (openCluster != null) {
            openCluster.run();
        }
    }

    public String demoHint() {
        return messages.get("login.demoHint");
    }

    public ObservableList<String> clusters() {
        return clusters;
    }

    public ObjectProperty<String> clusterProperty() {
        return cluster;
    }

    public StringProperty userNameProperty() {
        return userName;
    }

    /** The view says whether the password field holds anything (never what). */
    public BooleanProperty passwordEnteredProperty() {
        return passwordEntered;
    }

    public BooleanBinding demoClusterProperty() {
        return demoCluster;
    }

    public BooleanBinding canLogInProperty() {
        return canLogIn;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
