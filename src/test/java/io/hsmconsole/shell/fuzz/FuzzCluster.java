package io.hsmconsole.shell.fuzz;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.TestFiles;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One cluster per fuzzing property: the demo cluster (3 nodes, no latency, a {@link FuzzClock}) in
 * a temporary folder, plus two users of the fuzzer's own that no generated line names, so it can
 * always log back in: {@value #CU} (crypto user) and {@value #CO} (crypto officer).
 * <p>
 * Every password hash is rewritten with one PBKDF2 iteration instead of 40,000: a login costs
 * microseconds instead of ~25 ms, so the fuzzer spends its time on the shells rather than on
 * password hashing. The hash format carries its iteration count, so the simulator verifies these
 * hashes with its ordinary code.
 */
public final class FuzzCluster implements AutoCloseable {
    public static final String CU = "fuzzer";
    public static final String CO = "fuzzco";
    public static final String PASSWORD_SUFFIX = "_pwd";

    public final FuzzClock clock = new FuzzClock();
    public final Path root;
    public final Path workDir;
    public final HsmCluster cluster;

    public FuzzCluster() {
        try {
            root = Files.createTempDirectory("hsm-fuzz");
            workDir = Files.createDirectories(root.resolve("work"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(root.resolve("data")), clock);
        try (HsmCluster created = catalog.createDemo(ClusterCatalog.DEMO_CLUSTER,
                new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 0L), null))) {
            HsmResult<HsmSession> officer = created.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1",
                    "officer1_pwd".toCharArray());
            officer.value().users().createUser(UserType.CU, CU, password(CU));
            officer.value().users().createUser(UserType.CO, CO, password(CO));
            officer.value().close();
        }
        cheapenPasswordHashes(root.resolve("data").resolve("clusters").resolve(ClusterCatalog.DEMO_CLUSTER)
                .resolve("cluster.db"));
        cluster = catalog.open(ClusterCatalog.DEMO_CLUSTER);
    }

    public static char[] password(String user) {
        return (user.equals("example_user") ? "example_pwd" : user + PASSWORD_SUFFIX).toCharArray();
    }

    private static void cheapenPasswordHashes(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement update = c.prepareStatement("UPDATE users SET password_hash = ? WHERE name = ?")) {
            Map<String, String> hashes = new java.util.HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT name FROM users WHERE password_hash IS NOT NULL")) {
                while (rs.next()) {
                    hashes.put(rs.getString(1), oneIterationHash(password(rs.getString(1))));
                }
            }
            for (Map.Entry<String, String> e : hashes.entrySet()) {
                update.setString(1, e.getValue());
                update.setString(2, e.getKey());
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the fuzzing cluster", e);
        }
    }

    /** The simulator's hash format ({@code $pbkdf2-sha256$i=N$salt$hash}) with N = 1. */
    private static String oneIterationHash(char[] password) {
        byte[] salt = "fuzzing-salt-16b".getBytes(StandardCharsets.US_ASCII);
        PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
        gen.init(new String(password).getBytes(StandardCharsets.UTF_8), salt, 1);
        byte[] hash = ((KeyParameter) gen.generateDerivedParameters(256)).getKey();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$pbkdf2-sha256$i=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public void close() {
        cluster.close();
        TestFiles.deleteTree(root);
    }
}
