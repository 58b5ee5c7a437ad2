package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.store.sqlite.SqliteBackend;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One side of {@link TwoProcessKeygenTest}: generates keys into a shared cluster and reports every
 * outcome as a line {@code <kind> <code> <handle> <label> <id>}. Run as a second JVM with arguments
 * {@code dataDir cluster user prefix steps}. It opens the cluster on {@value #OPEN} from standard
 * input (so its JVM can start while the cluster is being created), says {@value #READY} once logged
 * in, and starts on {@value #GO}, so both processes generate at the same time.
 */
public final class KeygenWorker {
    static final String OPEN = "OPEN";
    static final String READY = "READY";
    static final String GO = "GO";
    static final String DONE = "DONE";
    static final String NONE = "-";

    private KeygenWorker() {
    }

    public static void main(String[] args) throws IOException {
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(Path.of(args[0])), HsmClock.SYSTEM);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        expect(in, OPEN);
        try (HsmCluster cluster = catalog.open(args[1])) {
            HsmSession session = TestClusters.login(cluster, args[2]);
            out.println(READY);
            expect(in, GO);
            run(session, args[3], Integer.parseInt(args[4]), out);
            session.close();
        }
        out.println(DONE);
    }

    private static void expect(BufferedReader in, String word) throws IOException {
        String line = in.readLine();
        if (!word.equals(line)) {
            throw new IllegalStateException("expected " + word + " on standard input, got " + line);
        }
    }

    /**
     * Each step makes a token key; every third step also a session key, every other step a token key
     * with the ID {@code shared-<n>}, which the other process tries to take too. Ends with the
     * session keys still alive in the session ({@code session-live h1,h2,...}).
     */
    static void run(HsmSession session, String prefix, int steps, PrintStream out) {
        for (int i = 0; i < steps; i++) {
            String label = prefix + "-" + i;
            report(out, "token", session.generateSymmetricKey(GenSymKeyRequest.of(31, 16, label)), label, NONE);
            if (i % 3 == 0) {
                String sessionLabel = prefix + "-s" + i;
                report(out, "session", session.generateSymmetricKey(
                        GenSymKeyRequest.of(31, 16, sessionLabel).withSession(true)), sessionLabel, NONE);
            }
            if (i % 2 == 0) {
                String idLabel = prefix + "-id" + i;
                String id = "shared-" + i / 2;
                report(out, "id", session.generateSymmetricKey(GenSymKeyRequest.of(31, 16, idLabel).withId(id)),
                        idLabel, id);
            }
        }
        List<Long> live = session.findKeys(new KeyQuery(null, null, null, null, true, List.of(), null)).value();
        out.println("session-live " + live.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private static void report(PrintStream out, String kind, HsmResult<GeneratedKey> r, String label, String id) {
        String handle = r.isSuccess() ? String.valueOf(r.value().handle()) : NONE;
        out.println(kind + " 0x" + Long.toHexString(r.code().code()) + " " + handle + " " + label + " " + id);
    }
}
