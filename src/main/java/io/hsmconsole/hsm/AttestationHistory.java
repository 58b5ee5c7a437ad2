package io.hsmconsole.hsm;

import io.hsmconsole.hsm.attest.AttestationReport;
import io.hsmconsole.hsm.attest.CertificateSummary;
import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.StoreException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Each node's last attestation as the store keeps it. The verdict, reason and digests are columns;
 * the two certificate chains the client checked are one text column, a line per certificate:
 * {@code chain TAB subject TAB issuer TAB notBefore TAB notAfter TAB fingerprint}, with backslash,
 * tab and newline escaped inside the names.
 */
final class AttestationHistory {
    private static final String MANUFACTURER = "manufacturer";
    private static final String OPERATOR = "operator";
    private static final int FIELDS = 6;

    private AttestationHistory() {
    }

    static AttestationRecord record(AttestationReport r) {
        StringBuilder chains = new StringBuilder();
        appendChain(chains, MANUFACTURER, r.manufacturerChain());
        appendChain(chains, OPERATOR, r.operatorChain());
        return new AttestationRecord(r.nodeId(), r.timeMillis(), r.passed(), r.reason(), r.measuredHex(), r.expectedHex(),
                chains.toString());
    }

    /** The stored verdict as a report; a record that cannot be read is the store's damage, named by file. */
    static AttestationReport report(AttestationRecord r, Path storeFile) {
        List<CertificateSummary> manufacturer = new ArrayList<>();
        List<CertificateSummary> operator = new ArrayList<>();
        for (String line : r.chains().isEmpty() ? new String[0] : r.chains().split("\n", -1)) {
            String[] f = line.split("\t", -1);
            if (f.length != FIELDS || !(f[0].equals(MANUFACTURER) || f[0].equals(OPERATOR))) {
                throw damaged(r, storeFile);
            }
            CertificateSummary c;
            try {
                c = new CertificateSummary(unescape(f[1]), unescape(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), f[5]);
            } catch (IllegalArgumentException e) {
                throw damaged(r, storeFile);
            }
            (f[0].equals(MANUFACTURER) ? manufacturer : operator).add(c);
        }
        return new AttestationReport(r.passed(), r.reason(), r.nodeId(), r.timeMillis(), r.measuredHex(), r.expectedHex(),
                manufacturer, operator);
    }

    private static void appendChain(StringBuilder out, String chain, List<CertificateSummary> certificates) {
        for (CertificateSummary c : certificates) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(chain).append('\t').append(escape(c.subject())).append('\t').append(escape(c.issuer()))
                    .append('\t').append(c.notBeforeMillis()).append('\t').append(c.notAfterMillis())
                    .append('\t').append(escape(c.sha256Fingerprint()));
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == s.length()) {
                throw new IllegalArgumentException("a lone backslash ends the field");
            }
            switch (s.charAt(i)) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                default -> throw new IllegalArgumentException("unknown escape \\" + s.charAt(i));
            }
        }
        return out.toString();
    }

    private static StoreException damaged(AttestationRecord r, Path storeFile) {
        return new StoreException(storeFile, "the last attestation of node " + r.nodeId()
                + " cannot be read (its certificate chains are damaged)");
    }
}
