package io.hsmconsole.hsm.audit;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.hsm.key.KeyOptions;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The arguments of a command as the audit log shows them: KMU-style options, never a password or
 * key material (those are not even passed here).
 */
public final class AuditArguments {
    private AuditArguments() {
    }

    public static String genSymKey(GenSymKeyRequest r) {
        return "-t " + r.keyTypeCode() + " -s " + r.sizeBytes() + " " + options(KeyOptions.of(r));
    }

    /** The command a key-pair request is: genRSAKeyPair, genDSAKeyPair or genECCKeyPair. */
    public static String keyPairCommand(io.hsmconsole.hsm.key.KeyPairRequest r) {
        return switch (r.type()) {
            case RSA -> "genRSAKeyPair";
            case DSA -> "genDSAKeyPair";
            case EC -> "genECCKeyPair";
        };
    }

    public static String keyPair(io.hsmconsole.hsm.key.KeyPairRequest r) {
        String algorithm = switch (r.type()) {
            case RSA -> "-m " + r.modulusBits() + " -e " + r.publicExponent();
            case DSA -> "-m " + r.modulusBits();
            case EC -> "-i " + r.curveId();
        };
        return algorithm + " " + options(r.options());
    }

    public static String options(KeyOptions o) {
        StringBuilder b = new StringBuilder("-l ").append(o.label());
        if (!o.id().isEmpty()) {
            b.append(" -id ").append(KeyNaming.shownId(o.id()));
        }
        if (o.nonExtractable()) {
            b.append(" -nex");
        }
        if (o.session()) {
            b.append(" -sess");
        }
        if (!o.shareWith().isEmpty()) {
            b.append(" -u ").append(join(o.shareWith()));
        }
        if (o.mValue() != 0) {
            b.append(" -m_value ").append(o.mValue());
        }
        if (o.minServers() != null) {
            b.append(" -min_srv ").append(o.minServers());
        }
        if (o.timeoutSeconds() != null) {
            b.append(" -timeout ").append(o.timeoutSeconds());
        }
        if (o.attest()) {
            b.append(" -attest");
        }
        return b.toString();
    }

    public static String join(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
