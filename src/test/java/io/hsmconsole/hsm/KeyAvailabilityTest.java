package io.hsmconsole.hsm;

import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyQuery;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client SDK 5's key availability quorum, asked of the simulator: a token key is available for use
 * once two online HSMs hold it; a create through the SDK returns once it is (latencies 50/150/250 ms,
 * manual clock).
 */
class KeyAvailabilityTest extends DemoClusterTest {
    @Override
    HsmCluster openCluster() {
        return TestClusters.demoWithLatencies(dir, clock);
    }

    private long tokenKey(String label) {
        return owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, label).withMinServers(1)).value().handle();
    }

    @Test
    void aTokenKeyIsAvailableOnceTwoHsmsHoldIt() {
        long h = tokenKey("fresh");
        assertThat(owner.checkKeyAvailability(h).code()).as("on node 0 only").isEqualTo(ReturnCode.KEY_NOT_AVAILABLE);
        clock.advance(150);
        assertThat(owner.checkKeyAvailability(h).code()).as("node 1 has it too").isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void aKeyOnOneOnlineHsmIsNotAvailableUntilItSyncs() {
        cluster.setNodeOnline(1, false);
        cluster.setNodeOnline(2, false);
        long h = tokenKey("lonely");
        clock.advance(10_000);
        assertThat(owner.checkKeyAvailability(h).code()).isEqualTo(ReturnCode.KEY_NOT_AVAILABLE);
        assertThat(ReturnCode.KEY_NOT_AVAILABLE.text()).endsWith(
                "does not meet the availability requirements - The key must be available on at least 2 HSMs before being used");

        cluster.setNodeOnline(1, true);
        assertThat(owner.checkKeyAvailability(h).code()).as("node 1 back, still syncing").isEqualTo(ReturnCode.KEY_NOT_AVAILABLE);
        clock.advance(150);
        assertThat(owner.checkKeyAvailability(h).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void aCopyOnAnOfflineHsmDoesNotCount() {
        long h = tokenKey("spread");
        clock.advance(250);
        assertThat(owner.checkKeyAvailability(h).code()).isEqualTo(ReturnCode.SUCCESS);
        cluster.setNodeOnline(1, false);
        cluster.setNodeOnline(2, false);
        assertThat(owner.checkKeyAvailability(h).code()).isEqualTo(ReturnCode.KEY_NOT_AVAILABLE);
    }

    @Test
    void sessionKeysAndOtherUsersKeysAreAnsweredAsForAnyUse() {
        long session = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "eph").withSession(true)).value().handle();
        assertThat(owner.checkKeyAvailability(session).code()).isEqualTo(ReturnCode.SUCCESS);
        long h = tokenKey("mine");
        HsmSession other = TestClusters.login(cluster, "alice");
        assertThat(other.checkKeyAvailability(h).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
    }

    @Test
    void aCreateReturnsOnceTwoHsmsHoldTheKey() {
        HsmResult<GeneratedKey> made = owner.generateAvailableKey(GenSymKeyRequest.of(31, 32, "durable"));
        assertThat(made.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.checkKeyAvailability(made.value().handle()).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    /**
     * The create waits for the first other HSM to hold the key, not for the slowest one, and sleeps
     * until exactly then (no polling step): with latencies 50/150/250 ms a key made on node 0 returns
     * after 150 ms (node 1), one made on node 1 or 2 after 50 ms (node 0).
     */
    @Test
    void aCreateWaitsExactlyForTheFirstOtherHsmNotTheSlowest() {
        List<Long> latencies = ClusterOptions.demo().nodeLatenciesMillis();
        for (int i = 0; i < 3; i++) {
            long before = clock.nowMillis();
            HsmResult<GeneratedKey> made = owner.generateAvailableKey(GenSymKeyRequest.of(31, 32, "quick-" + i));
            assertThat(made.code()).isEqualTo(ReturnCode.SUCCESS);
            int origin = made.value().servingNode();
            long secondCopy = java.util.stream.IntStream.range(0, latencies.size()).filter(n -> n != origin)
                    .mapToLong(latencies::get).min().orElseThrow();
            assertThat(clock.nowMillis() - before).as("key %d made on node %d", i, origin).isEqualTo(secondCopy);
        }
    }

    @Test
    void aCreateThatCannotReachTwoHsmsFailsAndLeavesNothing() {
        cluster.setNodeOnline(1, false);
        cluster.setNodeOnline(2, false);
        HsmResult<GeneratedKey> made = owner.generateAvailableKey(GenSymKeyRequest.of(31, 32, "doomed"));
        assertThat(made.code()).isEqualTo(ReturnCode.KEY_NOT_AVAILABLE);
        assertThat(owner.findKeys(KeyQuery.byLabel("doomed")).value()).isEmpty();
    }

    @Test
    void aSingleHsmClusterCannotCreateAvailableTokenKeys() {
        cluster.close();
        cluster = TestClusters.demo(dir.resolve("one"), clock, new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(50L), null));
        owner = TestClusters.login(cluster, "example_user");
        assertThat(owner.generateAvailableKey(GenSymKeyRequest.of(31, 32, "solo")).code()).isEqualTo(ReturnCode.KEY_NOT_AVAILABLE);
        assertThat(owner.generateAvailableKey(GenSymKeyRequest.of(31, 32, "solo").withSession(true)).code())
                .isEqualTo(ReturnCode.SUCCESS);
    }

    /**
     * SDK 5's key generation (the CloudHSM CLI's) under the client's setting: with the check on it
     * returns once a second HSM holds the key, with it off ({@code --disable-key-availability-check}) at
     * once, the key on its own HSM only, and the other HSMs receive it after their latency as before.
     */
    @Test
    void anSdk5KeyWithTheCheckOffReturnsBeforeASecondHsmHoldsIt() {
        long before = clock.nowMillis();
        HsmResult<GeneratedKey> off = owner.generateSdk5Key(GenSymKeyRequest.of(31, 32, "off"), java.util.Map.of(),
                AvailabilityCheck.OFF);
        assertThat(off.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(clock.nowMillis()).as("no wait").isEqualTo(before);
        long h = off.value().handle();
        assertThat(owner.keyInfo(h, ReadPurpose.DISPLAY_REFRESH).value().nodesHolding()).as("its own HSM only").hasSize(1);
        assertThat(owner.checkKeyAvailability(h).code()).isEqualTo(ReturnCode.KEY_NOT_AVAILABLE);
        clock.advance(250);
        assertThat(owner.keyInfo(h, ReadPurpose.DISPLAY_REFRESH).value().nodesHolding()).as("replicated after").hasSize(3);

        before = clock.nowMillis();
        HsmResult<GeneratedKey> on = owner.generateSdk5Key(GenSymKeyRequest.of(31, 32, "on"), java.util.Map.of(),
                AvailabilityCheck.ON);
        assertThat(on.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(clock.nowMillis()).as("waited for a second HSM").isGreaterThanOrEqualTo(before + 50);
        assertThat(owner.checkKeyAvailability(on.value().handle()).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void withTheCheckOffASingleHsmClusterMakesTokenKeys() {
        cluster.close();
        cluster = TestClusters.demo(dir.resolve("one"), clock, new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(50L), null));
        owner = TestClusters.login(cluster, "example_user");
        GenSymKeyRequest solo = GenSymKeyRequest.of(31, 32, "solo");
        assertThat(owner.generateSdk5Key(solo, java.util.Map.of()).code()).isEqualTo(ReturnCode.KEY_NOT_AVAILABLE);
        assertThat(owner.generateSdk5Key(solo, java.util.Map.of(), AvailabilityCheck.OFF).code()).isEqualTo(ReturnCode.SUCCESS);
    }
}
