package io.hsmconsole.controller;

import java.util.List;

/**
 * Something the console did, written as a command-line user would have typed it ({@code tool}:
 * key_mgmt_util or cloudhsm_mgmt_util) with what that tool prints for the result: the console pane
 * shows these so that the GUI teaches the command line. Passwords never appear.
 */
public record ActionRecord(String tool, String commandLine, List<String> output) {

    public static final String KMU = "key_mgmt_util";
    public static final String CMU = "cloudhsm_mgmt_util";

    public ActionRecord {
        output = List.copyOf(output);
    }
}
