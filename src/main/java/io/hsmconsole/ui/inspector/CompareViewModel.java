package io.hsmconsole.ui.inspector;

import io.hsmconsole.controller.AttributeEntry;
import io.hsmconsole.controller.KeyDetails;
import io.hsmconsole.controller.UserRef;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.ui.common.Messages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Two keys side by side: ownership, sharing and every attribute, with the differing lines marked.
 * Attributes only one key has (a KCV) show as absent on the other side.
 */
public final class CompareViewModel {
    /** One line of the comparison. */
    public record Line(String name, String left, String right) {
        public boolean differs() {
            return !left.equals(right);
        }
    }

    private final String title;
    private final List<Line> lines = new ArrayList<>();
    private final String summary;

    public CompareViewModel(KeyDetails left, KeyDetails right, Messages messages) {
        title = messages.format("compare.title", left.handle(), right.handle());
        String absent = messages.get("compare.absent");
        lines.add(new Line(messages.get("compare.handle"), String.valueOf(left.handle()), String.valueOf(right.handle())));
        lines.add(new Line(messages.get("compare.owner"), left.owner().toString(), right.owner().toString()));
        lines.add(new Line(messages.get("compare.shared"), names(left), names(right)));
        lines.add(new Line(messages.get("compare.mValue"), String.valueOf(left.mValue()), String.valueOf(right.mValue())));
        if (left.manageMValue() != left.mValue() || right.manageMValue() != right.mValue()) {
            // A key cloudhsm-cli made may need another quorum to manage it than to use it (m_value above).
            lines.add(new Line(messages.get("compare.manageMValue"), String.valueOf(left.manageMValue()),
                    String.valueOf(right.manageMValue())));
        }
        lines.add(new Line(messages.get("compare.nodes"), nodes(left), nodes(right)));
        Set<Attribute> all = new LinkedHashSet<>();
        left.attributes().forEach(a -> all.add(a.attribute()));
        right.attributes().forEach(a -> all.add(a.attribute()));
        for (Attribute a : all) {
            lines.add(new Line(a.kmuName(), value(left, a).orElse(absent), value(right, a).orElse(absent)));
        }
        summary = messages.format("compare.summary", differences());
    }

    private static Optional<String> value(KeyDetails d, Attribute a) {
        return d.attributes().stream().filter(e -> e.attribute() == a).findFirst().map(AttributeEntry::kmuValue);
    }

    private static String nodes(KeyDetails d) {
        return d.nodesHolding().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String names(KeyDetails d) {
        return d.sharedWith().stream().map(UserRef::toString).collect(Collectors.joining(", "));
    }

    public String title() {
        return title;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** How many rows differ, in words: "9 rows differ (highlighted)." */
    public String summary() {
        return summary;
    }

    public long differences() {
        return lines.stream().filter(Line::differs).count();
    }
}
