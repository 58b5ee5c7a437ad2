package io.hsmconsole.shell.quorum;

import java.util.ArrayList;
import java.util.List;

/**
 * A token approval file in the format of AWS's quorum pages:
 * <pre>
 * Multi Token File Path = guarded.token;
 * Token File Path = ;
 * Number of Approvals = 2;
 * Approver Type = 1; # 2 for CO, 1 for CU
 * Approver Name = example_user;
 * Approval File = guarded.token.sig1;
 * Approver Type = 1;
 * Approver Name = carol;
 * Approval File = guarded.token.sig2;
 * </pre>
 * {@code #} starts a comment; blank lines are ignored; each line is {@code <field> = <value>;}. One
 * token file (either path line may give it; if both do, they must agree); each approver is a
 * Type / Name / File group, and their number must equal {@code Number of Approvals} (1 to 20).
 */
public record ApprovalFile(String tokenFile, List<Approval> approvals) {
    public static final int MAX_APPROVALS = 20;

    /** One approver: 1 = crypto user, 2 = crypto officer; the file holds their signature of the token file. */
    public record Approval(int approverType, String name, String signatureFile) {
    }

    /** A line of the file that is not what the format allows; the message says which line and why. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    public static ApprovalFile parse(String text) throws Invalid {
        String multiToken = null;
        String token = null;
        Integer declared = null;
        List<Approval> approvals = new ArrayList<>();
        Integer type = null;
        String name = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            int eq = content.indexOf('=');
            if (eq < 0) {
                throw new Invalid("line " + lineNo + ": expected \"<field> = <value>;\", found \"" + content + "\"");
            }
            String field = content.substring(0, eq).strip();
            String value = content.substring(eq + 1).strip();
            if (value.endsWith(";")) {
                value = value.substring(0, value.length() - 1).strip();
            }
            switch (field) {
                case "Multi Token File Path" -> multiToken = value;
                case "Token File Path" -> token = value;
                case "Number of Approvals" -> declared = number(value, lineNo, field);
                case "Approver Type" -> {
                    if (type != null) {
                        throw new Invalid("line " + lineNo + ": the approver before this line has no Approver Name"
                                + " and Approval File");
                    }
                    type = number(value, lineNo, field);
                    if (type != 1 && type != 2) {
                        throw new Invalid("line " + lineNo + ": Approver Type must be 1 (crypto user) or 2 (crypto officer)");
                    }
                }
                case "Approver Name" -> {
                    if (type == null || name != null) {
                        throw new Invalid("line " + lineNo + ": Approver Name must follow an Approver Type line");
                    }
                    name = requireValue(value, lineNo, field);
                }
                case "Approval File" -> {
                    if (type == null || name == null) {
                        throw new Invalid("line " + lineNo + ": Approval File must follow Approver Type and Approver Name");
                    }
                    approvals.add(new Approval(type, name, requireValue(value, lineNo, field)));
                    type = null;
                    name = null;
                }
                default -> throw new Invalid("line " + lineNo + ": unknown field \"" + field + "\"");
            }
        }
        if (type != null) {
            throw new Invalid("the last approver has no " + (name == null ? "Approver Name and " : "") + "Approval File");
        }
        return new ApprovalFile(tokenFile(multiToken, token), checkedApprovals(approvals, declared));
    }

    private static String tokenFile(String multiToken, String token) throws Invalid {
        boolean multi = multiToken != null && !multiToken.isEmpty();
        boolean single = token != null && !token.isEmpty();
        if (token == null) {
            throw new Invalid("the \"Token File Path\" line is missing (it is required, even when empty)");
        }
        if (!multi && !single) {
            throw new Invalid("no token file: give it as \"Multi Token File Path = <file>;\"");
        }
        if (multi && single && !multiToken.equals(token)) {
            throw new Invalid("\"Multi Token File Path\" and \"Token File Path\" name different files; give one token file");
        }
        return multi ? multiToken : token;
    }

    private static List<Approval> checkedApprovals(List<Approval> approvals, Integer declared) throws Invalid {
        if (declared == null) {
            throw new Invalid("the \"Number of Approvals\" line is missing");
        }
        if (declared < 1 || declared > MAX_APPROVALS) {
            throw new Invalid("Number of Approvals must be 1 to " + MAX_APPROVALS);
        }
        if (declared != approvals.size()) {
            throw new Invalid("Number of Approvals is " + declared + " but the file lists " + approvals.size()
                    + " approver(s)");
        }
        return List.copyOf(approvals);
    }

    private static int number(String value, int lineNo, String field) throws Invalid {
        Integer n = io.hsmconsole.shell.Tokens.decimalInt(value);
        if (n == null) {
            throw new Invalid("line " + lineNo + ": " + field + " must be a number, found \"" + value + "\"");
        }
        return n;
    }

    private static String requireValue(String value, int lineNo, String field) throws Invalid {
        if (value.isEmpty()) {
            throw new Invalid("line " + lineNo + ": " + field + " is empty");
        }
        return value;
    }
}
