package io.hsmconsole.shell.sim;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.attest.AttestationReport;
import io.hsmconsole.hsm.cluster.Firmware;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.Tokens;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code simulate …}: the console's simulation menu for scripts (not an AWS command). Takes nodes
 * offline and online, sets latency, tampers and restores firmware, attests, adds and removes nodes,
 * through the cluster's own actions (each recorded in the audit log as user 0 "simulation"), and
 * says what happened.
 */
public final class Simulation {
    public static final String HELP = """

            Description
            ===========
            Simulator only, not an AWS CloudHSM command: changes the simulated cluster's nodes as the
            console's simulation menu does. Every action is recorded in the audit log (user 0, simulation).

            Syntax: simulate status
                    simulate node <id> offline | online | latency <ms> | tamper | restore | attest | remove
                    simulate node add [<latency ms>]

            Where: status   lists every node: state, keys held and still arriving, latency, firmware
                   offline  takes the node offline: it answers 0x30000085 and receives no keys
                   online   brings it back: it catches up on the keys it missed, after its latency
                   latency  sets how long new keys take to reach the node, in milliseconds
                   tamper   replaces its firmware with a modified image: its attestations fail
                   restore  puts the known-good firmware image back
                   attest   challenges the node now and verifies its signed answer (both certificate
                            chains, the signature, the nonce and the firmware measurement)
                   add      adds a node seeded from the cluster, as AWS seeds a new HSM from a backup
                   remove   removes the node and its copies of the keys

            """;

    private final HsmCluster cluster;
    private final PrintWriter out;

    public Simulation(HsmCluster cluster, PrintWriter out) {
        this.cluster = cluster;
        this.out = out;
    }

    public ExitStatus run(List<String> args) {
        if (args.equals(List.of("-h"))) {
            out.print(HELP);
            return ExitStatus.SUCCESS;
        }
        if (args.equals(List.of("status"))) {
            NodeTable.print(cluster, out);
            return ExitStatus.SUCCESS;
        }
        if (args.size() >= 2 && args.size() <= 3 && args.get(0).equals("node") && args.get(1).equals("add")) {
            Long latency = args.size() == 3 ? Tokens.decimal(args.get(2), Long.MAX_VALUE) : Long.valueOf(0);
            return latency == null ? usage("the latency is a whole number of milliseconds") : add(latency);
        }
        Integer node = args.size() >= 3 && args.get(0).equals("node") ? Tokens.decimalInt(args.get(1)) : null;
        if (node == null) {
            return usage("use simulate status, simulate node <id> <action> or simulate node add [<latency ms>]");
        }
        String action = args.get(2);
        if (action.equals("latency")) {
            Long ms = args.size() == 4 ? Tokens.decimal(args.get(3), Long.MAX_VALUE) : null;
            return ms == null ? usage("simulate node <id> latency <ms>: the latency is a whole number of milliseconds")
                    : latency(node, ms);
        }
        if (args.size() != 3) {
            return usage("simulate node <id> " + action + " takes no further argument");
        }
        return switch (action) {
            case "offline" -> done(cluster.setNodeOnline(node, false), node, action, "is now OFFLINE: it answers 0x30000085 ("
                    + ReturnCode.SERVER_UNAVAILABLE.text() + ") and receives no keys until it is online again.");
            case "online" -> done(cluster.setNodeOnline(node, true), node, action,
                    "is online again: it catches up on the keys it missed after its latency.");
            case "tamper" -> tamper(node);
            case "restore" -> done(cluster.restoreFirmware(node), node, action, "runs its known-good firmware image again.");
            case "attest" -> attest(node);
            case "remove" -> done(cluster.removeNode(node), node, action, "was removed with its copies of the keys.");
            default -> usage("unknown action '" + action + "'");
        };
    }

    private ExitStatus latency(int node, long ms) {
        return done(cluster.setNodeLatency(node, ms), node, "latency", "now receives new keys " + ms + " ms after they are made.");
    }

    private ExitStatus tamper(int node) {
        HsmResult<Void> r = cluster.tamperFirmware(node);
        if (!r.isSuccess()) {
            return failed("node " + node + " tamper", r.code());
        }
        NodeStatus n = status(node).orElseThrow();
        out.printf("%n\tNode %d now runs a modified firmware image: it keeps serving, but its attestations fail%n", node);
        out.printf("\t(measurement %s,%n\t known-good  %s).%n", n.firmwareMeasurementHex(),
                Firmware.hex(Firmware.knownGoodMeasurement(n.firmwareVersion())));
        NodeTable.print(cluster, out);
        return ExitStatus.SUCCESS;
    }

    private ExitStatus attest(int node) {
        HsmResult<AttestationReport> r = cluster.attestNode(node);
        Optional<AttestationReport> report = r.attestationReport();
        if (report.isEmpty()) {
            return failed("node " + node + " attest", r.code());
        }
        AttestationText.print(report.get(), out);
        return ExitStatus.of(report.get().passed());
    }

    private ExitStatus add(long latency) {
        HsmResult<Integer> r = cluster.addNode(latency);
        if (!r.isSuccess()) {
            return failed("node add", r.code());
        }
        out.printf("%n\tNode %d was added with a latency of %d ms, seeded from the cluster as AWS seeds a new HSM from"
                + " a backup:%n\tit receives every key after its latency.%n", r.value(), latency);
        NodeTable.print(cluster, out);
        return ExitStatus.SUCCESS;
    }

    private ExitStatus done(HsmResult<?> r, int node, String action, String what) {
        if (!r.isSuccess()) {
            return failed("node " + node + " " + action, r.code());
        }
        out.printf("%n\tNode %d %s%n", node, what);
        NodeTable.print(cluster, out);
        return ExitStatus.SUCCESS;
    }

    private ExitStatus failed(String what, ReturnCode code) {
        out.printf("%n\tError: simulate %s: %s%n", what, code.text());
        return ExitStatus.ERROR;
    }

    private ExitStatus usage(String problem) {
        out.printf("%n\tError: %s%n", problem);
        out.print(HELP);
        return ExitStatus.USAGE;
    }

    private Optional<NodeStatus> status(int node) {
        return cluster.nodes().stream().filter(n -> n.id() == node).findFirst();
    }
}
