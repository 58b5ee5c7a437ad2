package io.hsmconsole.shell.cmu;

import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.HsmDescription;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.text.CmuText;
import io.hsmconsole.text.NodeAddresses;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** CMU commands anyone may run without logging in: listUsers, listAttributes, getHSMInfo, info. */
final class InfoCommands {
    private static final String USERS_HEADER =
            "    User Id             User Type       User Name            MofnPubKey    LoginFailureCnt         2FA";

    private InfoCommands() {
    }

    static List<CmuCommand> all() {
        return List.of(
                new CmuCommand("listUsers", "listUsers", "Lists the users on every HSM.", 0, 0, InfoCommands::listUsers),
                new CmuCommand("listAttributes", "listAttributes", "Lists the attribute ids getAttribute accepts.", 0, 0,
                        InfoCommands::listAttributes),
                new CmuCommand("getHSMInfo", "getHSMInfo", "Gets the information of every HSM.", 0, 0,
                        InfoCommands::hsmInfo),
                new CmuCommand("info", "info server <server ID>", "Shows a server's connection and login state.", 2, 2,
                        InfoCommands::info));
    }

    private static ExitStatus listUsers(List<String> a, CmuContext c) {
        List<UserInfo> users = c.cluster().users();
        boolean allAnswered = true;
        for (NodeStatus n : c.nodes()) {
            c.out().printf("Users on server %s:%n", NodeAddresses.server(n.id()));
            if (!n.isOnline()) {
                c.out().printf("listUsers failed on server %s: %s%n", NodeAddresses.server(n.id()),
                        io.hsmconsole.hsm.ReturnCode.SERVER_UNAVAILABLE.text());
                allAnswered = false;
                continue;
            }
            c.out().printf("Number of users found:%d%n%n", users.size());
            c.out().println(USERS_HEADER);
            for (UserInfo u : users) {
                c.out().println(String.format("%10d              %-16s%-26s%3s%16d%17s", u.id(), u.type().name(), u.name(),
                        u.quorumKeyRegistered() ? "YES" : "NO", u.loginFailures(), u.twoFactor() ? "YES" : "NO"));
            }
        }
        return ExitStatus.of(allAnswered);
    }

    private static ExitStatus listAttributes(List<String> a, CmuContext c) {
        PrintWriter out = c.out();
        out.print(CmuText.ATTRIBUTES_HEADING);
        for (Attribute attr : listingOrder()) {
            out.printf("      %-32s= %d%n", attr.kmuName(), attr.id());
        }
        out.printf("      %-32s= %d%n", "OBJ_ATTR_ALL", Attribute.ALL);
        return ExitStatus.SUCCESS;
    }

    /**
     * The attributes in the order cloudhsm_mgmt_util-listAttributes.md lists them: by id, except that
     * OBJ_ATTR_LOCAL (355) follows OBJ_ATTR_DERIVE (268), as the tool prints it.
     */
    private static List<Attribute> listingOrder() {
        List<Attribute> order = new java.util.ArrayList<>(List.of(Attribute.values()));
        order.remove(Attribute.LOCAL);
        order.add(order.indexOf(Attribute.DERIVE) + 1, Attribute.LOCAL);
        return order;
    }

    private static ExitStatus hsmInfo(List<String> a, CmuContext c) {
        List<NodeStatus> nodes = c.nodes();
        c.out().printf("Getting HSM Info on %d nodes%n", c.onlineNodes());
        boolean allAnswered = true;
        for (NodeStatus n : nodes) {
            if (!n.isOnline()) {
                c.out().printf("getHSMInfo failed on server %s: %s%n", NodeAddresses.server(n.id()),
                        io.hsmconsole.hsm.ReturnCode.SERVER_UNAVAILABLE.text());
                allAnswered = false;
                continue;
            }
            c.out().printf("\t\t*** Server %d HSM Info ***%n%n", n.id());
            HsmDescription.print(c.cluster(), n, "\t", c.out());
            c.out().println();
        }
        return ExitStatus.of(allAnswered);
    }

    private static ExitStatus info(List<String> a, CmuContext c) {
        Integer id = Tokens.decimalInt(a.get(1));
        Optional<NodeStatus> node = c.nodes().stream().filter(n -> id != null && n.id() == id).findFirst();
        if (!a.get(0).equals("server") || node.isEmpty()) {
            c.out().printf("Invalid server: use info server <server ID> with an id from 0 to %d%n", c.nodes().size() - 1);
            return ExitStatus.USAGE;
        }
        String ip = NodeAddresses.ip(id);
        String login = c.session().map(s -> "Logged in as '" + s.user().name() + "(" + s.user().type() + ")'")
                .orElse("Not logged in");
        // The heading's Hostname column is one wider and Port one narrower than the rows' (cloudhsm_mgmt_util-info.md).
        c.out().printf("%-8s%-24s%-17s%-7s%-16s%-24s%s%n", "Id", "Name", "Hostname", "Port", "State", "Partition",
                "LoginState");
        c.out().printf("%-8d%-24s%-16s%-8d%-16s%-24s%s%n", id, ip, ip, NodeAddresses.PORT,
                node.get().isOnline() ? "Connected" : "Disconnected", "hsm-" + c.cluster().name() + "-" + id,
                node.get().isOnline() ? login : "Not logged in");
        return ExitStatus.SUCCESS;
    }
}
