package io.hsmconsole.reliability;

import java.util.List;

/** What one killed process acknowledged, and the end of its output (for the message when a check fails). */
record Killed(List<Acknowledged> acknowledged, String outputTail) {
    static Killed of(List<Acknowledged> acknowledged, String output) {
        return new Killed(acknowledged, output.substring(Math.max(0, output.length() - 2000)));
    }
}
