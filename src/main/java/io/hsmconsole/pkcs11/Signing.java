package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;

/** How a sign / verify operation asks the simulator: a MAC ({@link MacMechanism}) or a key pair's signature ({@link PairSignMechanism}). */
interface Signing {
    /** The signature's length with this key (what a length query answers). */
    int length(HsmSession login, long key);

    HsmResult<byte[]> sign(HsmSession login, long key, byte[] data);

    HsmResult<Void> verify(HsmSession login, long key, byte[] data, byte[] signature);
}
