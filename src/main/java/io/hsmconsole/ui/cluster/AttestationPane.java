package io.hsmconsole.ui.cluster;

import io.hsmconsole.ui.common.Messages;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * Fills the details pane from {@link AttestationDetails}: verdict and reason, measured against
 * expected digest, and both certificate chains with subject, issuer, validity and fingerprint.
 */
final class AttestationPane {
    private final VBox box;
    private final Messages messages;

    AttestationPane(VBox box, Messages messages) {
        this.box = box;
        this.messages = messages;
    }

    void show(AttestationDetails d) {
        box.getChildren().clear();
        if (d == null) {
            return;
        }
        box.getChildren().add(styled(new Label(messages.get("cluster.details.heading")), "section"));
        Label heading = styled(new Label(d.heading()), "details-heading");
        heading.setId("detailsHeading");
        if (d.attested()) {
            heading.getStyleClass().add(d.passed() ? "verdict-PASS" : "verdict-FAIL");
        }
        box.getChildren().add(heading);
        if (!d.attested()) {
            box.getChildren().add(wrapped("detailsReason", d.reason()));
            return;
        }
        box.getChildren().add(section(messages.get("cluster.details.reason")));
        Label reason = wrapped("detailsReason", d.reason());
        if (!d.passed()) {
            reason.getStyleClass().add("verdict-FAIL");
        }
        box.getChildren().add(reason);

        box.getChildren().add(section(messages.get("cluster.details.measured")));
        Label measured = digest("detailsMeasured", d.measuredHex());
        if (!d.measurementMatches()) {
            measured.getStyleClass().add("digest-differs");
        }
        box.getChildren().add(measured);
        box.getChildren().add(section(messages.get("cluster.details.expected")));
        box.getChildren().add(digest("detailsExpected", d.expectedHex()));
        box.getChildren().add(wrapped("detailsDigestVerdict", messages.get(d.measurementMatches()
                ? "cluster.details.digests.match" : "cluster.details.digests.differ")));

        addChain("manufacturer", messages.get("cluster.details.chain.manufacturer"), d.manufacturerChain());
        addChain("operator", messages.get("cluster.details.chain.operator"), d.operatorChain());
    }

    private void addChain(String which, String title, List<AttestationDetails.CertificateLine> chain) {
        box.getChildren().add(section(title));
        for (int i = 0; i < chain.size(); i++) {
            AttestationDetails.CertificateLine c = chain.get(i);
            GridPane grid = new GridPane();
            grid.setId("cert-" + which + "-" + i);
            grid.setHgap(8);
            grid.setVgap(2);
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            values.setFillWidth(true);
            grid.getColumnConstraints().addAll(names, values);
            grid.add(styled(new Label(c.role()), "cert-role"), 0, 0, 2, 1);
            field(grid, 1, messages.get("cluster.cert.subject"), c.subject(), false);
            field(grid, 2, messages.get("cluster.cert.issuer"), c.issuer(), false);
            field(grid, 3, messages.get("cluster.cert.validity.label"), c.validity(), false);
            field(grid, 4, messages.get("cluster.cert.fingerprint"), c.fingerprint(), true);
            box.getChildren().add(grid);
        }
    }

    private static void field(GridPane grid, int row, String name, String value, boolean mono) {
        Label n = styled(new Label(name), "field-name");
        Label v = new Label(value);
        v.setWrapText(true);
        v.setMinWidth(0);
        if (mono) {
            v.getStyleClass().add("digest");
        }
        n.setLabelFor(v);
        grid.add(n, 0, row);
        grid.add(v, 1, row);
    }

    private static Label section(String text) {
        return styled(new Label(text), "details-section");
    }

    private static Label wrapped(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private static Label digest(String id, String hex) {
        Label l = wrapped(id, hex);
        l.getStyleClass().add("digest");
        return l;
    }

    private static <N extends Node> N styled(N node, String style) {
        node.getStyleClass().add(style);
        return node;
    }
}
