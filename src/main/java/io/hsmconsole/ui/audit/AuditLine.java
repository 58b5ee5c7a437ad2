package io.hsmconsole.ui.audit;

import io.hsmconsole.controller.AuditRow;

import java.util.Locale;

/** One audit record with the texts the table shows, and what the filter searches (all of them). */
public record AuditLine(AuditRow row, String time, String node, String user, String result, String searchText) {

    static AuditLine of(AuditRow row, String time, String node, String user) {
        String result = row.resultCodeHex() + " " + row.resultText();
        String search = String.join("\n", Long.toString(row.seq()), time, node, user, row.command(), row.arguments(),
                result).toLowerCase(Locale.ROOT);
        return new AuditLine(row, time, node, user, result, search);
    }

    public long seq() {
        return row.seq();
    }

    public boolean matches(String lowerCaseFilter) {
        return lowerCaseFilter.isEmpty() || searchText.contains(lowerCaseFilter);
    }
}
