package io.hsmconsole.hsm.ec;

import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.RandomDSAKCalculator;
import org.bouncycastle.math.ec.ECMultiplier;

/**
 * BouncyCastle's ECDSA with k·G on {@link FixedBaseMultiplier}'s table instead of its fixed-point comb,
 * the one step that was nearly all of a signature's time. Everything else is BouncyCastle's: the nonce
 * (random, or RFC 6979's with an {@code HMacDSAKCalculator}), r = x(k·G) mod n, s = k⁻¹(e + d·r) mod n,
 * and verification (which multiplies the signer's point too, and stays on BouncyCastle's multipliers).
 */
public final class FixedBaseEcdsaSigner extends ECDSASigner {
    private ECKeyParameters key;

    /** A random nonce per signature, as {@code new ECDSASigner()}. */
    public FixedBaseEcdsaSigner() {
        this(new RandomDSAKCalculator());
    }

    public FixedBaseEcdsaSigner(DSAKCalculator nonces) {
        super(nonces);
    }

    @Override
    public void init(boolean forSigning, CipherParameters parameters) {
        super.init(forSigning, parameters);
        key = (ECKeyParameters) (parameters instanceof ParametersWithRandom r ? r.getParameters() : parameters);
    }

    @Override
    protected ECMultiplier createBasePointMultiplier() {
        return FixedBaseMultiplier.of(key.getParameters());
    }
}
