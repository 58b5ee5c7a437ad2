package io.hsmconsole.ui.inspector;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.MinimumSizes;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.common.WhyDisabled;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;


/**
 * The attribute inspector. The "Change" column holds a check box or a text field where the
 * simulator lets this user change the attribute, and "read-only" with the simulator's reason as a
 * tooltip (and accessible text) everywhere else.
 */
public final class InspectorView {
    private final InspectorViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    @FXML private Label headingLabel;
    @FXML private Label ownerValue;
    @FXML private Label sharedValue;
    @FXML private Label quorumValue;
    @FXML private Label approversValue;
    @FXML private Label nodesValue;
    @FXML private Button saveButton;
    @FXML private Button shareButton;
    @FXML private Button compareButton;
    @FXML private TableView<AttributeRowModel> attributeTable;
    @FXML private TableColumn<AttributeRowModel, Object> nameColumn;
    @FXML private TableColumn<AttributeRowModel, Object> constantColumn;
    @FXML private TableColumn<AttributeRowModel, Object> valueColumn;
    @FXML private TableColumn<AttributeRowModel, AttributeRowModel> changeColumn;
    @FXML private TableColumn<AttributeRowModel, Object> meaningColumn;
    @FXML private Label statusLabel;
    @FXML private TabPane tabs;
    @FXML private Tab tryTab;
    @FXML private Tab publicKeyTab;
    @FXML private ScrollPane publicKeyHolder;
    @FXML private javafx.scene.control.Hyperlink otherHalfFact;
    @FXML private Label otherHalfFactLabel;
    @FXML private ScrollPane tryHolder;

    public InspectorView(InspectorViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = Views.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        headingLabel.textProperty().bind(viewModel.headingProperty());
        ownerValue.textProperty().bind(viewModel.ownerProperty());
        sharedValue.textProperty().bind(viewModel.sharedWithProperty());
        quorumValue.textProperty().bind(viewModel.quorumProperty());
        approversValue.textProperty().bind(viewModel.approversProperty());
        nodesValue.textProperty().bind(viewModel.nodesProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        saveButton.disableProperty().bind(viewModel.hasKeyProperty().not());
        saveButton.setOnAction(e -> viewModel.saveKmuAttributeFile());
        WhyDisabled.bind(shareButton, viewModel.whyNoSharingProperty());
        attributeTable.setItems(viewModel.rows());
        Views.column(nameColumn, AttributeRowModel::constantName);
        Views.column(constantColumn, AttributeRowModel::constant);
        Views.column(valueColumn, AttributeRowModel::kmuValue);
        Views.column(meaningColumn, AttributeRowModel::meaning);
        changeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        changeColumn.setCellFactory(c -> new ChangeCell());
        valueColumn.setCellFactory(c -> new MonoCell());
        meaningColumn.setCellFactory(c -> new MeaningCell());
        MinimumSizes.table(attributeTable, 3);
        tabs.setMinHeight(attributeTable.getMinHeight() + 2.5 * MinimumSizes.em()); // the tab strip above it
        // An attribute's name is what the row is about: never "OBJ_ATTR_..." (the meaning may be cut, it has a tooltip).
        nameColumn.setMinWidth(java.util.Arrays.stream(Attribute.values())
                .mapToDouble(a -> MinimumSizes.textWidth(a.kmuName())).max().orElse(0));
        // The widest KMU value that is a number: a VALUE_LEN of 0x00000020 is never cut to "0x00000...".
        valueColumn.setMinWidth(Math.max(valueColumn.getMinWidth(), MinimumSizes.monoWidth("0x00000000")));
    }

    /** Wires the buttons that open other windows (the main view owns those). */
    public void onShare(Runnable action) {
        shareButton.setOnAction(e -> action.run());
    }

    /** Compare works on the key list's selection, which the main view knows: it says why it cannot. */
    public void onCompare(Runnable action, javafx.beans.value.ObservableStringValue whyNot) {
        compareButton.setOnAction(e -> action.run());
        WhyDisabled.bind(compareButton, whyNot);
    }

    /** The "try the key" panel, in the tab beside the attributes (the main view builds it). */
    public void showTryKey(Parent panel) {
        tryHolder.setContent(panel);
    }

    /**
     * The key pair's facts: the "Public key" tab (PEM, fingerprint, other half) and, among the facts,
     * a link to the other half. Both show only while the inspected key is half of a pair.
     */
    public void showPublicKey(PublicKeyViewModel publicKey) {
        publicKeyHolder.setContent(new PublicKeyView(publicKey, messages).root());
        otherHalfFact.textProperty().bind(publicKey.otherHalfProperty());
        otherHalfFact.disableProperty().bind(publicKey.otherHalfHandleProperty().isNull());
        otherHalfFact.setOnAction(e -> publicKey.goToOtherHalf());
        Views.showWhen(publicKey.isPairProperty(), otherHalfFact, otherHalfFactLabel);
    }

    /** Brings the "Public key" tab to the front. */
    public void selectPublicKey() {
        tabs.getSelectionModel().select(publicKeyTab);
    }

    /** Brings the "try the key" tab to the front. */
    public void selectTryKey() {
        tabs.getSelectionModel().select(tryTab);
    }


    /** A KMU value; a long one (a label) may be cut by the column, so the whole value is its tooltip. */
    private static final class MonoCell extends TableCell<AttributeRowModel, Object> {
        MonoCell() {
            getStyleClass().add("mono");
        }

        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            String text = empty || value == null ? null : value.toString();
            setText(text);
            setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
        }
    }

    /** Meanings can be longer than the column: the whole sentence is in the tooltip. */
    private static final class MeaningCell extends TableCell<AttributeRowModel, Object> {
        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            String text = empty || value == null ? null : value.toString();
            setText(text);
            setTooltip(text == null ? null : new Tooltip(text));
        }
    }

    /** The editor where changing is allowed, the reason where it is not. */
    private final class ChangeCell extends TableCell<AttributeRowModel, AttributeRowModel> {
        @Override
        protected void updateItem(AttributeRowModel row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            setGraphic(null);
            setTooltip(null);
            if (empty || row == null) {
                return;
            }
            if (!row.editable()) {
                Label readOnly = new Label(messages.get("inspector.readOnly.short"));
                readOnly.getStyleClass().add("read-only");
                readOnly.setAccessibleText(row.reasonNotEditable());
                setGraphic(readOnly);
                setTooltip(new Tooltip(row.reasonNotEditable()));
            } else if (row.isBoolean()) {
                CheckBox box = new CheckBox();
                // The text says the state the box shows: "off" when unticked, never "on" beside an empty box.
                String suffix = row.needsApprovals() ? ".quorum" : "";
                box.textProperty().bind(javafx.beans.binding.Bindings.when(box.selectedProperty())
                        .then(messages.get("inspector.flag.on" + suffix)).otherwise(messages.get("inspector.flag.off" + suffix)));
                box.setSelected(row.isTrue());
                box.setId("edit-" + row.attribute().name());
                box.setAccessibleText(messages.format("inspector.flag.access", row.constantName()));
                box.setOnAction(e -> viewModel.setFlag(row.attribute(), box.isSelected()));
                setGraphic(box);
            } else if (row.attribute() == Attribute.LABEL) {
                TextField field = new TextField(row.text());
                field.setId("edit-LABEL");
                field.setPromptText(messages.get("inspector.label.prompt"));
                field.setAccessibleText(messages.get("inspector.label.access"));
                field.setOnAction(e -> viewModel.setLabel(field.getText()));
                setGraphic(field);
                setTooltip(new Tooltip(messages.get("inspector.label.tip")));
            }
            if (row.needsApprovals() && getGraphic() != null) {
                // The editor works, but the HSM will ask the key's quorum first: say so where the user looks.
                getGraphic().getStyleClass().add("needs-approval");
                setTooltip(new Tooltip(row.approvalNote()));
                getGraphic().setAccessibleHelp(row.approvalNote());
            }
        }
    }
}
