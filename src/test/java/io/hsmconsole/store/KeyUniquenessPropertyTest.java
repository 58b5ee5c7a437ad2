package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.property.Gen;
import io.hsmconsole.property.Trials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @BeforeAll
    static void createTemplateCluster() throws IOException {
        template = Files.createTempDirectory("hsm-props-template-");
        TestClusters.catalog(template, new ManualClock(TestClusters.START))
                .createDemo(CLUSTER, ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0)).close();
    }

    @AfterAll
    static void deleteTemplateCluster() {
        TestFiles.deleteTree(template);
    }

    @Test
    void handlesAreNeverHandedOutTwiceAndIdsStayUnique() {
        Gen<List<UniquenessWorld.Step>> scripts = scripts();
        Trials.run(12, random -> {
            List<UniquenessWorld.Step> script = scripts.next(random);
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
        });
    }

    static Gen<List<UniquenessWorld.Step>> scripts() {
        Gen<UniquenessWorld.Kind> kinds = Gen.frequency(
                Gen.weight(5, Gen.just(UniquenessWorld.Kind.TOKEN)),
                Gen.weight(4, Gen.just(UniquenessWorld.Kind.SESSION)),
                Gen.weight(2, Gen.just(UniquenessWorld.Kind.DELETE)),
                Gen.weight(2, Gen.just(UniquenessWorld.Kind.PROMOTE)),
                Gen.weight(1, Gen.just(UniquenessWorld.Kind.RELOGIN)));
        Gen<Integer> slot = Gen.between(0, UniquenessWorld.SLOTS - 1);
        Gen<Integer> id = Gen.between(-3, 3);
        Gen<Integer> pick = Gen.between(0, 1000);
        Gen<UniquenessWorld.Step> step = r -> new UniquenessWorld.Step(kinds.next(r), slot.next(r), id.next(r), pick.next(r));
        return step.list(1, 40);
    }
}
