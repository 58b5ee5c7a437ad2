package io.hsmconsole.hsm;

import org.junit.jupiter.api.BeforeEach;

/**
 * The simulator tests' common ground: the demo cluster of {@link FreshDemoClusterTest} with
 * {@code example_user} (a crypto user) logged in as {@link #owner}.
 */
abstract class DemoClusterTest extends FreshDemoClusterTest {
    HsmSession owner;

    @BeforeEach
    void logInOwner() {
        owner = TestClusters.login(cluster, "example_user");
    }
}
