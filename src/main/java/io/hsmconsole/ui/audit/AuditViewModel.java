package io.hsmconsole.ui.audit;

import io.hsmconsole.controller.AuditCheck;
import io.hsmconsole.controller.AuditController;
import io.hsmconsole.controller.AuditRow;
import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.text.AuditFormat;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.FileKind;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import io.hsmconsole.ui.common.Notices;
import io.hsmconsole.ui.common.Subscriptions;
import io.hsmconsole.ui.common.TimeText;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The audit log screen: every record of the open cluster, new ones appended as the cluster changes
 * (from this console or any other process), one filter over every column, "Verify chain", and
 * export of the shown records as CSV or JSON Lines.
 */
public final class AuditViewModel {
    private final Workspace workspace;
    private final AuditController audit;
    private final Messages messages;
    private final DialogService dialogs;
    private final TimeText time;
    private final Notices notices;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ObservableList<AuditLine> all = FXCollections.observableArrayList();
    private final FilteredList<AuditLine> shown = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    private final ReadOnlyObjectWrapper<Notice> verdict = new ReadOnlyObjectWrapper<>(this, "verdict", Notice.NONE);
    private final ReadOnlyLongWrapper brokenAt = new ReadOnlyLongWrapper(this, "brokenAt", 0);
    private long lastSeq;
    private boolean loading;
    private boolean changedWhileLoading;

    public AuditViewModel(Workspace workspace, ClusterController cluster, AuditController audit, Messages messages,
                          DialogService dialogs, TimeText time) {
        this.workspace = workspace;
        this.audit = audit;
        this.messages = messages;
        this.dialogs = dialogs;
        this.time = time;
        this.notices = new Notices(messages);
        filter.addListener((obs, old, now) -> applyFilter());
        all.addListener((ListChangeListener<AuditLine>) c -> showCount());
        shown.addListener((ListChangeListener<AuditLine>) c -> showCount());
        subscriptions.onClusterChange(cluster, this::loadNew);
        subscriptions.onChange(workspace.locationProperty(), (obs, old, now) -> {
            all.clear();
            lastSeq = 0;
            verdict.set(Notice.NONE);
            loadNew();
        });
        showCount();
        loadNew();
    }

    /** Reads the records after the last one shown; a change during a read triggers one more read. */
    public void loadNew() {
        if (loading) {
            changedWhileLoading = true;
            return;
        }
        loading = true;
        audit.recordsAfter(lastSeq, rows -> {
            loading = false;
            append(rows);
            if (changedWhileLoading) {
                changedWhileLoading = false;
                loadNew();
            }
        });
    }

    private void append(List<AuditRow> rows) {
        List<AuditLine> lines = rows.stream().filter(r -> r.seq() > lastSeq).map(this::line).toList();
        if (!lines.isEmpty()) {
            lastSeq = lines.get(lines.size() - 1).seq();
            all.addAll(lines);
        }
    }

    private AuditLine line(AuditRow r) {
        String node = r.nodeId() < 0 ? messages.get("audit.node.none") : Integer.toString(r.nodeId());
        String user = r.userId() == 0 ? r.userName() : messages.format("audit.user", r.userName(), r.userId());
        return AuditLine.of(r, time.format(r.timeMillis()), node, user);
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(line -> line.matches(f));
        showCount();
    }

    private void showCount() {
        count.set(messages.format("audit.count", shown.size(), all.size()));
        String f = filter.get() == null ? "" : filter.get().strip();
        emptyText.set(all.isEmpty() || f.isEmpty() ? messages.get("audit.empty")
                : messages.format("audit.empty.filter", f, all.size()));
    }

    /** Walks the whole hash chain (in the background) and shows the verdict. */
    public void verify() {
        if (!workspace.hasCluster()) {
            return;
        }
        verdict.set(Notice.info(messages.get("audit.verify.running")));
        audit.verify(this::showVerdict);
    }

    private void showVerdict(AuditCheck check) {
        if (check.intact()) {
            brokenAt.set(0);
            verdict.set(Notice.info(messages.format("audit.verify.intact", check.recordsChecked())));
        } else {
            brokenAt.set(check.brokenAtSeq());
            verdict.set(Notice.error(messages.format("audit.verify.broken", check.brokenAtSeq(), check.reason(),
                    check.recordsChecked()), ""));
        }
    }

    /** Stops following the cluster: the window showing this closed. */
    public void detach() {
        subscriptions.close();
    }

    /** Asks where to save, then writes the records the table shows. */
    public void export(AuditFormat format) {
        String suggested = messages.format("audit.export.file", workspace.clusterNameProperty().get(), format.extension());
        dialogs.chooseSaveFile(messages.get(format == AuditFormat.CSV ? "audit.export.csv.title"
                : "audit.export.jsonl.title"), suggested, fileKind(format)).ifPresent(file -> exportTo(file, format));
    }

    private FileKind fileKind(AuditFormat format) {
        return format == AuditFormat.CSV
                ? FileKind.of(messages.get("file.kind.csv"), "*.csv")
                : FileKind.of(messages.get("file.kind.jsonl"), "*.jsonl");
    }

    void exportTo(Path file, AuditFormat format) {
        List<AuditRow> rows = shown.stream().map(AuditLine::row).toList();
        audit.export(rows, file, format, outcome -> notice.set(outcome.succeeded()
                ? Notice.info(messages.format("audit.export.done", outcome.written(), outcome.file()))
                : notices.invalidInput(messages.format("audit.export.failed", outcome.file(), outcome.failure()))));
    }

    public ObservableList<AuditLine> shown() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** {@code Showing 12 of 340 records}. */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** What the empty table says: that no record matches the filter (and how to see them all), or that there is none. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The last "Verify chain" verdict. */
    public ReadOnlyObjectProperty<Notice> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The first broken record of the last verification, 0 when the chain was intact. */
    public ReadOnlyLongProperty brokenAtProperty() {
        return brokenAt.getReadOnlyProperty();
    }
}
