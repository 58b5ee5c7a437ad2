package io.hsmconsole.shell;

import io.hsmconsole.hsm.ReturnCode;

/**
 * Renders {@code docs/return-codes.md} from {@link ReturnCode}, so the user docs list exactly the
 * codes the simulator answers (a test fails when the file and the enum drift apart).
 */
public final class ReturnCodeTable {
    private ReturnCodeTable() {
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# HSM return codes\n\n")
                .append("Every code the simulated HSM answers, as `key_mgmt_util` prints it after `returned:` and in the\n")
                .append("`Cluster Error Status` block (`Error2String -r 0x..` looks them up). Codes marked **simulator-defined**\n")
                .append("are ours: AWS documents the situation but not its code, so the simulator picked one and keeps it\n")
                .append("stable. The others are AWS CloudHSM's real codes and strings.\n\n")
                .append("This file is generated from `io.hsmconsole.hsm.ReturnCode`; `ReturnCodeDocTest` fails when they\n")
                .append("differ (regenerate with `./mvnw test -Dtest=ReturnCodeDocTest -Dreturn-codes.write=true`).\n\n")
                .append("| code | name | text | origin |\n|---|---|---|---|\n");
        for (ReturnCode c : ReturnCode.values()) {
            md.append("| `").append(String.format("0x%02x", c.code())).append("` | ").append(c.name()).append(" | `")
                    .append(c.text().replace("|", "\\|")).append("` | ")
                    .append(c.simulatorDefined() ? "simulator-defined" : "AWS CloudHSM").append(" |\n");
        }
        md.append("\n## Exit status of `key_mgmt_util` and `cloudhsm_mgmt_util`\n\n")
                .append("| status | meaning |\n|---|---|\n");
        for (ExitStatus s : ExitStatus.values()) {
            md.append("| ").append(s.code()).append(" | ").append(switch (s) {
                case SUCCESS -> "the command (in singlecmd mode) or the last command (interactive, piped, scriptfile) succeeded";
                case ERROR -> "the HSM or the tool reported an error (any code above but 0x00, a refused login, a file"
                        + " that cannot be written, a store that cannot be opened)";
                case USAGE -> "usage error: unknown command, unknown/repeated/valueless option, missing option (the"
                        + " command's help text is printed and the HSM is not called)";
            }).append(" |\n");
        }
        return md.toString();
    }
}
