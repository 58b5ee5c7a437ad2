package io.hsmconsole.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** Shows a screen's notice in a label: hidden when empty, styled as an error when it is one. */
public final class NoticeLabel {
    private NoticeLabel() {
    }

    public static void bind(Label label, ObservableValue<Notice> notice) {
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every line of it, never "…"
        label.getStyleClass().add("notice");
        show(label, notice.getValue());
        notice.addListener((obs, old, now) -> show(label, now));
    }

    private static void show(Label label, Notice notice) {
        Notice n = notice == null ? Notice.NONE : notice;
        label.setText(n.fullText());
        label.getStyleClass().removeAll("notice-error", "notice-warning", "notice-info");
        label.getStyleClass().add(switch (n.kind()) {
            case ERROR -> "notice-error";
            case WARNING -> "notice-warning";
            case INFO -> "notice-info";
        });
        boolean visible = !n.text().isEmpty();
        label.setVisible(visible);
        label.setManaged(visible);
    }
}
