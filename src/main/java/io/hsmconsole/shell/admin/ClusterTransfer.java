package io.hsmconsole.shell.admin;

import io.hsmconsole.hsm.ClusterExchange;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.cluster.ClusterInfo;
import io.hsmconsole.hsm.exchange.ClusterDocumentException;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.ToolContext;
import io.hsmconsole.store.StoreException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code key_mgmt_util cluster …} (simulator only): lists the clusters of the data folder, exports
 * one as a JSON document with its secrets sealed under a passphrase, and imports such a document as
 * a new cluster. The passphrase is asked for without echo, or read as a line of standard input when
 * piped; never taken from the command line.
 */
public final class ClusterTransfer {
    public static final String HELP = """

            Description
            ===========
            Simulator only, not an AWS CloudHSM command: share a whole cluster (nodes, users, keys, the
            certificates, the audit log) as one JSON document. Key material, password hashes and private
            keys in it are sealed (AES-256-GCM) under a passphrase of at least 8 characters, which is asked
            for (without echo), or read from standard input when it is not a terminal; never an argument.

            Syntax: key_mgmt_util cluster list
                    key_mgmt_util [--cluster NAME] cluster export <file>
                    key_mgmt_util cluster import <file> [<new cluster name>]

            Where: list    names the clusters of the data folder
                   export  writes the cluster (default: demo) to <file>, replacing it whole
                   import  creates a new cluster from <file>, under its own name or <new cluster name>;
                           a wrong passphrase or a damaged file creates nothing

            """;

    private final ToolContext tool;
    private final PrintWriter out;

    public ClusterTransfer(ToolContext tool) {
        this.tool = tool;
        this.out = tool.console().out();
    }

    public ExitStatus run(List<String> args) {
        if (args.equals(List.of("-h"))) {
            out.print(HELP);
            return ExitStatus.SUCCESS;
        }
        if (args.equals(List.of("list"))) {
            tool.catalog().clusterNames().forEach(name -> out.printf("%s%n", name));
            return ExitStatus.SUCCESS;
        }
        if (args.size() == 2 && args.get(0).equals("export")) {
            return export(args.get(1));
        }
        if ((args.size() == 2 || args.size() == 3) && args.get(0).equals("import")) {
            return importFrom(args.get(1), args.size() == 3 ? args.get(2) : null);
        }
        out.printf("%n\tError: use cluster list, cluster export <file> or cluster import <file> [<new cluster name>]"
                + " (the passphrase is asked for, never an argument)%n");
        out.print(HELP);
        return ExitStatus.USAGE;
    }

    private ExitStatus export(String name) {
        char[] passphrase = newPassphrase();
        if (passphrase == null) {
            return ExitStatus.ERROR;
        }
        Path file = tool.workDir().resolve(name);
        try (HsmCluster cluster = tool.openCluster()) {
            ClusterExchange.export(cluster, passphrase, file);
            out.printf("%n\tCluster '%s' exported to %s: %s; key material, password hashes and private keys are"
                    + " sealed under the passphrase.%n", cluster.name(), name, contents(cluster));
            return ExitStatus.SUCCESS;
        } catch (ClusterDocumentException | StoreException | IllegalArgumentException e) {
            return failed(e, file, name);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private ExitStatus importFrom(String name, String newName) {
        char[] passphrase = tool.console().readSecret("Enter passphrase:");
        if (passphrase == null) {
            out.printf("%n\tError: no passphrase was given%n");
            return ExitStatus.ERROR;
        }
        Path file = tool.workDir().resolve(name);
        // The catalog wipes the passphrase once it has opened the document.
        try (HsmCluster cluster = tool.catalog().importCluster(file, passphrase, newName)) {
            out.printf("%n\tCluster '%s' imported from %s: %s. Use it with --cluster %s.%n", cluster.name(), name,
                    contents(cluster), cluster.name());
            return ExitStatus.SUCCESS;
        } catch (ClusterDocumentException | StoreException | IllegalArgumentException e) {
            return failed(e, file, name);
        }
    }

    /** The passphrase for a new document; at a terminal it is typed twice. Null (and said why) when none. */
    private char[] newPassphrase() {
        char[] passphrase = tool.console().readSecret("Enter passphrase:");
        if (passphrase == null) {
            out.printf("%n\tError: no passphrase was given%n");
            return null;
        }
        if (tool.console().secretsFromTerminal()) {
            char[] again = tool.console().readSecret("Enter passphrase again:");
            boolean same = again != null && Arrays.equals(passphrase, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(passphrase, '\0');
                out.printf("%n\tError: the passphrases differ; nothing was exported%n");
                return null;
            }
        }
        return passphrase;
    }

    private static String contents(HsmCluster cluster) {
        ClusterInfo info = cluster.info();
        return count(info.nodeCount(), "node") + ", " + count(cluster.users().size(), "user") + ", "
                + count(info.tokenKeyCount(), "key");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** One line naming the file as the user typed it and what is wrong; exit status 1. */
    private ExitStatus failed(RuntimeException e, Path file, String name) {
        String message = e.getMessage().replace(file.toString(), name);
        out.printf("%n\tError: %s%n", message.contains(name) ? message : name + ": " + message);
        return ExitStatus.ERROR;
    }
}
