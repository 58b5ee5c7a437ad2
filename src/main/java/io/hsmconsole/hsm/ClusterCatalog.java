package io.hsmconsole.hsm;

import io.hsmconsole.hsm.attest.ClusterPki;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.Firmware;
import io.hsmconsole.hsm.crypto.PasswordHasher;
import io.hsmconsole.hsm.user.Credentials;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.StoreCheck;
import io.hsmconsole.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The clusters in a data directory: list them, open one, create the demo cluster or an empty one.
 * The first start creates the demo cluster (product spec §2.2) so everything works out of the box.
 */
public final class ClusterCatalog {
    public static final String DEMO_CLUSTER = "demo";
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The demo users in ID order; {@code app_user} has no password and cannot log in. */
    private static final List<FirstUser> DEMO_USERS = List.of(
            new FirstUser("admin", UserType.PCO, "admin_pwd"),
            new FirstUser("app_user", UserType.AU, null),
            new FirstUser("example_user", UserType.CU, "example_pwd"),
            new FirstUser("alice", UserType.CU, "alice_pwd"),
            new FirstUser("bob", UserType.CU, "bob_pwd"),
            new FirstUser("carol", UserType.CU, "carol_pwd"),
            new FirstUser("officer1", UserType.CO, "officer1_pwd"));

    /** A user a new cluster starts with; {@code secret} is the password in DEMO_USERS, its hash once hashed. */
    private record FirstUser(String name, UserType type, String secret) {
    }

    private final StoreBackend stores;
    private final DataDirectory dataDirectory;
    private final HsmClock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * The logins checked right in this process, per cluster name, shared by every instance of that cluster
     * this catalog opens ({@link RememberedLogins}: tied to the stored hash, so a cluster replaced under
     * the same name, or a changed password, matches nothing remembered).
     */
    private final Map<String, RememberedLogins> remembered = new ConcurrentHashMap<>();

    /** The clusters of {@code dataDirectory}, kept by {@code stores} (the implementation {@code app} chose). */
    public ClusterCatalog(StoreBackend stores, DataDirectory dataDirectory, HsmClock clock) {
        this.stores = stores;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    /**
     * The clusters of the same data directory and clock kept by another store (the console switching
     * from this machine's SQLite store to a team's PostgreSQL server, or back): each machine's master
     * keys stay in its data directory whichever store holds the rest.
     */
    public ClusterCatalog withStore(StoreBackend other) {
        return new ClusterCatalog(other, dataDirectory, clock);
    }

    /**
     * Whether the named cluster could be opened from here, asked of the store without opening,
     * creating or changing anything; an invalid name is said so.
     */
    public StoreCheck check(String name) {
        if (!isValidClusterName(name)) {
            return new StoreCheck(StoreCheck.Verdict.INVALID_SETTING,
                    invalidName(name).getMessage());
        }
        return stores.check(dataDirectory.clusterDir(name));
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    public static boolean isValidClusterName(String name) {
        return name != null && CLUSTER_NAME.matcher(name).matches();
    }

    public List<String> clusterNames() {
        Path root = dataDirectory.clustersRoot();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(stores::exists).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new StoreException(root, "cannot list the clusters", e);
        }
    }

    public boolean exists(String name) {
        return isValidClusterName(name) && stores.exists(dataDirectory.clusterDir(name));
    }

    public HsmCluster open(String name) {
        requireValidName(name);
        Path dir = dataDirectory.clusterDir(name);
        dataDirectory.requireOwned();
        if (!stores.exists(dir)) {
            throw new StoreException(dir, "there is no cluster named '" + name + "'"
                    + (clusterNames().isEmpty() ? "" : "; known clusters: " + String.join(", ", clusterNames())));
        }
        return new HsmCluster(stores.open(dir, random), clock,
                remembered.computeIfAbsent(name, n -> new RememberedLogins(new SecureRandom())));
    }

    /** Opens the demo cluster, creating it on first start. */
    public HsmCluster openOrCreateDemo() {
        return exists(DEMO_CLUSTER) ? open(DEMO_CLUSTER) : createDemo(DEMO_CLUSTER, ClusterOptions.demo());
    }

    /** A cluster with the demo users and their documented passwords. */
    public HsmCluster createDemo(String name, ClusterOptions options) {
        PasswordHasher hasher = new PasswordHasher(random);
        List<FirstUser> users = new ArrayList<>();
        for (FirstUser u : DEMO_USERS) {
            users.add(new FirstUser(u.name(), u.type(), u.secret() == null ? null : hash(hasher, u.secret().toCharArray())));
        }
        return create(name, options, users);
    }

    /** An empty cluster: only {@code admin} (with the given password) and the appliance user. */
    public HsmCluster createEmpty(String name, ClusterOptions options, char[] adminPassword) {
        if (!Credentials.isValidPassword(adminPassword)) {
            Arrays.fill(adminPassword, '\0');
            throw new IllegalArgumentException("the admin password must be " + Credentials.MIN_PASSWORD + " to "
                    + Credentials.MAX_PASSWORD + " characters");
        }
        String hash = hash(new PasswordHasher(random), adminPassword);
        List<FirstUser> users = List.of(new FirstUser("admin", UserType.PCO, hash),
                new FirstUser("app_user", UserType.AU, null));
        return create(name, options, users);
    }

    private HsmCluster create(String name, ClusterOptions options, List<FirstUser> users) {
        requireValidName(name);
        dataDirectory.ensureClustersRoot();
        List<NodeRecord> nodes = new ArrayList<>();
        byte[] measurement = Firmware.knownGoodMeasurement(Firmware.CURRENT_VERSION);
        for (int i = 0; i < options.nodeLatenciesMillis().size(); i++) {
            nodes.add(new NodeRecord(i, true, options.nodeLatenciesMillis().get(i), Firmware.CURRENT_VERSION, measurement));
        }
        ClusterRecord record = new ClusterRecord(name, options.hsmType().awsName(), options.effectiveCapacity(),
                clock.nowMillis());
        List<IdentityItem> roots = ClusterPki.mintRoots(name, clock.nowMillis(), random);
        return createStore(name, record, nodes, tx -> {
            for (FirstUser u : users) {
                tx.insertUser(u.name(), u.type(), u.secret());
            }
            roots.forEach(tx::putIdentity);
            for (NodeRecord n : nodes) {
                ClusterPki.mintNode(roots.get(0), roots.get(1), name, n.id(), clock.nowMillis(), random)
                        .forEach(tx::putIdentity);
            }
            return null;
        });
    }

    /**
     * Imports a cluster exported with {@link ClusterExchange#export} under a new name (the
     * document's own name when null). A wrong passphrase or a damaged document creates nothing.
     */
    public HsmCluster importCluster(Path file, char[] passphrase, String newName) {
        ClusterExchange.Imported imported = ClusterExchange.read(file, passphrase);
        String name = newName != null ? newName : imported.cluster().name();
        requireValidName(name);
        if (exists(name)) {
            throw new IllegalArgumentException("a cluster named '" + name + "' already exists; import it under another name");
        }
        dataDirectory.ensureClustersRoot();
        ClusterRecord c = imported.cluster();
        return createStore(name, new ClusterRecord(name, c.hsmType(), c.keyCapacity(), c.createdAtMillis()),
                imported.nodes(), imported::restoreInto);
    }

    private HsmCluster createStore(String name, ClusterRecord record, List<NodeRecord> nodes, ClusterStore.Work<?> seed) {
        return new HsmCluster(stores.create(dataDirectory.clusterDir(name), record, nodes, seed, random), clock);
    }

    private static String hash(PasswordHasher hasher, char[] password) {
        try {
            return hasher.hash(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void requireValidName(String name) {
        if (!isValidClusterName(name)) {
            throw invalidName(name);
        }
    }

    private static IllegalArgumentException invalidName(String name) {
        return new IllegalArgumentException("'" + name + "' is not a valid cluster name: use 1 to 64 letters,"
                + " digits, '_', '.' or '-', starting with a letter or digit");
    }
}
