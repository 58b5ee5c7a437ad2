package io.hsmconsole.hsm.ec;

import org.bouncycastle.crypto.KeyGenerationParameters;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.math.ec.ECMultiplier;

/**
 * BouncyCastle's EC key pair generator (its choice of d, its range and weight checks) with the public
 * point d·G on {@link FixedBaseMultiplier}'s table.
 */
public final class FixedBaseEcKeyPairGenerator extends ECKeyPairGenerator {
    private ECDomainParameters domain;

    @Override
    public void init(KeyGenerationParameters parameters) {
        super.init(parameters);
        domain = ((ECKeyGenerationParameters) parameters).getDomainParameters();
    }

    @Override
    protected ECMultiplier createBasePointMultiplier() {
        return FixedBaseMultiplier.of(domain);
    }
}
