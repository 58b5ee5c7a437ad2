package io.hsmconsole.ui.inspector;

import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.MinimumSizes;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.common.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;


/** Two keys side by side; lines that differ are marked (style class {@code differs}). */
public final class CompareView {
    private final CompareViewModel viewModel;
    private final Parent root;
    private Stage stage;

    @FXML private Label headingLabel;
    @FXML private Label summaryLabel;
    @FXML private TableView<CompareViewModel.Line> lineTable;
    @FXML private TableColumn<CompareViewModel.Line, String> nameColumn;
    @FXML private TableColumn<CompareViewModel.Line, String> leftColumn;
    @FXML private TableColumn<CompareViewModel.Line, String> rightColumn;
    @FXML private Button closeButton;

    public CompareView(CompareViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = Views.load(this, messages);
    }

    @FXML
    private void initialize() {
        headingLabel.setText(viewModel.title());
        summaryLabel.setText(viewModel.summary());
        MinimumSizes.headersNeverCut(lineTable);
        lineTable.getItems().setAll(viewModel.lines());
        Views.column(nameColumn, CompareViewModel.Line::name);
        Views.column(leftColumn, CompareViewModel.Line::left);
        Views.column(rightColumn, CompareViewModel.Line::right);
        lineTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CompareViewModel.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove("differs");
                if (!empty && line != null && line.differs()) {
                    getStyleClass().add("differs");
                }
            }
        });
        closeButton.setOnAction(e -> stage.close());
    }


    public void show(Window owner, Themes themes) {
        stage = Views.window(owner, viewModel.title(), root, themes, false);
        stage.show();
    }
}
