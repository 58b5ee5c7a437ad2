package io.hsmconsole.hsm.cluster;

import java.util.Arrays;
import java.util.Optional;

/**
 * The AWS HSM types: hsm2m.medium in non-FIPS mode (our default, so every seed example works,
 * 3DES included) and hsm1.medium in FIPS mode. Capacities are AWS's key quotas.
 */
public enum HsmType {
    HSM2M_MEDIUM("hsm2m.medium", false, 16_666),
    HSM1_MEDIUM("hsm1.medium", true, 3_300);

    private final String awsName;
    private final boolean fips;
    private final int keyCapacity;

    HsmType(String awsName, boolean fips, int keyCapacity) {
        this.awsName = awsName;
        this.fips = fips;
        this.keyCapacity = keyCapacity;
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
