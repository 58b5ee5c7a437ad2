package io.hsmconsole.hsm;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The demo cluster ({@link #openCluster}) in a fresh folder on a manual clock, nobody logged in, closed after
 * each test: for tests that count logins, sessions or audit records from the very first one.
 * {@link DemoClusterTest} adds a logged-in crypto user.
 */
abstract class FreshDemoClusterTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);
    HsmCluster cluster;

    /** The cluster each test starts with; a test class that needs another (say, with latencies) says so here. */
    HsmCluster openCluster() {
        return TestClusters.demo(dir, clock);
    }

    @BeforeEach
    void openFreshCluster() {
        cluster = openCluster();
    }

    @AfterEach
    void closeFreshCluster() {
        cluster.close();
    }
}
