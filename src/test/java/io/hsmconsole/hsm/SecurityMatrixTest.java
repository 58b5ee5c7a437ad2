package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.KeySummary;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, security matrix: every key command × role × key kind against the expected answer,
 * table-driven so a reader can check each cell against the rules.
 *
 * <h2>Where the expectations come from</h2>
 * Product spec §2.2 (roles: a CU creates, owns, shares and uses keys; a CO manages users and cannot
 * touch keys), §2.3 (the owner alone deletes, exports, shares and changes attributes; shared users
 * may use the key; session keys live in their session and cannot be shared; -nex keys never leave;
 * TRUSTED is the CO's; TOKEN only 0 → 1), §2.5 (m_value ≥ 2: every use and every manage action needs
 * approvals), and kmu-reference §3, §5.4, §5.5, §8, §9, §10, §14 (who may run which command). An
 * invisible key is refused as an invalid handle (0xa8), as KMU does for keys a user neither owns
 * nor shares.
 *
 * <h2>The cells</h2>
 * Roles: CO = {@code officer1}; CU owner = {@code alice}, who made the key; CU shared = {@code bob},
 * who the key is shared with ({@code -u 5}; a session key cannot be shared, so to it bob is just
 * another user); CU other = {@code carol}; not logged in = alice's own session after logout.
 * Kinds: token = AES-256 token key; session = {@code -sess}; nex = {@code -nex}; quorum =
 * {@code -m_value 2} (no approvals collected). Each cell gets a fresh key, so no cell sees another's
 * changes. Answers: {@code ok}; {@code found}/{@code hidden} (findKey and the key list: the key is
 * listed or not); or the refusal: {@code a8} invalid handle, {@code c6} key access denied,
 * {@code auth} not authorized (0x40000002), {@code login} not logged in (0x40000001), {@code nex}
 * not extractable, {@code quorum} quorum approval required, {@code sess} session keys cannot be
 * shared, {@code fixed} attribute not modifiable, {@code noquorum} no quorum needed (no token).
 */
class SecurityMatrixTest {
    /** command, kind | CO, CU owner, CU shared, CU other, not logged in. */
    static final String MATRIX = """
            getKeyInfo              token    | auth  ok       ok       a8      login
            getKeyInfo              session  | auth  ok       a8       a8      login
            getKeyInfo              nex      | auth  ok       ok       a8      login
            getKeyInfo              quorum   | auth  ok       ok       a8      login
            getAttribute            token    | auth  ok       ok       a8      login
            getAttribute            session  | auth  ok       a8       a8      login
            getAttribute            nex      | auth  ok       ok       a8      login
            getAttribute            quorum   | auth  ok       ok       a8      login
            findKey                 token    | auth  found    found    hidden  login
            findKey                 session  | auth  found    hidden   hidden  login
            findKey                 nex      | auth  found    found    hidden  login
            findKey                 quorum   | auth  found    found    hidden  login
            keyList                 token    | auth  found    found    hidden  login
            keyList                 session  | auth  found    hidden   hidden  login
            keyList                 nex      | auth  found    found    hidden  login
            keyList                 quorum   | auth  found    found    hidden  login
            setAttributeLabel       token    | auth  ok       c6       a8      login
            setAttributeLabel       session  | a8    ok       a8       a8      login
            setAttributeLabel       nex      | auth  ok       c6       a8      login
            setAttributeLabel       quorum   | auth  quorum   c6       a8      login
            setAttributeTrusted     token    | ok    auth     auth     a8      login
            setAttributeTrusted     session  | a8    auth     a8       a8      login
            setAttributeTrusted     nex      | ok    auth     auth     a8      login
            setAttributeTrusted     quorum   | ok    auth     auth     a8      login
            setAttributeToken       token    | auth  fixed    c6       a8      login
            setAttributeToken       session  | a8    ok       a8       a8      login
            setAttributeToken       nex      | auth  fixed    c6       a8      login
            setAttributeToken       quorum   | auth  fixed    c6       a8      login
            deleteKey               token    | auth  ok       c6       a8      login
            deleteKey               session  | auth  ok       a8       a8      login
            deleteKey               nex      | auth  ok       c6       a8      login
            deleteKey               quorum   | auth  ok       c6       a8      login
            shareKey                token    | auth  ok       c6       a8      login
            shareKey                session  | auth  sess     a8       a8      login
            shareKey                nex      | auth  ok       c6       a8      login
            shareKey                quorum   | auth  quorum   c6       a8      login
            exSymKey                token    | auth  ok       c6       a8      login
            exSymKey                session  | auth  ok       a8       a8      login
            exSymKey                nex      | auth  nex      c6       a8      login
            exSymKey                quorum   | auth  quorum   c6       a8      login
            wrapKey                 token    | auth  ok       c6       a8      login
            wrapKey                 session  | auth  ok       a8       a8      login
            wrapKey                 nex      | auth  nex      c6       a8      login
            wrapKey                 quorum   | auth  quorum   c6       a8      login
            wrapKeyWithIt           token    | auth  ok       ok       a8      login
            wrapKeyWithIt           session  | auth  ok       a8       a8      login
            wrapKeyWithIt           nex      | auth  ok       ok       a8      login
            wrapKeyWithIt           quorum   | auth  quorum   quorum   a8      login
            imSymKeyWithIt          token    | auth  ok       ok       a8      login
            imSymKeyWithIt          session  | auth  ok       a8       a8      login
            imSymKeyWithIt          nex      | auth  ok       ok       a8      login
            imSymKeyWithIt          quorum   | auth  quorum   quorum   a8      login
            getToken                token    | auth  noquorum noquorum a8      login
            getToken                session  | auth  noquorum a8       a8      login
            getToken                nex      | auth  noquorum noquorum a8      login
            getToken                quorum   | auth  ok       ok       a8      login
            genSymKey               -        | auth  ok       ok       ok      login
            """;

    enum Role { CO, OWNER, SHARED, OTHER, NOT_LOGGED_IN }

    enum Kind { TOKEN, SESSION, NEX, QUORUM, NONE }

    private static final Map<String, ReturnCode> REFUSALS = Map.of("a8", ReturnCode.INVALID_HANDLE,
            "c6", ReturnCode.KEY_ACCESS_DENIED, "auth", ReturnCode.NOT_AUTHORIZED, "login", ReturnCode.NOT_LOGGED_IN,
            "nex", ReturnCode.KEY_NOT_EXTRACTABLE, "quorum", ReturnCode.QUORUM_REQUIRED,
            "sess", ReturnCode.SESSION_KEY_NOT_SHAREABLE, "fixed", ReturnCode.ATTRIBUTE_NOT_MODIFIABLE,
            "noquorum", ReturnCode.QUORUM_NOT_REQUIRED);

    @TempDir
    static Path dir;
    static HsmCluster cluster;
    static final Map<Role, HsmSession> SESSIONS = new EnumMap<>(Role.class);
    /** Each crypto user's own AES key allowed to wrap and unwrap, and an extractable key to wrap. */
    static final Map<Role, long[]> OWN_KEYS = new EnumMap<>(Role.class);
    static final AtomicInteger SEQ = new AtomicInteger();

    @BeforeAll
    static void users() {
        cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START));
        SESSIONS.put(Role.CO, cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1",
                "officer1_pwd".toCharArray()).value());
        SESSIONS.put(Role.OWNER, TestClusters.login(cluster, "alice"));
        SESSIONS.put(Role.SHARED, TestClusters.login(cluster, "bob"));
        SESSIONS.put(Role.OTHER, TestClusters.login(cluster, "carol"));
        HsmSession loggedOut = TestClusters.login(cluster, "alice");
        for (Role r : List.of(Role.OWNER, Role.SHARED, Role.OTHER)) {
            OWN_KEYS.put(r, new long[]{make(SESSIONS.get(r), GenSymKeyRequest.of(31, 32, "wrapping")),
                    make(SESSIONS.get(r), GenSymKeyRequest.of(31, 16, "payload"))});
        }
        OWN_KEYS.put(Role.NOT_LOGGED_IN, OWN_KEYS.get(Role.OWNER));
        assertThat(loggedOut.logout().isSuccess()).isTrue();
        SESSIONS.put(Role.NOT_LOGGED_IN, loggedOut);
    }

    @AfterAll
    static void close() {
        SESSIONS.values().forEach(HsmSession::close);
        cluster.close();
    }

    @TestFactory
    List<DynamicTest> everyCommandRoleAndKindGetsTheExpectedAnswer() {
        List<DynamicTest> cells = new ArrayList<>();
        for (String line : MATRIX.strip().split("\n")) {
            String[] halves = line.split("\\|");
            String[] row = halves[0].trim().split("\\s+");
            String[] expected = halves[1].trim().split("\\s+");
            Kind kind = row[1].equals("-") ? Kind.NONE : Kind.valueOf(row[1].toUpperCase());
            for (Role role : Role.values()) {
                String want = expected[role.ordinal()];
                cells.add(DynamicTest.dynamicTest(row[0] + " / " + row[1] + " / " + role + " → " + want,
                        () -> assertThat(answer(row[0], kind, role)).isEqualTo(want)));
            }
        }
        return cells;
    }

    /** The table covers every command with a key argument, each with all four kinds and five roles. */
    @Test
    void theTableIsComplete() {
        List<String> lines = MATRIX.strip().lines().toList();
        assertThat(lines).hasSize(14 * 4 + 1);
        assertThat(lines).allSatisfy(l -> assertThat(l.split("\\|")[1].trim().split("\\s+")).hasSize(5));
    }

    /** What the simulator answers when {@code role} runs {@code command} on a fresh key of {@code kind}. */
    private static String answer(String command, Kind kind, Role role) {
        HsmSession s = SESSIONS.get(role);
        if (command.equals("genSymKey")) {
            return word(s.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "new" + SEQ.incrementAndGet())).code());
        }
        String label = "cell" + SEQ.incrementAndGet();
        long h = freshKey(kind, label);
        long[] own = OWN_KEYS.getOrDefault(role, new long[]{6, 6});
        return switch (command) {
            case "getKeyInfo" -> word(s.keyInfo(h).code());
            case "getAttribute" -> word(s.attributes(h).code());
            case "findKey" -> listed(s.findKeys(new KeyQuery(null, null, label, null, null, List.of(), null)), h);
            case "keyList" -> listed(s.listKeys().map(rows -> rows.stream().map(KeySummary::handle).toList()), h);
            case "setAttributeLabel" -> word(s.setAttribute(h, Attribute.LABEL, 0, "renamed").code());
            case "setAttributeTrusted" -> word(s.setAttribute(h, Attribute.TRUSTED, 1, null).code());
            case "setAttributeToken" -> word(s.setAttribute(h, Attribute.TOKEN, 1, null).code());
            case "deleteKey" -> word(s.deleteKey(h).code());
            case "shareKey" -> word(s.shareKey(h, 6, true).code());
            case "exSymKey" -> word(s.transfers().exportKey(h, own[0]).code());
            case "wrapKey" -> word(s.transfers().wrapKey(h, own[0], 6).code());
            case "wrapKeyWithIt" -> word(s.transfers().wrapKey(own[1], h, 6).code());
            case "imSymKeyWithIt" -> word(s.transfers().importKey(new byte[16], h, 31, KeyOptions.labelled("imported"),
                    SyncObserver.NONE).code());
            case "getToken" -> word(s.quorumTokens().getToken(QuorumService.USE_KEY, h).code());
            default -> throw new IllegalArgumentException("no such command in the matrix: " + command);
        };
    }

    /** A new key of this kind, made by alice (the owner) in her open session. */
    private static long freshKey(Kind kind, String label) {
        GenSymKeyRequest r = GenSymKeyRequest.of(31, 32, label);
        r = switch (kind) {
            case TOKEN -> r.withShareWith(List.of(5));
            case SESSION -> r.withSession(true);
            case NEX -> r.withShareWith(List.of(5)).withNonExtractable(true);
            case QUORUM -> new GenSymKeyRequest(31, 32, label, "", false, false, List.of(5), 2, null, null, false);
            case NONE -> r;
        };
        return make(SESSIONS.get(Role.OWNER), r);
    }

    private static long make(HsmSession s, GenSymKeyRequest r) {
        HsmResult<io.hsmconsole.hsm.key.GeneratedKey> made = s.generateSymmetricKey(r);
        assertThat(made.code()).as("making %s", r).isEqualTo(ReturnCode.SUCCESS);
        return made.value().handle();
    }

    private static String listed(HsmResult<List<Long>> result, long handle) {
        return result.isSuccess() ? (result.value().contains(handle) ? "found" : "hidden") : word(result.code());
    }

    private static String word(ReturnCode code) {
        if (code.isSuccess()) {
            return "ok";
        }
        Optional<String> w = REFUSALS.entrySet().stream().filter(e -> e.getValue() == code).map(Map.Entry::getKey)
                .findFirst();
        return w.orElse(code.name());
    }
}
