package io.hsmconsole.controller;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Controllers over a fresh demo cluster on a manual clock, run on the test's own thread. Any
 * unexpected exception a controller reports is kept so a test can assert there was none.
 */
public final class ControllerFixture implements AutoCloseable {
    public final ManualClock clock = new ManualClock(TestClusters.START);
    public final ClusterCatalog catalog;
    public final HsmCluster cluster;
    public final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    public final List<Throwable> errors = new ArrayList<>();
    public final Workspace workspace;
    public final SessionController sessions;
    public final KeyController keys;
    public final ClusterController clusterView;

    public ControllerFixture(Path dir) {
        this(dir, new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 0L), null));
    }

    public ControllerFixture(Path dir, ClusterOptions options) {
        catalog = TestClusters.catalog(dir, clock);
        cluster = catalog.createDemo(ClusterCatalog.DEMO_CLUSTER, options);
        workspace = new Workspace(catalog, cluster);
        sessions = new SessionController(workspace, runner, errors::add);
        keys = new KeyController(workspace, runner, errors::add);
        clusterView = new ClusterController(workspace, runner, errors::add);
    }

    /** Logs a demo user in with the documented password and returns the outcome. */
    public LoginOutcome login(String user) {
        String password = user.equals("example_user") ? "example_pwd" : user + "_pwd";
        return login(user, password.toCharArray());
    }

    public LoginOutcome login(String user, char[] password) {
        AtomicReference<LoginOutcome> outcome = new AtomicReference<>();
        sessions.login(workspace.clusterNameProperty().get(), user, password, outcome::set);
        return outcome.get();
    }

    /** Runs an asynchronous controller call (same thread here) and returns what it delivered. */
    public static <T> T await(java.util.function.Consumer<java.util.function.Consumer<T>> call) {
        AtomicReference<T> value = new AtomicReference<>();
        call.accept(value::set);
        return value.get();
    }

    /** Generates a key as the logged-in user; the test fails unless the simulator accepts it. */
    public long generate(io.hsmconsole.hsm.key.GenSymKeyRequest request) {
        io.hsmconsole.hsm.HsmResult<io.hsmconsole.hsm.key.GeneratedKey> result =
                await(done -> keys.generate(request, "genSymKey", p -> { }, done));
        if (!result.isSuccess()) {
            throw new AssertionError("genSymKey refused: " + result.code());
        }
        return result.value().handle();
    }

    /** Generates a key pair as the logged-in user through the console's controller; fails unless the simulator accepts it. */
    public io.hsmconsole.hsm.key.GeneratedPair generatePair(io.hsmconsole.hsm.key.KeyPairRequest request) {
        io.hsmconsole.hsm.HsmResult<io.hsmconsole.hsm.key.GeneratedPair> result =
                await(done -> keys.pairs().generate(request, "genKeyPair", p -> { }, done));
        if (!result.isSuccess()) {
            throw new AssertionError("key pair refused: " + result.code());
        }
        return result.value();
    }

    /** exportPubKey's DER, straight from the simulator (an independent source for what the window shows). */
    public byte[] exportPublicKey(long handle) {
        return workspace.requireSession().pairs().exportPublicKey(handle).value();
    }

    /** The key list as the logged-in user sees it. */
    public java.util.List<KeyRow> keyRows() {
        io.hsmconsole.hsm.HsmResult<java.util.List<KeyRow>> result = await(keys::listKeys);
        return result.value();
    }

    public KeyDetails details(long handle) {
        io.hsmconsole.hsm.HsmResult<KeyDetails> result = await(done -> keys.details(handle, done));
        return result.value();
    }

    /** The quorum tokens of the logged-in session, as listTokens shows them. */
    public List<io.hsmconsole.hsm.quorum.QuorumToken> tokens() {
        return workspace.requireSession().quorumTokens().listTokens();
    }

    @Override
    public void close() {
        sessions.shutdown();
    }
}
