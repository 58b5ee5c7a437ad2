package io.hsmconsole.ui.trykey;

import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.PairFacts;
import io.hsmconsole.hsm.key.SignMechanism;

import java.util.Arrays;
import java.util.List;

/**
 * What "try the key" offers for each kind of key: a secret key every operation with the HMAC
 * mechanisms; half of a pair signing and verifying with the mechanisms of key_mgmt_util-sign.md for
 * its type (RSA PKCS#1 v1.5 and PSS, or ECDSA, with SHA-1 to SHA-512). A private key signs; the
 * signature is checked with the public half, the key that verifies.
 */
final class PairTry {
    /** The HMAC mechanisms (sign/verify -m 20..24), the only ones a symmetric key signs with. */
    static final List<SignMechanism> HMAC_MECHANISMS = Arrays.stream(SignMechanism.values())
            .filter(SignMechanism::isHmac).toList();

    private PairTry() {
    }

    static List<SignMechanism> mechanisms(PairFacts pair) {
        if (pair == null) {
            return HMAC_MECHANISMS;
        }
        return Arrays.stream(SignMechanism.values())
                .filter(m -> m.pairType().filter(t -> t == pair.type()).isPresent()).toList();
    }

    /** SHA-256 with the pair's usual scheme (PKCS#1 v1.5 or ECDSA), HMAC-SHA-256 for a secret key. */
    static SignMechanism defaultMechanism(PairFacts pair) {
        if (pair == null) {
            return SignMechanism.SHA256_HMAC;
        }
        return pair.type() == AsymmetricKeyType.RSA ? SignMechanism.SHA256_RSA_PKCS : SignMechanism.ECDSA_SHA256;
    }

    static List<TryOperation> operations(PairFacts pair) {
        return pair == null ? List.of(TryOperation.values()) : List.of(TryOperation.SIGN, TryOperation.VERIFY);
    }

    /** The key that checks a signature: the public half when the shown key is a private key with one. */
    static long verifyingKey(PairFacts pair, long shown) {
        return pair != null && pair.isPrivate() && !pair.otherHalves().isEmpty() ? pair.otherHalves().get(0) : shown;
    }

    /** {@code HMAC-SHA-256 (-m 22)}, {@code PKCS#1 v1.5 SHA-256 (-m 1)} (RSA: the panel's heading says so), {@code ECDSA SHA-384 (-m 18)}. */
    static String name(SignMechanism m) {
        String scheme = switch (m.family()) {
            case HMAC -> "HMAC-";
            case RSA_PKCS -> "PKCS#1 v1.5 ";
            case RSA_PSS -> "PSS ";
            case ECDSA -> "ECDSA ";
        };
        return scheme + m.digestName() + " (-m " + m.code() + ")";
    }

    /** Makes {@code list} equal {@code wanted} without touching the items both have (a combo box keeps its value). */
    static <T> void update(List<T> list, List<T> wanted) {
        list.removeIf(item -> !wanted.contains(item));
        for (int i = 0; i < wanted.size(); i++) {
            if (i >= list.size() || !list.get(i).equals(wanted.get(i))) {
                list.add(i, wanted.get(i));
            }
        }
    }
}
