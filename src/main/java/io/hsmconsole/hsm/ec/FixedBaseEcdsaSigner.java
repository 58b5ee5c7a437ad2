package io.hsmconsole.hsm.ec;

import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.RandomDSAKCalculator;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;

/**
 * BouncyCastle's ECDSA with k·G on {@link FixedBaseMultiplier}'s table instead of its fixed-point comb,
 * the one step that was nearly all of a signature's time. Everything else is BouncyCastle's: the nonce
 * (random, or RFC 6979's with an {@code HMacDSAKCalculator}), r = x(k·G) mod n, s = k⁻¹(e + d·r) mod n,
 * and verification (which multiplies the signer's point too, and stays on BouncyCastle's multipliers).
 * With {@link PrecomputedNonces}, a random-nonce signature takes a ready (r, k⁻¹) when there is one and
 * computes only s, with BouncyCastle's own operations in its order; without one it runs as above.
 */
public final class FixedBaseEcdsaSigner extends ECDSASigner {
    private final PrecomputedNonces precomputed;
    private ECKeyParameters key;

    /** A random nonce per signature, as {@code new ECDSASigner()}. */
    public FixedBaseEcdsaSigner() {
        this(new RandomDSAKCalculator());
    }

    /** A random nonce per signature, a precomputed one when {@code precomputed} has one ready. */
    public FixedBaseEcdsaSigner(PrecomputedNonces precomputed) {
        super(new RandomDSAKCalculator());
        this.precomputed = precomputed;
    }

    /** The nonces of {@code nonces} (RFC 6979's deterministic ones, say), always computed inline. */
    public FixedBaseEcdsaSigner(DSAKCalculator nonces) {
        super(nonces);
        this.precomputed = null;
    }

    @Override
    public void init(boolean forSigning, CipherParameters parameters) {
        super.init(forSigning, parameters);
        key = (ECKeyParameters) (parameters instanceof ParametersWithRandom r ? r.getParameters() : parameters);
    }

    @Override
    public BigInteger[] generateSignature(byte[] message) {
        if (precomputed != null && key instanceof ECPrivateKeyParameters signing) {
            ECDomainParameters domain = signing.getParameters();
            PrecomputedNonces.Nonce nonce = precomputed.take(domain);
            if (nonce != null) {
                // BouncyCastle's s: e reduced, then k⁻¹·(e + d·r) mod n
                BigInteger n = domain.getN();
                BigInteger e = calculateE(n, message).mod(n);
                BigInteger s = BigIntegers.modMult(n, nonce.kInverse(),
                        BigIntegers.modAdd(n, e, BigIntegers.modMult(n, signing.getD(), nonce.r())));
                if (s.signum() != 0) {
                    return new BigInteger[] {nonce.r(), s};
                }
            }
        }
        return super.generateSignature(message);
    }

    @Override
    protected ECMultiplier createBasePointMultiplier() {
        return FixedBaseMultiplier.of(key.getParameters());
    }
}
