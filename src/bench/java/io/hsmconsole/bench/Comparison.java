package io.hsmconsole.bench;

import java.util.Locale;

/**
 * One row of the side-by-side table: a measure's median on our side and the peer's, how they compare,
 * the goal from issue 8 and whether it was met, and the 1-minute load average when the row's
 * measurement started (the machine is shared: read every figure with it).
 */
record Comparison(String measure, Figure ours, Figure peer, String goal, Verdict verdict, double load) {

    enum Verdict { MET, MISSED, NONE, NOT_AT_THIS_SIZE }

    /** A median with its unit; higher is better for rates, lower for times. */
    record Figure(double value, String unit) {
        static Figure rate(double perSecond, String unit) {
            return new Figure(perSecond, unit);
        }

        static Figure millis(double ms) {
            return new Figure(ms, "ms");
        }

        boolean isTime() {
            return unit.equals("ms");
        }

        private static String times(double factor) {
        return String.format(Locale.ROOT, factor >= 100 ? "%,.0f×" : "%.1f×", factor);
    }

    String render() {
            if (isTime()) {
                return String.format(Locale.ROOT, value >= 100 ? "%,.0f ms" : value >= 1 ? "%.1f ms" : "%.3f ms", value);
            }
            return String.format(Locale.ROOT, "%,.0f %s", value, unit);
        }
    }

    static Verdict verdict(boolean met) {
        return met ? Verdict.MET : Verdict.MISSED;
    }

    /** How many times faster ours is than the peer's (below 1: slower). */
    double speedup() {
        return ours.isTime() ? peer.value() / ours.value() : ours.value() / peer.value();
    }

    private static String times(double factor) {
        return String.format(Locale.ROOT, factor >= 100 ? "%,.0f×" : "%.1f×", factor);
    }

    String render() {
        String ratio = "-";
        if (ours != null && peer != null) {
            double s = speedup();
            ratio = s >= 1 ? times(s) + " faster" : times(1 / s) + " slower";
        }
        String verdictText = switch (verdict) {
            case MET -> "met";
            case MISSED -> "**missed**";
            case NONE -> "-";
            case NOT_AT_THIS_SIZE -> "not measured at this size";
        };
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f |", measure,
                ours == null ? "-" : ours.render(), peer == null ? "-" : peer.render(), ratio, goal, verdictText, load);
    }

    static String header(String peerName) {
        return "| measure (median) | ours | peer: " + peerName + " | ours vs peer | goal (issue 8) | verdict | load |\n"
                + "|---|---|---|---|---|---|---|";
    }
}
