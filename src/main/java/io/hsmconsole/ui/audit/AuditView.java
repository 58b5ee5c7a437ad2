package io.hsmconsole.ui.audit;

import io.hsmconsole.controller.AuditController;
import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.text.AuditFormat;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.MinimumSizes;
import io.hsmconsole.ui.common.NoticeLabel;
import io.hsmconsole.ui.common.TimeText;
import io.hsmconsole.ui.common.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/** Binds the audit log screen to its view model. Ctrl+F jumps to the filter. */
public final class AuditView {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final AuditViewModel viewModel;
    private final Parent root;

    @FXML private BorderPane auditRoot;
    @FXML private Label filterLabel;
    @FXML private TextField filterField;
    @FXML private Button verifyButton;
    @FXML private Button csvButton;
    @FXML private Button jsonlButton;
    @FXML private Label verdictLabel;
    @FXML private Label noticeLabel;
    @FXML private Label tableLabel;
    @FXML private Label countLabel;
    @FXML private TableView<AuditLine> auditTable;
    @FXML private TableColumn<AuditLine, Object> seqColumn;
    @FXML private TableColumn<AuditLine, Object> timeColumn;
    @FXML private TableColumn<AuditLine, Object> nodeColumn;
    @FXML private TableColumn<AuditLine, Object> userColumn;
    @FXML private TableColumn<AuditLine, Object> commandColumn;
    @FXML private TableColumn<AuditLine, Object> argumentsColumn;
    @FXML private TableColumn<AuditLine, Object> resultColumn;

    public AuditView(AuditViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = Views.load(this, messages);
    }

    /** The screen over the console's controllers */
    public static AuditView create(Workspace workspace, ClusterController cluster, AuditController audit,
                                   Messages messages, DialogService dialogs) {
        return new AuditView(new AuditViewModel(workspace, cluster, audit, messages, dialogs, TimeText.local()), messages);
    }

    public Parent root() {
        return root;
    }

    public AuditViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        filterLabel.setLabelFor(filterField);
        tableLabel.setLabelFor(auditTable);
        filterField.setAccessibleText(filterLabel.getText().replace("_", ""));
        filterField.textProperty().bindBidirectional(viewModel.filterProperty());
        auditRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                filterField.requestFocus();
                e.consume();
            }
        });
        NoticeLabel.bind(verdictLabel, viewModel.verdictProperty());
        verdictLabel.setId("auditVerdict");
        NoticeLabel.bind(noticeLabel, viewModel.noticeProperty());
        noticeLabel.setId("auditNotice");
        countLabel.textProperty().bind(viewModel.countProperty());
        verifyButton.setOnAction(e -> viewModel.verify());
        csvButton.setOnAction(e -> viewModel.export(AuditFormat.CSV));
        jsonlButton.setOnAction(e -> viewModel.export(AuditFormat.JSONL));

        MinimumSizes.headersNeverCut(auditTable);
        Label empty = new Label();
        empty.setId("auditEmpty");
        empty.setWrapText(true);
        empty.textProperty().bind(viewModel.emptyTextProperty());
        auditTable.setPlaceholder(empty);
        auditTable.setItems(viewModel.shown());
        Views.column(seqColumn, AuditLine::seq);
        Views.column(timeColumn, AuditLine::time);
        Views.column(nodeColumn, AuditLine::node);
        Views.column(userColumn, AuditLine::user);
        Views.column(commandColumn, l -> l.row().command());
        Views.column(argumentsColumn, l -> l.row().arguments());
        Views.column(resultColumn, AuditLine::result);
        auditTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove("result-failure");
                if (!empty && line != null && !line.row().succeeded()) {
                    getStyleClass().add("result-failure");
                }
                // a long result ("... The user owns keys; ...") is cut in its column: the whole line on hover
                setTooltip(empty || line == null ? null : new Tooltip(line.row().command() + " " + line.row().arguments()
                        + "\n" + line.result()));
            }
        });
        viewModel.brokenAtProperty().addListener((obs, old, seq) -> showBroken(seq.longValue()));
    }

    /** Selects and scrolls to the first broken record, so the user sees where the chain breaks. */
    private void showBroken(long seq) {
        viewModel.shown().stream().filter(l -> l.seq() == seq).findFirst().ifPresent(line -> {
            auditTable.getSelectionModel().select(line);
            auditTable.scrollTo(line);
        });
    }
}
