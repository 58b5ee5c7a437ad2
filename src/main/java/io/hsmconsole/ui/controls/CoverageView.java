package io.hsmconsole.ui.controls;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

import java.util.List;

/**
 * How many of the cluster's nodes hold a key: {@code 2/3} and one dot per node, filled where the
 * node holds it. Reused by table cells, so it only updates its children.
 */
public final class CoverageView extends HBox {
    private final Label count = new Label();
    private final HBox dots = new HBox(3);

    public CoverageView() {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        dots.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(count, dots);
        getStyleClass().add("coverage");
    }

    public void show(List<Integer> holding, List<Integer> clusterNodes) {
        count.setText(holding.size() + "/" + clusterNodes.size());
        if (dots.getChildren().size() != clusterNodes.size()) {
            dots.getChildren().clear();
            for (int i = 0; i < clusterNodes.size(); i++) {
                dots.getChildren().add(new Circle(4));
            }
        }
        for (int i = 0; i < clusterNodes.size(); i++) {
            Circle dot = (Circle) dots.getChildren().get(i);
            boolean held = holding.contains(clusterNodes.get(i));
            dot.getStyleClass().setAll(held ? "node-dot-held" : "node-dot-missing");
        }
    }
}
