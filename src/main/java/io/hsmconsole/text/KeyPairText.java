package io.hsmconsole.text;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.GeneratedPair;

import java.util.List;

/**
 * What the key-pair commands print (genRSAKeyPair, genECCKeyPair, listECCCurveIds, exportPubKey,
 * importPubKey, exportPrivateKey, importPrivateKey), as their AWS pages show it, in the tab-indented
 * form of the other commands.
 */
public final class KeyPairText {
    public static final String GENERATE_CALL = "Cfm3GenerateKeyPair";
    /** What a pair waiting for {@code -min_srv} announces (ours: the pages show no wait). */
    public static final String PAIR_CREATED = "Key Pair Created.";
    public static final String PRIVATE_KEY_UNWRAPPED = "Private Key Unwrapped.";
    /** IsValidKeyHandlefile's answers (key_mgmt_util-IsValidKeyHandlefile.md). */
    public static final String REAL_PRIVATE_KEY = "Input key file has real private key";
    public static final String FAKE_PEM_HANDLE = "Input file has invalid key handle: ";

    /** What a key file that is not what the command takes gets: the file, and what was expected. */
    public static final String NOT_A_PUBLIC_KEY = "Invalid file. Should be a PEM public key (BEGIN PUBLIC KEY or"
            + " BEGIN RSA PUBLIC KEY); a private key goes to importPrivateKey";
    public static final String NOT_A_PRIVATE_KEY = "Invalid file. Should be an unencrypted PEM private key (BEGIN"
            + " PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY); a public key goes to importPubKey";

    private KeyPairText() {
    }

    /**
     * genRSAKeyPair / genECCKeyPair: the result line, both handles, the attestation verdict, a
     * rollback when {@code -min_srv} was missed, the cluster block (genRSAKeyPair.md's second example).
     */
    public static void generated(KmuPrinter p, HsmResult<GeneratedPair> result, Integer minServers, boolean announced) {
        p.result(GENERATE_CALL, result.code());
        GeneratedPair pair = result.value();
        if (pair != null && !(pair.rolledBack() && announced)) {
            p.line(GENERATE_CALL + ":    public key handle: " + pair.publicHandle() + "    private key handle: "
                    + pair.privateHandle());
        }
        p.attestation(result.attestationReport());
        if (pair != null && pair.rolledBack()) {
            CreatedKeyText.rolledBack(p, minServers);
        }
        p.clusterBlock(result.nodes());
    }

    /** importPubKey: {@code Public Key Handle: N} (key_mgmt_util-importPubKey.md). */
    public static void importedPublic(KmuPrinter p, HsmResult<GeneratedKey> result, Integer minServers,
                                      boolean announced) {
        p.result("Cfm3CreatePublicKey", result.code());
        GeneratedKey key = result.value();
        if (key != null && !(key.rolledBack() && announced)) {
            p.line("Public Key Handle: " + key.handle());
        }
        if (key != null && key.rolledBack()) {
            CreatedKeyText.rolledBack(p, minServers);
        }
        p.clusterBlock(result.nodes());
    }

    /** importPrivateKey's first line: the DER length of the key it read (key_mgmt_util-importPrivateKey.md). */
    public static void berLength(KmuPrinter p, int length) {
        p.line("BER encoded key length is " + length);
    }

    /**
     * A numeric option of a pair command that is missing, or given but not a decimal number: which
     * option, and what it takes.
     */
    public static String numberNeeded(String what, String option, boolean given, String allowed) {
        return "Error: " + what + " (" + option + ") " + (given ? "must be a decimal number: " + allowed + "."
                : "is missing; it takes " + allowed + ".");
    }

    /** getCaviumPrivKey's line (key_mgmt_util-getCaviumPrivKey.md). */
    public static void fakePemWritten(KmuPrinter p, String file) {
        p.line("Private Key Handle is written to " + file + " in fake PEM format");
    }

    /** exportPubKey / exportPrivateKey once the file is written. */
    public static void pemWritten(KmuPrinter p, boolean isPrivate, String file) {
        p.line("PEM formatted " + (isPrivate ? "private" : "public") + " key is written to " + file);
    }

    /** listECCCurveIds (ours: the page shows no output): one id a line, with its NID and, where it has one, its NIST name. */
    public static void curves(KmuPrinter p, List<EcCurve> curves, boolean fips) {
        p.line("Supported ECC Curve Ids:");
        for (EcCurve c : curves) {
            if (!(fips && c.refusedInFips())) {
                p.out().printf("\t%2d : %s%n", c.id(), c.nid());
            }
        }
        p.result("listECCCurveIds", ReturnCode.SUCCESS);
    }
}
