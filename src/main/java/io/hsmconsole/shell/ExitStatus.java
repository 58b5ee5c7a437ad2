package io.hsmconsole.shell;

/**
 * The exit status a script sees: 0 when the (last) command succeeded, 1 when the HSM or the tool
 * reported an error, 2 for a usage error (bad options, unknown command, missing argument).
 */
public enum ExitStatus {
    SUCCESS(0), ERROR(1), USAGE(2);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ExitStatus of(boolean success) {
        return success ? SUCCESS : ERROR;
    }
}
