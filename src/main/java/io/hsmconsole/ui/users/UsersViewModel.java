package io.hsmconsole.ui.users;

import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.ClusterSnapshot;
import io.hsmconsole.controller.SessionInfo;
import io.hsmconsole.controller.UserAdminController;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.user.Credentials;
import io.hsmconsole.hsm.user.UserAction;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import io.hsmconsole.ui.common.Notices;
import io.hsmconsole.ui.common.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Users screen: the listUsers table, kept live, and for a crypto officer the create, delete,
 * change-password and unlock actions (unlock is a password change, as on the HSM). A crypto user
 * sees the table read-only and may change only their own password. Which actions are offered is
 * the simulator's answer ({@code UserAdministration.may}); whatever it still refuses when the action
 * runs (a user who owns keys, a taken name) is shown with its return code.
 */
public final class UsersViewModel {
    /** Which form the side pane shows. */
    public enum Form { NONE, CREATE, CHANGE_PASSWORD }

    private final Workspace workspace;
    private final UserAdminController users;
    private final Messages messages;
    private final DialogService dialogs;
    private final Notices notices;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ObservableList<UserInfo> rows = FXCollections.observableArrayList();
    private final ObjectProperty<UserInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    private final ReadOnlyObjectWrapper<Form> form = new ReadOnlyObjectWrapper<>(this, "form", Form.NONE);
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle", "");
    private final ReadOnlyStringWrapper accessHint = new ReadOnlyStringWrapper(this, "accessHint", "");
    private final ObjectProperty<UserType> newUserType = new SimpleObjectProperty<>(this, "newUserType", UserType.CU);
    private final StringProperty newUserName = new SimpleStringProperty(this, "newUserName", "");
    private final BooleanBinding canCreate;
    private final BooleanBinding canDelete;
    private final BooleanBinding canChangePassword;
    private final BooleanBinding canUnlock;
    private final UserActionReasons reasons;
    private final StringBinding whyNoCreate;
    private final StringBinding whyNoDelete;
    private final StringBinding whyNoChangePassword;
    private final StringBinding whyNoUnlock;
    /** The user whose password the open form changes (fixed when the form opens). */
    private UserInfo passwordTarget;

    public UsersViewModel(Workspace workspace, ClusterController cluster, UserAdminController users, Messages messages,
                          DialogService dialogs) {
        this.workspace = workspace;
        this.users = users;
        this.messages = messages;
        this.dialogs = dialogs;
        this.notices = new Notices(messages);
        this.reasons = new UserActionReasons(users, messages);
        // Each button is enabled exactly when its reason is empty: the simulator's answer, in words.
        whyNoCreate = Bindings.createStringBinding(() -> reasons.whyNoCreate(creatableTypes()),
                workspace.sessionInfoProperty());
        whyNoDelete = Bindings.createStringBinding(() -> reasons.whyNot(UserAction.DELETE, selected.get()),
                selected, workspace.sessionInfoProperty());
        whyNoChangePassword = Bindings.createStringBinding(() -> reasons.whyNot(UserAction.CHANGE_PASSWORD,
                selected.get()), selected, workspace.sessionInfoProperty());
        whyNoUnlock = Bindings.createStringBinding(() -> reasons.whyNoUnlock(selected.get()), selected,
                workspace.sessionInfoProperty());
        canCreate = whyNoCreate.isEmpty();
        canDelete = whyNoDelete.isEmpty();
        canChangePassword = whyNoChangePassword.isEmpty();
        canUnlock = whyNoUnlock.isEmpty();
        subscriptions.onChange(workspace.sessionInfoProperty(), (obs, old, now) -> sessionChanged());
        subscriptions.onChange(cluster.snapshotProperty(), (obs, old, now) -> show(now));
        sessionChanged();
        show(cluster.snapshotProperty().get());
    }

    /** The user types the create form offers: those the simulator lets an officer create. */
    public List<UserType> creatableTypes() {
        return UserAdminController.creatableTypes();
    }

    /** The password rule the forms state, with the simulator's limits. */
    public String passwordHint() {
        return messages.format("users.form.password.hint", Credentials.MIN_PASSWORD, Credentials.MAX_PASSWORD);
    }

    /** Stops following the cluster: the window showing this closed. */
    public void detach() {
        subscriptions.close();
    }

    private Optional<SessionInfo> session() {
        return workspace.sessionInfo();
    }

    private void sessionChanged() {
        accessHint.set(session().map(s -> s.role().isOfficer()
                        ? messages.format("users.access.officer", s.userName())
                        : messages.format("users.access.readOnly", s.userName(), s.role().name()))
                .orElse(messages.get("users.access.none")));
        closeForm();
        selectOwnRowIfReadOnly();
    }

    /**
     * A crypto user can do one thing here, change their own password (the hint says so): their own row
     * starts selected, so that "Change password…" works at once instead of waiting for a selection.
     */
    private void selectOwnRowIfReadOnly() {
        session().filter(s -> !s.role().isOfficer()).filter(s -> selected.get() == null)
                .flatMap(s -> rows.stream().filter(u -> u.id() == s.userId()).findFirst())
                .ifPresent(selected::set);
    }

    private void show(ClusterSnapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        Integer keep = selected.get() == null ? null : selected.get().id();
        rows.setAll(snapshot.users());
        selected.set(keep == null ? null : rows.stream().filter(u -> u.id() == keep).findFirst().orElse(null));
        selectOwnRowIfReadOnly();
    }

    // ---- forms ----

    public void openCreate() {
        if (!canCreate.get()) {
            return;
        }
        newUserType.set(UserType.CU);
        newUserName.set("");
        formTitle.set(messages.get("users.form.create.title"));
        form.set(Form.CREATE);
    }

    public void openChangePassword() {
        openPasswordForm(canChangePassword.get(), "users.form.password.title");
    }

    /** Unlocking is changing the password: the HSM resets the failed-login count with it. */
    public void openUnlock() {
        openPasswordForm(canUnlock.get(), "users.form.unlock.title");
    }

    private void openPasswordForm(boolean allowed, String titleKey) {
        if (!allowed) {
            return;
        }
        passwordTarget = selected.get();
        formTitle.set(messages.format(titleKey, passwordTarget.name(), passwordTarget.id()));
        form.set(Form.CHANGE_PASSWORD);
    }

    public void closeForm() {
        form.set(Form.NONE);
        passwordTarget = null;
    }

    /**
     * Creates the user. Both arrays are wiped before this returns (the controller keeps its own
     * copy until the simulator has hashed it).
     */
    public void create(char[] password, char[] repeated) {
        if (!samePassword(password, repeated)) {
            return;
        }
        UserType type = newUserType.get();
        String name = newUserName.get() == null ? "" : newUserName.get().strip();
        users.createUser(type, name, password, result -> {
            notice.set(notices.of(result, messages.format("users.action.create", type, name),
                    result.isSuccess() ? messages.format("users.done.create", type, result.value().name(),
                            result.value().id()) : ""));
            if (result.isSuccess()) {
                closeForm();
            }
        });
    }

    /** Sets the password of the user the form was opened for. Both arrays are wiped before this returns. */
    public void changePassword(char[] password, char[] repeated) {
        UserInfo target = passwordTarget;
        if (target == null) {
            wipe(password, repeated);
            return;
        }
        if (!samePassword(password, repeated)) {
            return;
        }
        users.changePassword(target.type(), target.name(), password, result -> {
            notice.set(notices.of(result, messages.format("users.action.password", target.name()),
                    messages.format(target.locked() ? "users.done.unlock" : "users.done.password", target.name())));
            if (result.isSuccess()) {
                closeForm();
            }
        });
    }

    /** Deletes the selected user after asking. */
    public void delete() {
        UserInfo target = selected.get();
        if (!canDelete.get() || !dialogs.confirm(messages.format("users.delete.title", target.name()),
                messages.format("users.delete.question", target.name(), target.id(), target.type()))) {
            return;
        }
        users.deleteUser(target.type(), target.name(), result -> notice.set(notices.of(result,
                messages.format("users.action.delete", target.name()), messages.format("users.done.delete", target.name()))));
    }

    /** The two entries must match; the repeated one is always wiped, the first one too when they differ. */
    private boolean samePassword(char[] password, char[] repeated) {
        boolean same = Arrays.equals(password, repeated);
        Arrays.fill(repeated, '\0');
        if (!same) {
            Arrays.fill(password, '\0');
            notice.set(notices.invalidInput(messages.get("users.password.mismatch")));
        }
        return same;
    }

    private static void wipe(char[]... secrets) {
        for (char[] s : secrets) {
            Arrays.fill(s, '\0');
        }
    }

    // ---- table texts ----

    public String typeText(UserInfo u) {
        return u.type().name();
    }

    /** {@code YES}/{@code NO}, as listUsers prints MofnPubKey and 2FA. */
    public String yesNo(boolean value) {
        return messages.get(value ? "users.yes" : "users.no");
    }

    public String lockedText(UserInfo u) {
        return messages.get(u.locked() ? "users.locked.yes" : "users.locked.no");
    }

    // ---- properties ----

    public ObservableList<UserInfo> rows() {
        return rows;
    }

    public ObjectProperty<UserInfo> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Form> formProperty() {
        return form.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formTitleProperty() {
        return formTitle.getReadOnlyProperty();
    }

    /** Who is logged in and what they may do here. */
    public ReadOnlyStringProperty accessHintProperty() {
        return accessHint.getReadOnlyProperty();
    }

    public ObjectProperty<UserType> newUserTypeProperty() {
        return newUserType;
    }

    public StringProperty newUserNameProperty() {
        return newUserName;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    public BooleanBinding canChangePasswordProperty() {
        return canChangePassword;
    }

    public BooleanBinding canUnlockProperty() {
        return canUnlock;
    }

    /** Why Create is disabled (empty: it is not). */
    public StringBinding whyNoCreateProperty() {
        return whyNoCreate;
    }

    public StringBinding whyNoDeleteProperty() {
        return whyNoDelete;
    }

    public StringBinding whyNoChangePasswordProperty() {
        return whyNoChangePassword;
    }

    public StringBinding whyNoUnlockProperty() {
        return whyNoUnlock;
    }
}
