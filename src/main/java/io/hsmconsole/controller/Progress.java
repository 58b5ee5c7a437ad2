package io.hsmconsole.controller;

/**
 * A progress report: a sentence for the user and how far along the work is ({@code fraction} 0..1,
 * or negative when unknown).
 */
public record Progress(String message, double fraction) {
    public static Progress indeterminate(String message) {
        return new Progress(message, -1);
    }
}
