package io.hsmconsole.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads key_mgmt_util's output as a script would: the result code of a command, the handle a
 * command created, the nodes of its Cluster Error Status block, and findKey's handles.
 */
public final class KmuOutput {
    static final Pattern RESULT = Pattern.compile("^\\t(\\w+) returned: (0x[0-9a-f]+) : ");
    /** A handle line printed whole (the last line of a killed process may be cut). */
    static final Pattern HANDLE = Pattern.compile("Key Handle: (\\d+)\\n");
    static final Pattern NODE = Pattern.compile("^\\tNode id (\\d+) and err state 0x([0-9a-f]{8}) : ");

    private KmuOutput() {
    }

    /** The code of the last {@code returned:} line for {@code call}, or null when there is none. */
    public static Long resultCode(String output, String call) {
        Long code = null;
        for (String line : output.split("\n")) {
            Matcher m = RESULT.matcher(line);
            if (m.find() && m.group(1).equals(call)) {
                code = Long.decode(m.group(2));
            }
        }
        return code;
    }

    /** The code of the last {@code returned:} line, whichever call printed it; null when there is none. */
    public static Long lastResultCode(String output) {
        Long code = null;
        for (String line : output.split("\n")) {
            Matcher m = RESULT.matcher(line);
            if (m.find()) {
                code = Long.decode(m.group(2));
            }
        }
        return code;
    }

    /** The handle printed after the successful result line (a handle announced while waiting does not count). */
    public static Long createdHandle(String output) {
        int after = output.lastIndexOf(" returned: 0x00 ");
        if (after < 0) {
            return null;
        }
        Matcher m = HANDLE.matcher(output.substring(after));
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** The nodes listed with success after {@code call}'s result line (not those of a "Checking key status" poll). */
    public static List<Integer> nodesAfterResult(String output, String call) {
        int result = output.lastIndexOf("\t" + call + " returned: ");
        List<Integer> nodes = new ArrayList<>();
        if (result < 0) {
            return nodes;
        }
        for (String line : output.substring(result).split("\n")) {
            Matcher m = NODE.matcher(line);
            if (m.find() && Long.parseLong(m.group(2), 16) == 0) {
                nodes.add(Integer.valueOf(m.group(1)));
            }
        }
        return nodes;
    }

    /** The handles findKey listed (none when it printed "Total number of keys present 0"). */
    public static List<Long> foundHandles(String output) {
        List<Long> handles = new ArrayList<>();
        int start = output.indexOf(" number of keys matched from start index");
        if (start < 0) {
            return handles;
        }
        int end = output.indexOf("Cluster Error Status", start);
        String list = output.substring(output.indexOf('\n', start) + 1, end < 0 ? output.length() : end);
        for (String part : list.split("[,\\s]+")) {
            if (!part.isEmpty()) {
                handles.add(Long.valueOf(part));
            }
        }
        return handles;
    }
}
