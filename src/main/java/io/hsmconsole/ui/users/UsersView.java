package io.hsmconsole.ui.users;

import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.UserAdminController;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.MinimumSizes;
import io.hsmconsole.ui.common.NoticeLabel;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.common.WhyDisabled;
import io.hsmconsole.ui.controls.SecurePasswordField;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the Users screen to its view model; the password fields are wiped after every submit or cancel. */
public final class UsersView {
    private final UsersViewModel viewModel;
    private final Parent root;

    @FXML private Label accessLabel;
    @FXML private Label noticeLabel;
    @FXML private Label tableLabel;
    @FXML private Button createButton;
    @FXML private Button passwordButton;
    @FXML private Button unlockButton;
    @FXML private Button deleteButton;
    @FXML private TableView<UserInfo> userTable;
    @FXML private TableColumn<UserInfo, Object> idColumn;
    @FXML private TableColumn<UserInfo, Object> typeColumn;
    @FXML private TableColumn<UserInfo, Object> nameColumn;
    @FXML private TableColumn<UserInfo, Object> mofnColumn;
    @FXML private TableColumn<UserInfo, Object> failuresColumn;
    @FXML private TableColumn<UserInfo, Object> twoFactorColumn;
    @FXML private TableColumn<UserInfo, Object> lockedColumn;
    @FXML private VBox createForm;
    @FXML private Label createTitle;
    @FXML private Label createHint;
    @FXML private Label passwordHint;
    @FXML private Label typeLabel;
    @FXML private ComboBox<UserType> typeChoice;
    @FXML private Label nameLabel;
    @FXML private TextField nameField;
    @FXML private Label createPasswordLabel;
    @FXML private SecurePasswordField createPassword;
    @FXML private Label createRepeatLabel;
    @FXML private SecurePasswordField createRepeat;
    @FXML private Button createSubmit;
    @FXML private Button createCancel;
    @FXML private VBox passwordForm;
    @FXML private Label passwordTitle;
    @FXML private Label newPasswordLabel;
    @FXML private SecurePasswordField newPassword;
    @FXML private Label newRepeatLabel;
    @FXML private SecurePasswordField newRepeat;
    @FXML private Button passwordSubmit;
    @FXML private Button passwordCancel;

    public UsersView(UsersViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = Views.load(this, messages);
    }

    /** The screen over the console's controllers */
    public static UsersView create(Workspace workspace, ClusterController cluster, UserAdminController users,
                                   Messages messages, DialogService dialogs) {
        return new UsersView(new UsersViewModel(workspace, cluster, users, messages, dialogs), messages);
    }

    public Parent root() {
        return root;
    }

    public UsersViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        accessLabel.textProperty().bind(viewModel.accessHintProperty());
        NoticeLabel.bind(noticeLabel, viewModel.noticeProperty());
        noticeLabel.setId("usersNotice");
        tableLabel.setLabelFor(userTable);

        MinimumSizes.headersNeverCut(userTable);
        userTable.setItems(viewModel.rows());
        Views.column(idColumn, UserInfo::id);
        Views.column(typeColumn, viewModel::typeText);
        Views.column(nameColumn, UserInfo::name);
        Views.column(mofnColumn, u -> viewModel.yesNo(u.quorumKeyRegistered()));
        Views.column(failuresColumn, UserInfo::loginFailures);
        Views.column(twoFactorColumn, u -> viewModel.yesNo(u.twoFactor()));
        Views.column(lockedColumn, viewModel::lockedText);
        // Two-way selection: the live refresh re-selects the same user by id.
        userTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null || !viewModel.rows().contains(viewModel.selectedProperty().get())) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (userTable.getSelectionModel().getSelectedItem() != now) {
                userTable.getSelectionModel().select(now);
            }
        });
        if (viewModel.selectedProperty().get() != null) { // chosen before the table was there (a crypto user's own row)
            userTable.getSelectionModel().select(viewModel.selectedProperty().get());
        }

        WhyDisabled.bind(createButton, viewModel.whyNoCreateProperty());
        WhyDisabled.bind(passwordButton, viewModel.whyNoChangePasswordProperty());
        WhyDisabled.bind(unlockButton, viewModel.whyNoUnlockProperty());
        WhyDisabled.bind(deleteButton, viewModel.whyNoDeleteProperty());
        createButton.setOnAction(e -> viewModel.openCreate());
        passwordButton.setOnAction(e -> viewModel.openChangePassword());
        unlockButton.setOnAction(e -> viewModel.openUnlock());
        deleteButton.setOnAction(e -> viewModel.delete());

        typeChoice.setItems(FXCollections.observableArrayList(viewModel.creatableTypes()));
        createHint.setText(viewModel.passwordHint());
        passwordHint.setText(viewModel.passwordHint());
        typeChoice.valueProperty().bindBidirectional(viewModel.newUserTypeProperty());
        nameField.textProperty().bindBidirectional(viewModel.newUserNameProperty());
        createTitle.textProperty().bind(viewModel.formTitleProperty());
        passwordTitle.textProperty().bind(viewModel.formTitleProperty());
        typeLabel.setLabelFor(typeChoice);
        nameLabel.setLabelFor(nameField);
        createPasswordLabel.setLabelFor(createPassword);
        createRepeatLabel.setLabelFor(createRepeat);
        newPasswordLabel.setLabelFor(newPassword);
        newRepeatLabel.setLabelFor(newRepeat);
        createPassword.setAccessibleText(createPasswordLabel.getText());
        createRepeat.setAccessibleText(createRepeatLabel.getText());
        newPassword.setAccessibleText(newPasswordLabel.getText());
        newRepeat.setAccessibleText(newRepeatLabel.getText());
        createSubmit.setOnAction(e -> {
            viewModel.create(createPassword.password(), createRepeat.password());
            wipe();
        });
        passwordSubmit.setOnAction(e -> {
            viewModel.changePassword(newPassword.password(), newRepeat.password());
            wipe();
        });
        createCancel.setOnAction(e -> viewModel.closeForm());
        // Enter and Escape belong to whichever form is showing.
        createSubmit.defaultButtonProperty().bind(createForm.visibleProperty());
        createCancel.cancelButtonProperty().bind(createForm.visibleProperty());
        passwordSubmit.defaultButtonProperty().bind(passwordForm.visibleProperty());
        passwordCancel.cancelButtonProperty().bind(passwordForm.visibleProperty());
        passwordCancel.setOnAction(e -> viewModel.closeForm());

        showForm(viewModel.formProperty().get());
        viewModel.formProperty().addListener((obs, old, now) -> showForm(now));
    }

    private void showForm(UsersViewModel.Form form) {
        wipe();
        show(createForm, form == UsersViewModel.Form.CREATE);
        show(passwordForm, form == UsersViewModel.Form.CHANGE_PASSWORD);
        if (form == UsersViewModel.Form.CREATE) {
            Platform.runLater(nameField::requestFocus);
        } else if (form == UsersViewModel.Form.CHANGE_PASSWORD) {
            Platform.runLater(newPassword::requestFocus);
        }
    }

    private void wipe() {
        createPassword.wipe();
        createRepeat.wipe();
        newPassword.wipe();
        newRepeat.wipe();
    }

    private static void show(VBox form, boolean visible) {
        form.setVisible(visible);
        form.setManaged(visible);
    }
}
