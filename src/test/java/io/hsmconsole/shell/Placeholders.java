package io.hsmconsole.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only variable parts a transcript may leave open: key handles ({@code {H}} or {@code {H:name}}),
 * CloudHSM CLI key references ({@code {KREF}}: {@code 0x} and 16 hex digits), key check values
 * ({@code {KCV}} or {@code {KCV:name}}) and key values in lowercase hex, possibly over several lines
 * ({@code {HEX}} or {@code {HEX:name}}: a modulus, an EC point), Base64 ({@code {B64}}, {@code {B64:name}}: a
 * signature). A named placeholder takes its value
 * where it first appears; later appearances (also in input lines) must be the same value.
 */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(H|KCV|KREF|HEX|B64)(?::([A-Za-z0-9_]+))?}");

    private final Map<String, String> bound = new HashMap<>();

    /** Replaces named placeholders already bound by earlier output (for input lines and arguments). */
    String substitute(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder s = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            if (name == null || !bound.containsKey(name)) {
                throw new IllegalArgumentException("input uses " + m.group() + " before any output bound it");
            }
            m.appendReplacement(s, Matcher.quoteReplacement(bound.get(name)));
        }
        m.appendTail(s);
        return s.toString();
    }

    /** Whether the actual text matches the expected one; binds the names it meets for the first time. */
    boolean matches(String expected, String actual) {
        StringBuilder regex = new StringBuilder();
        Map<String, String> groups = new HashMap<>();
        Matcher m = PLACEHOLDER.matcher(expected);
        int last = 0;
        int group = 0;
        while (m.find()) {
            regex.append(Pattern.quote(expected.substring(last, m.start())));
            String kind = m.group(1);
            String name = m.group(2);
            String value = switch (kind) {
                case "H" -> "\\d+";
                case "KREF" -> "0x[0-9a-f]{16}";
                case "KCV" -> "0x[0-9a-f]{6}";
                case "B64" -> "[A-Za-z0-9+/]+={0,2}"; // a signature in Base64 (ECDSA's differs every time)
                default -> "[0-9a-f]+(?:\n[0-9a-f]+)*"; // a key value in hex (a modulus, an EC point), over lines
            };
            if (name != null && bound.containsKey(name)) {
                regex.append(Pattern.quote(bound.get(name)));
            } else if (name != null && groups.containsKey(name)) {
                regex.append("\\k<").append(groups.get(name)).append('>');
            } else if (name != null) {
                String g = "g" + group++;
                groups.put(name, g);
                regex.append("(?<").append(g).append('>').append(value).append(')');
            } else {
                regex.append(value);
            }
            last = m.end();
        }
        regex.append(Pattern.quote(expected.substring(last)));
        Matcher actualMatch = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual);
        if (!actualMatch.matches()) {
            return false;
        }
        for (Map.Entry<String, String> e : groups.entrySet()) {
            bound.put(e.getKey(), actualMatch.group(e.getValue()));
        }
        return true;
    }

    Set<String> names() {
        return bound.keySet();
    }
}
