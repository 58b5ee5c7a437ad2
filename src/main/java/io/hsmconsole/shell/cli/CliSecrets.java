package io.hsmconsole.shell.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudHSM CLI line as it may be shown or kept (the console pane's echo and history): the value of
 * every {@code --password} ({@code login}, {@code user create}, {@code user change-password}) becomes
 * {@code <password>}, whether written {@code --password x}, {@code --password "x y"} or
 * {@code --password=x}. The same lines JLine keeps out of the history file ({@code *--password*}).
 */
public final class CliSecrets {
    private static final Pattern PASSWORD = Pattern.compile("(--password)(=|\\s+)(\"(?:\\\\.|[^\"])*\"?|'[^']*'?|\\S+)");

    private CliSecrets() {
    }

    public static String withSecretsHidden(String line) {
        Matcher m = PASSWORD.matcher(line);
        return m.find() ? m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + "<password>")) : line;
    }
}
