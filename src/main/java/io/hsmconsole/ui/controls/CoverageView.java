package io.hsmconsole.ui.controls;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

import java.util.List;

/**
 * How many of the cluster's nodes hold a key: {@code 2/3} and one dot per node, filled where the
 * node holds it, and a warning mark when the key is below Client SDK 5's key availability quorum (the
 * simulator's answer, handed in). Reused by table cells, so it only updates its children.
 */
public final class CoverageView extends HBox {
    private final Label count = new Label();
    private final HBox dots = new HBox(3);
    private final Label belowQuorum = new Label("\u26a0");

    public CoverageView() {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        dots.setAlignment(Pos.CENTER_LEFT);
        belowQuorum.getStyleClass().add("below-quorum");
        belowQuorum.managedProperty().bind(belowQuorum.visibleProperty());
        belowQuorum.setVisible(false);
        getChildren().setAll(count, dots, belowQuorum);
        getStyleClass().add("coverage");
    }

    /** {@code belowQuorumText}: what the mark says to a screen reader, or null when the key is not below the quorum. */
    public void show(List<Integer> holding, List<Integer> clusterNodes, String belowQuorumText) {
        belowQuorum.setVisible(belowQuorumText != null);
        belowQuorum.setAccessibleText(belowQuorumText);
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
