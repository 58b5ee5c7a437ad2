package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.attest.ClusterPki;
import io.hsmconsole.hsm.attest.Pem;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KmuPrinter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * {@code getCert -f <file> -s <type>}: one certificate of the cluster's PKI as PEM, for the node
 * this tool talks to: 1 manufacturer root, 2 manufacturer hardware certificate, 4 customer
 * (operator) root, 8 the node's certificate signed by the customer root, 16 the HSM certificate.
 */
final class GetCertCommand implements KmuCommand {
    private static final Map<Integer, IntFunction<String>> TYPES = Map.of(
            1, node -> ClusterPki.MANUFACTURER_ROOT,
            2, ClusterPki::manufacturerHardware,
            4, node -> ClusterPki.OPERATOR_ROOT,
            8, ClusterPki::operatorHardware,
            16, ClusterPki::hsmCertificate);

    private static final String HELP = HelpText.of("Gets a certificate of the partition (the HSM this tool talks to).",
            "getCert -h -f <file name> -s <certificate type>", """
            -h  displays this information
                   -f  specifies the file to write the certificate to (PEM)
                   -s  specifies the certificate type:
                       1 = manufacturer root, 2 = manufacturer hardware certificate, 4 = customer root,
                       8 = HSM certificate signed by the customer root, 16 = HSM certificate""");

    @Override
    public String name() {
        return "getCert";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.of(List.of("-f", "-s"), List.of());
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public ExitStatus execute(ParsedOptions o, KmuContext context) {
        KmuPrinter p = context.printer();
        if (o.text("-f") == null) {
            return usage(p, "Error: Certificate file (-f) is missing.");
        }
        Integer type = o.integer("-s");
        if (type == null || !TYPES.containsKey(type)) {
            return usage(p, "Error: Certificate type (-s) is missing or not 1, 2, 4, 8 or 16.");
        }
        int node = context.cluster().servingNodeId();
        Optional<byte[]> der = context.cluster().certificate(TYPES.get(type).apply(node));
        if (der.isEmpty()) {
            p.error("Error: this cluster has no certificate of type " + type + " (it was made before the"
                    + " simulator had certificates).");
            return ExitStatus.ERROR;
        }
        if (!KeyFiles.write(context, o.text("-f"), Pem.certificate(der.get()).getBytes(StandardCharsets.US_ASCII),
                "certificate file")) {
            return ExitStatus.ERROR;
        }
        p.out().printf("%n\tCfm3GetCert() returned 0 :%s%n", ReturnCode.SUCCESS.text());
        return ExitStatus.SUCCESS;
    }

    private static ExitStatus usage(KmuPrinter p, String message) {
        p.error(message);
        p.out().print(HELP);
        return ExitStatus.USAGE;
    }
}
