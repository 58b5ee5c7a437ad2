package io.hsmconsole.hsm.key;

import java.util.List;
import java.util.Optional;

/**
 * What the console shows about one half of a key pair: its algorithm, the pair's public key (DER
 * SubjectPublicKeyInfo: a public key is no secret, and a private key's modulus, exponent and EC
 * point are readable attributes anyway), the modulus bits or curve, and the handles of the other
 * half that this user can see (usually one; none when it was deleted, several when the same public
 * key was imported more than once).
 */
public record PairFacts(long handle, AsymmetricKeyType type, boolean isPrivate, byte[] publicKeyInfo, int modulusBits,
                        EcCurve curve, List<Long> otherHalves) {

    public PairFacts {
        publicKeyInfo = publicKeyInfo.clone();
        otherHalves = List.copyOf(otherHalves);
    }

    @Override
    public byte[] publicKeyInfo() {
        return publicKeyInfo.clone();
    }

    /** The EC curve; empty for RSA. */
    public Optional<EcCurve> ecCurve() {
        return Optional.ofNullable(curve);
    }
}
