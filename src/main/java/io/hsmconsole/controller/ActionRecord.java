package io.hsmconsole.controller;

import io.hsmconsole.text.KmuPrinter;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Something the console did, written as a command-line user would have typed it ({@code tool}:
 * key_mgmt_util or cloudhsm_mgmt_util) with the exact text that tool prints after the command
 * line: the console pane shows these so that the GUI teaches the command line. The output is
 * written by the same {@code io.hsmconsole.text} code the shells use. Passwords never appear.
 */
public record ActionRecord(String tool, String commandLine, String output) {

    public static final String KMU = "key_mgmt_util";
    public static final String CMU = "cloudhsm_mgmt_util";

    /** A key_mgmt_util command and what {@code print} writes for its result. */
    public static ActionRecord kmu(String commandLine, Consumer<KmuPrinter> print) {
        KmuPrinter printer = KmuPrinter.capturing();
        print.accept(printer);
        return new ActionRecord(KMU, commandLine, printer.printed());
    }

    /** A cloudhsm_mgmt_util command and what {@code print} writes for its result. */
    public static ActionRecord cmu(String commandLine, Consumer<PrintWriter> print) {
        KmuPrinter printer = KmuPrinter.capturing();
        print.accept(printer.out());
        return new ActionRecord(CMU, commandLine, printer.printed());
    }
}
