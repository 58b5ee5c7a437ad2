package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.GenSymKeyField;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.controls.FieldNote;
import io.hsmconsole.ui.sharing.SharingView;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

import java.util.EnumMap;
import java.util.Map;

/**
 * The key-generation form. Binds every field to the view model, shows each field's problem inline
 * (a label under the field and a ControlsFX validation mark on it), and keeps Generate disabled
 * while there are any.
 */
public final class KeyGenView {
    private final KeyGenViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private final ValidationSupport validation = new ValidationSupport();
    private final Map<GenSymKeyField, Label> errorLabels = new EnumMap<>(GenSymKeyField.class);
    private final Map<GenSymKeyField, Control> fieldControls = new EnumMap<>(GenSymKeyField.class);
    private Stage stage;

    @FXML private ComboBox<FormKind> kindBox;
    @FXML private Pane kindNote;
    @FXML private ComboBox<KeyType> typeBox;
    @FXML private Label typeLabel;
    @FXML private Pane typeNote;
    @FXML private Label sizeLabel;
    @FXML private Pane sizeNote;
    @FXML private ComboBox<String> modulusBox;
    @FXML private Label modulusLabel;
    @FXML private Pane modulusNote;
    @FXML private Label modulusHint;
    @FXML private Label modulusError;
    @FXML private TextField exponentField;
    @FXML private Label exponentLabel;
    @FXML private Pane exponentNote;
    @FXML private Label exponentHint;
    @FXML private Label exponentError;
    @FXML private ComboBox<EcCurve> curveBox;
    @FXML private Label curveLabel;
    @FXML private Pane curveNote;
    @FXML private Label curveError;
    @FXML private ComboBox<String> sizeBox;
    @FXML private TextField labelField;
    @FXML private TextField idField;
    @FXML private CheckBox nexBox;
    @FXML private CheckBox sessBox;
    @FXML private TextField minSrvField;
    @FXML private TextField timeoutField;
    @FXML private Spinner<Integer> mValueSpinner;
    @FXML private CheckBox attestBox;
    @FXML private Label sizeHint;
    @FXML private Label minSrvHint;
    @FXML private Label mValueHint;
    @FXML private Label typeError;
    @FXML private Label sizeError;
    @FXML private Label labelError;
    @FXML private Label idError;
    @FXML private Label sessError;
    @FXML private Label minSrvError;
    @FXML private Label timeoutError;
    @FXML private Label mValueError;
    @FXML private Label attestError;
    @FXML private Label sharingError;
    @FXML private StackPane sharingHolder;
    @FXML private javafx.scene.control.ScrollPane formScroll;
    @FXML private TextField kmuPreview;
    @FXML private TextArea cliPreview;
    @FXML private Button copyKmuButton;
    @FXML private Button copyCliButton;
    @FXML private Pane progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Button cancelWaitButton;
    @FXML private Pane resultBox;
    @FXML private Label resultHeadline;
    @FXML private TextArea resultText;
    @FXML private Button generateButton;
    @FXML private Button closeButton;

    public KeyGenView(KeyGenViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = Views.load(this, messages);
    }

    @FXML
    private void initialize() {
        kindBox.getItems().setAll(FormKind.values());
        kindBox.setConverter(Views.converter(k -> messages.get(k.messageKey())));
        kindBox.valueProperty().bindBidirectional(viewModel.kindProperty());
        bindPairFields();
        typeBox.getItems().setAll(KeyType.values());
        typeBox.setCellFactory(list -> new TypeCell());
        typeBox.setButtonCell(new TypeCell());
        typeBox.valueProperty().bindBidirectional(viewModel.typeProperty());
        sizeBox.setItems(viewModel.sizeChoices());
        sizeBox.getEditor().textProperty().bindBidirectional(viewModel.sizeProperty());
        sizeBox.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.sizeProperty().set(now);
            }
        });
        sizeHint.textProperty().bind(viewModel.sizeHintProperty());
        labelField.textProperty().bindBidirectional(viewModel.labelProperty());
        idField.textProperty().bindBidirectional(viewModel.idProperty());
        nexBox.selectedProperty().bindBidirectional(viewModel.nonExtractableProperty());
        sessBox.selectedProperty().bindBidirectional(viewModel.sessionProperty());
        minSrvField.textProperty().bindBidirectional(viewModel.minSrvProperty());
        minSrvHint.textProperty().bind(viewModel.minSrvHintProperty());
        timeoutField.textProperty().bindBidirectional(viewModel.timeoutProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory mValues = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                0, MValue.MAX, 0);
        mValueSpinner.setValueFactory(mValues);
        mValues.valueProperty().bindBidirectional(viewModel.mValueProperty());
        mValueHint.textProperty().bind(viewModel.mValueHintProperty());
        attestBox.selectedProperty().bindBidirectional(viewModel.attestProperty());
        sharingHolder.getChildren().setAll(new SharingView(viewModel.sharing(), messages).root());

        kmuPreview.textProperty().bind(viewModel.commandPreviewProperty());
        cliPreview.textProperty().bind(viewModel.cliPreviewProperty());
        copyKmuButton.setOnAction(e -> Views.copy(kmuPreview.getText()));
        copyCliButton.setOnAction(e -> Views.copy(cliPreview.getText()));

        bindProblems();

        progressBox.visibleProperty().bind(viewModel.busyProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        cancelWaitButton.setOnAction(e -> viewModel.cancel());
        resultBox.visibleProperty().bind(viewModel.resultOkProperty().isNotNull());
        resultBox.managedProperty().bind(resultBox.visibleProperty());
        resultHeadline.textProperty().bind(viewModel.resultHeadlineProperty());
        resultText.textProperty().bind(viewModel.resultTextProperty());
        viewModel.resultOkProperty().addListener((obs, old, ok) -> resultHeadline.getStyleClass()
                .setAll("label", Boolean.TRUE.equals(ok) ? "result-ok" : "result-failed"));
        generateButton.disableProperty().bind(viewModel.canGenerateProperty().not());
        generateButton.setOnAction(e -> viewModel.generate());
    }

    /** The pair's fields show for their kind only; the symmetric type and size for a symmetric key. */
    private void bindPairFields() {
        PairPart pair = viewModel.pair();
        ObjectProperty<FormKind> kind = viewModel.kindProperty();
        modulusBox.getItems().setAll(pair.suggestedModuli(kind.get()));
        kind.addListener((obs, old, now) -> modulusBox.getItems().setAll(pair.suggestedModuli(now)));
        modulusBox.getEditor().textProperty().bindBidirectional(pair.modulusProperty());
        modulusBox.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                pair.modulusProperty().set(now);
            }
        });
        modulusHint.textProperty().bind(Bindings.createStringBinding(() -> pair.modulusHint(kind.get()), kind));
        exponentField.textProperty().bindBidirectional(pair.exponentProperty());
        exponentHint.setText(pair.exponentHint());
        curveBox.getItems().setAll(pair.curves());
        curveBox.setCellFactory(list -> new CurveCell());
        curveBox.setButtonCell(new CurveCell());
        curveBox.valueProperty().bindBidirectional(pair.curveProperty());
        Views.showWhen(kind.isEqualTo(FormKind.SYMMETRIC), typeBox, typeLabel, typeNote, sizeBox, sizeLabel, sizeNote);
        Views.showWhen(kind.isEqualTo(FormKind.RSA).or(kind.isEqualTo(FormKind.DSA)), modulusBox, modulusLabel, modulusNote);
        Views.showWhen(kind.isEqualTo(FormKind.RSA), exponentField, exponentLabel, exponentNote);
        Views.showWhen(kind.isEqualTo(FormKind.EC), curveBox, curveLabel, curveNote);
        Views.showWhen(kind.isNotEqualTo(FormKind.SYMMETRIC), kindNote); // what a pair is; a secret key needs no words
    }

    private void bindProblems() {
        errorLabels.putAll(Map.of(GenSymKeyField.MODULUS, modulusError, GenSymKeyField.EXPONENT, exponentError,
                GenSymKeyField.CURVE, curveError));
        fieldControls.putAll(Map.of(GenSymKeyField.MODULUS, modulusBox, GenSymKeyField.EXPONENT, exponentField,
                GenSymKeyField.CURVE, curveBox));
        errorLabels.putAll(Map.of(GenSymKeyField.TYPE, typeError, GenSymKeyField.SIZE, sizeError,
                GenSymKeyField.LABEL, labelError, GenSymKeyField.ID, idError, GenSymKeyField.SESSION, sessError,
                GenSymKeyField.MIN_SRV, minSrvError, GenSymKeyField.TIMEOUT, timeoutError,
                GenSymKeyField.M_VALUE, mValueError, GenSymKeyField.ATTEST, attestError,
                GenSymKeyField.SHARING, sharingError));
        fieldControls.putAll(Map.of(GenSymKeyField.TYPE, typeBox, GenSymKeyField.SIZE, sizeBox,
                GenSymKeyField.LABEL, labelField, GenSymKeyField.ID, idField, GenSymKeyField.SESSION, sessBox,
                GenSymKeyField.MIN_SRV, minSrvField, GenSymKeyField.TIMEOUT, timeoutField,
                GenSymKeyField.M_VALUE, mValueSpinner, GenSymKeyField.ATTEST, attestBox));
        errorLabels.forEach((field, label) -> FieldNote.bind(label, Bindings.valueAt(viewModel.problems(), field),
                field == GenSymKeyField.MIN_SRV ? viewModel.minSrvWarningProperty() : null));
        fieldControls.forEach((field, control) -> validation.registerValidator(control, false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, viewModel.problems().get(field),
                        viewModel.problems().containsKey(field))));
        viewModel.problems().addListener((MapChangeListener<GenSymKeyField, String>) change -> validation.revalidate());
    }


    /** Opens the form as a window of its own beside the main window. */
    public Stage show(Window owner, Themes themes, DialogService dialogs) {
        stage = Views.window(owner, messages.get("keygen.title"), root, themes, false);
        stage.setOnCloseRequest(e -> {
            if (!viewModel.mayClose(dialogs)) {
                e.consume(); // the user keeps the wait, or what they typed
            }
        });
        closeButton.setOnAction(e -> {
            if (viewModel.mayClose(dialogs)) {
                stage.close();
            }
        });
        // Tab (or a mnemonic) to a field below the fold scrolls it into view: the form is taller than a small window.
        stage.getScene().focusOwnerProperty().addListener((obs, old, now) -> scrollIntoView(now));
        stage.show();
        labelField.requestFocus();
        return stage;
    }

    private void scrollIntoView(javafx.scene.Node node) {
        javafx.scene.Node content = formScroll.getContent();
        if (node == null || content == null || !isInside(node, content)) {
            return;
        }
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = formScroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = formScroll.getVvalue() * (contentHeight - viewport);
        double newTop = b.getMinY() < top ? b.getMinY() : b.getMaxY() > top + viewport ? b.getMaxY() - viewport : top;
        formScroll.setVvalue(newTop / (contentHeight - viewport));
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node ancestor) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Curves with their KMU id; curves the cluster refuses are disabled with the reason. */
    private final class CurveCell extends ListCell<EcCurve> {
        @Override
        protected void updateItem(EcCurve curve, boolean empty) {
            super.updateItem(curve, empty);
            if (empty || curve == null) {
                setText(null);
                setDisable(false);
                setTooltip(null);
                return;
            }
            var refusal = viewModel.pair().curveRefusal(curve);
            setText(messages.format("keygen.curve.option", curve.curveName(), curve.id())
                    + refusal.map(r -> " \u2014 " + r).orElse(""));
            setDisable(refusal.isPresent());
            setTooltip(refusal.map(Tooltip::new).orElse(null));
        }
    }

    /** Key types with their KMU constant; types the cluster refuses are disabled with the reason. */
    private final class TypeCell extends ListCell<KeyType> {
        @Override
        protected void updateItem(KeyType type, boolean empty) {
            super.updateItem(type, empty);
            if (empty || type == null) {
                setText(null);
                setDisable(false);
                setTooltip(null);
                return;
            }
            setText(messages.format("keygen.type.option", type.displayName(), type.code()));
            var refusal = viewModel.typeRefusal(type);
            setDisable(refusal.isPresent());
            setTooltip(refusal.map(Tooltip::new).orElse(null));
            if (refusal.isPresent()) {
                setText(getText() + " \u2014 " + refusal.get());
            }
        }
    }
}
