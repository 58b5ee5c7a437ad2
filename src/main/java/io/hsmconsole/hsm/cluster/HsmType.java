package io.hsmconsole.hsm.cluster;

import java.util.Arrays;
import java.util.Optional;

/**
 * The AWS HSM types: hsm2m.medium in non-FIPS mode (our default, so every seed example works,
 * 3DES included) and hsm1.medium in FIPS mode. Capacities are AWS's key quotas.
 */
public enum HsmType {
    HSM2M_MEDIUM("hsm2m.medium", false, 16_666, 3_333),
    HSM1_MEDIUM("hsm1.medium", true, 3_300, 3_300);

    private final String awsName;
    private final boolean fips;
    private final int keyCapacity;
    private final int asymmetricCapacity;

    HsmType(String awsName, boolean fips, int keyCapacity, int asymmetricCapacity) {
        this.awsName = awsName;
        this.fips = fips;
        this.keyCapacity = keyCapacity;
        this.asymmetricCapacity = asymmetricCapacity;
    }

    /**
     * How many of its keys may be asymmetric (public and private objects): hsm2m.medium holds 16,666
     * keys of which at most 3,333 asymmetric; hsm1.medium's 3,300 have no such split (limits.md).
     */
    public int asymmetricCapacity() {
        return asymmetricCapacity;
    }

    public String awsName() {
        return awsName;
    }

    public boolean fips() {
        return fips;
    }

    public int keyCapacity() {
        return keyCapacity;
    }

    /** KMU's {@code %08x} partition FIPS state: 2 = FIPS mode with single factor authentication, 0 = non-FIPS. */
    public int fipsState() {
        return fips ? 2 : 0;
    }

    public static Optional<HsmType> fromAwsName(String name) {
        return Arrays.stream(values()).filter(t -> t.awsName.equals(name)).findFirst();
    }
}
