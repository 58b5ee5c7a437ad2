package io.hsmconsole.hsm;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The simulator tests' common ground: the demo cluster ({@link #openCluster}) in a fresh folder on a manual clock, with
 * {@code example_user} (a crypto user) logged in as {@link #owner}, closed after each test.
 */
abstract class DemoClusterTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);
    HsmCluster cluster;
    HsmSession owner;

    /** The cluster each test starts with; a test class that needs another (say, with latencies) says so here. */
    HsmCluster openCluster() {
        return TestClusters.demo(dir, clock);
    }

    @BeforeEach
    void openDemoCluster() {
        cluster = openCluster();
        owner = TestClusters.login(cluster, "example_user");
    }

    @AfterEach
    void closeDemoCluster() {
        cluster.close();
    }
}
