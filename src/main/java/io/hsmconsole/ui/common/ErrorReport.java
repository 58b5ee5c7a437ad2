package io.hsmconsole.ui.common;

/** An error as the console shows it: what failed, why in plain words, the HSM code, and details. */
public record ErrorReport(String title, String sentence, String codeLine, String details) {
}
