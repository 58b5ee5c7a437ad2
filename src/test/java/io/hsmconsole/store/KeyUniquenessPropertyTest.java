package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Store-level invariants under random sequences of key operations by three sessions on two
 * connections to one cluster (as two processes would have): no handle is ever handed out twice,
 * session keys included; a non-empty ID is refused exactly when a live key the caller can see
 * already has it; the store ends up holding exactly the keys the model says.
 */
class KeyUniquenessPropertyTest {
    private static final String CLUSTER = "props";
    private static Path template;

    @BeforeContainer
    static void createTemplateCluster() throws IOException {
        template = Files.createTempDirectory("hsm-props-template-");
        TestClusters.catalog(template, new ManualClock(TestClusters.START))
                .createDemo(CLUSTER, ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0)).close();
    }

    @AfterContainer
    static void deleteTemplateCluster() {
        TestFiles.deleteTree(template);
    }

    @Property(tries = 12)
    void handlesAreNeverHandedOutTwiceAndIdsStayUnique(@ForAll("scripts") List<UniquenessWorld.Step> script)
            throws IOException {
        Path dataDir = Files.createTempDirectory("hsm-props-");
        try {
            TestFiles.copyTree(template, dataDir);
            ClusterCatalog catalog = TestClusters.catalog(dataDir, new ManualClock(TestClusters.START));
            try (HsmCluster first = catalog.open(CLUSTER); HsmCluster second = catalog.open(CLUSTER);
                 UniquenessWorld world = new UniquenessWorld(first, second)) {
                script.forEach(world::apply);
                world.assertStoreMatchesModel();
            }
        } finally {
            TestFiles.deleteTree(dataDir);
        }
    }

    @Provide
    Arbitrary<List<UniquenessWorld.Step>> scripts() {
        Arbitrary<UniquenessWorld.Kind> kinds = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(5, UniquenessWorld.Kind.TOKEN),
                net.jqwik.api.Tuple.of(4, UniquenessWorld.Kind.SESSION),
                net.jqwik.api.Tuple.of(2, UniquenessWorld.Kind.DELETE),
                net.jqwik.api.Tuple.of(2, UniquenessWorld.Kind.PROMOTE),
                net.jqwik.api.Tuple.of(1, UniquenessWorld.Kind.RELOGIN));
        Arbitrary<UniquenessWorld.Step> step = Combinators.combine(kinds,
                Arbitraries.integers().between(0, UniquenessWorld.SLOTS - 1),
                Arbitraries.integers().between(-3, 3),
                Arbitraries.integers().between(0, 1000)).as(UniquenessWorld.Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }
}
