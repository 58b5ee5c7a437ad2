package io.hsmconsole.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the console's screens print them: local time, to the second ({@code 2025-06-01 14:03:22}). */
public final class TimeText {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public TimeText(ZoneId zone) {
        this.zone = zone;
    }

    public static TimeText local() {
        return new TimeText(ZoneId.systemDefault());
    }

    public String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** The date only, for certificate validity. */
    public String date(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis).atZone(zone)).substring(0, 10);
    }
}
