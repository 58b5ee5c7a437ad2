package io.hsmconsole.shell.kmu;

import io.hsmconsole.controller.ActionRecord;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.SameThreadTaskRunner;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.ClusterExchange;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.KeyMaterialProbe;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.admin.AuditTool;
import io.hsmconsole.shell.cmu.CmuShell;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.TestFiles;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: key material never appears in logs, the audit log, console output, exceptions or exports
 * of non-extractable keys; passwords never in the audit log, the store or logs.
 * <p>
 * A scenario runs every way a key is shown — key_mgmt_util (attributes, key info, find, refused and
 * allowed exports and wraps, audit exports), cloudhsm_mgmt_util (attributes, key info, findAllKeys),
 * the console's controllers (key list, details, attribute file, the command lines the console pane
 * shows), the simulator API for a session key, a cluster export, and exceptions with their stack
 * traces — while standard output and error are captured. Then every byte of all of it (and of
 * every file the scenario and the store wrote) is searched for each key's material as raw bytes,
 * lower- and upper-case hex and base64. The one place plaintext may appear is the file
 * {@code exSymKey} wrote for the extractable key's owner.
 */
class KeyMaterialLeakTest {
    private static final Pattern HANDLE = Pattern.compile("Key Handle: (\\d+)");
    private static final List<String> PASSWORDS = List.of("alice_pwd", "officer1_pwd", "correct horse battery");

    @TempDir
    Path temp;
    private final ManualClock clock = new ManualClock(TestClusters.START);
    private final StringBuilder seen = new StringBuilder();
    private final Map<String, Long> keys = new LinkedHashMap<>();
    private final Map<String, byte[]> material = new LinkedHashMap<>();

    @Test
    void keyMaterialShowsUpOnlyInTheOwnersExportOfAnExtractableKey() throws Exception {
        Path data = temp.resolve("data");
        Path work = Files.createDirectories(temp.resolve("work"));
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(tee(out, logs), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err, logs), true, StandardCharsets.UTF_8));
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(data), clock);
        try (HsmCluster cluster = catalog.createDemo(ClusterCatalog.DEMO_CLUSTER,
                new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 0L), null))) {
            keyManagementUtil(cluster, work);
            managementUtil(cluster, work);
            console(catalog, cluster, work);
            sessionKey(cluster);
            ClusterExchange.export(cluster, "correct horse battery".toCharArray(), work.resolve("cluster.json"));
            exceptions(catalog, data, work);
            keys.forEach((name, handle) -> KeyMaterialProbe.tokenKey(cluster, handle)
                    .ifPresent(m -> material.put(name, m)));
            scanStore(data, "while the store is open");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        seen.append(logs.toString(StandardCharsets.UTF_8));
        scanStore(data, "after the store closed");

        assertThat(material).as("keys whose material is known").hasSizeGreaterThanOrEqualTo(8);
        byte[] allowedExport = Files.readAllBytes(work.resolve("ext.key"));
        assertThat(allowedExport).as("the owner's export of the extractable key").isEqualTo(material.get("ext"));
        // The scanner finds what it looks for (and a wiped, all-zero array would not count as material).
        assertThat(occurrences(allowedExport, material.get("ext"))).containsExactly("raw");
        assertThat(occurrences(HexFormat.of().formatHex(allowedExport).getBytes(StandardCharsets.US_ASCII),
                material.get("ext"))).containsExactly("hex");
        material.forEach((name, m) -> assertThat(m).as(name).isNotEqualTo(new byte[m.length]));
        String text = seen.toString();
        material.forEach((name, m) -> assertThat(occurrences(text.getBytes(StandardCharsets.UTF_8), m))
                .as("material of %s in output, logs, audit, controllers and exceptions", name).isEmpty());
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                material.forEach((name, m) -> {
                    if (!(name.equals("ext") && f.getFileName().toString().equals("ext.key"))) {
                        assertThat(occurrences(content, m)).as("material of %s in %s", name, f.getFileName()).isEmpty();
                    }
                });
                if (!f.getFileName().toString().startsWith("transcript")) {
                    PASSWORDS.forEach(p -> assertThat(new String(content, StandardCharsets.ISO_8859_1))
                            .as("password in %s", f.getFileName()).doesNotContain(p));
                }
            }
        }
        assertThat(Files.exists(work.resolve("nex.key"))).as("a refused export writes no file").isFalse();
        assertThat(Files.exists(work.resolve("nex.wrapped"))).as("a refused wrap writes no file").isFalse();
        PASSWORDS.forEach(p -> assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(p));
    }

    // ---- the scenario ----

    private void keyManagementUtil(HsmCluster cluster, Path work) throws IOException {
        FuzzConsole console = new FuzzConsole();
        KmuShell kmu = new KmuShell(cluster, console, work, clock);
        StringBuilder transcript = new StringBuilder();
        kmu("loginHSM -u CU -s alice -p alice_pwd", kmu, console, transcript);
        make("ext", "genSymKey -t 31 -s 32 -l ext", kmu, console, transcript);
        make("nex", "genSymKey -t 31 -s 32 -l nex -nex -u 5", kmu, console, transcript);
        make("des", "genSymKey -t 21 -s 24 -l des -nex", kmu, console, transcript);
        make("generic", "genSymKey -t 16 -s 64 -l generic -nex", kmu, console, transcript);
        make("quorum", "genSymKey -t 31 -s 16 -l quorum -nex -u 5 -m_value 2", kmu, console, transcript);
        make("wrapper", "genSymKey -t 31 -s 32 -l wrapper", kmu, console, transcript);
        for (Map.Entry<String, Long> k : keys.entrySet()) {
            kmu("getAttribute -o " + k.getValue() + " -a 512 -out attr_" + k.getKey(), kmu, console, transcript);
            kmu("getKeyInfo -k " + k.getValue(), kmu, console, transcript);
            kmu("findSingleKey -o " + k.getValue(), kmu, console, transcript);
            kmu("findKey -l " + k.getKey(), kmu, console, transcript);
        }
        long wrapper = keys.get("wrapper");
        for (String nex : List.of("nex", "des", "generic", "quorum")) {
            String exported = kmu("exSymKey -k " + keys.get(nex) + " -w " + wrapper + " -out nex.key", kmu, console, transcript);
            assertThat(exported).doesNotContain("written to file");
            String wrapped = kmu("wrapKey -k " + keys.get(nex) + " -w " + wrapper + " -out nex.wrapped -m 6", kmu, console,
                    transcript);
            assertThat(wrapped).doesNotContain("written to file");
        }
        assertThat(kmu("exSymKey -k " + keys.get("ext") + " -w " + wrapper + " -out ext.key", kmu, console, transcript))
                .contains("written to file");
        kmu("wrapKey -k " + keys.get("ext") + " -w " + wrapper + " -out ext.wrapped -m 6", kmu, console, transcript);
        kmu("listAttributes", kmu, console, transcript);
        kmu("logoutHSM", kmu, console, transcript);
        StringWriter audit = new StringWriter();
        new AuditTool(cluster, new PrintWriter(audit), work).run(List.of("export", "audit.jsonl"));
        new AuditTool(cluster, new PrintWriter(audit), work).run(List.of("export", "audit.csv"));
        new AuditTool(cluster, new PrintWriter(audit), work).run(List.of("print", "jsonl"));
        seen.append(audit);
        Files.writeString(work.resolve("transcript-kmu.txt"), transcript);
    }

    private void make(String name, String line, KmuShell kmu, FuzzConsole console, StringBuilder transcript) {
        Matcher m = HANDLE.matcher(kmu(line, kmu, console, transcript));
        assertThat(m.find()).as("%s made a key", line).isTrue();
        keys.put(name, Long.parseLong(m.group(1)));
    }

    private String kmu(String line, KmuShell kmu, FuzzConsole console, StringBuilder transcript) {
        console.nextInput(List.of());
        kmu.execute(Tokens.split(line));
        String output = console.outputOfInput();
        seen.append(output);
        transcript.append("Command: ").append(line).append('\n').append(output);
        return output;
    }

    private void managementUtil(HsmCluster cluster, Path work) throws IOException {
        List<String> lines = new ArrayList<>(List.of("loginHSM CU alice alice_pwd"));
        keys.forEach((name, h) -> {
            lines.add("getAttribute " + h + " 512");
            lines.add("getKeyInfo " + h);
            lines.add("getAttribute " + h + " 512 cmu_attr_" + name);
        });
        lines.addAll(List.of("logoutHSM", "loginHSM CO officer1 officer1_pwd", "findAllKeys 4 1", "listUsers", "quit"));
        FuzzConsole console = new FuzzConsole();
        console.nextInput(lines);
        new CmuShell(cluster, console, work, clock).run(List.of());
        seen.append(console.outputOfInput());
        Files.writeString(work.resolve("transcript-cmu.txt"), console.outputOfInput());
    }

    /** The desktop console's controllers: everything they hand to the views, and the console pane's lines. */
    private void console(ClusterCatalog catalog, HsmCluster cluster, Path work) {
        Workspace workspace = new Workspace(catalog, cluster);
        SameThreadTaskRunner runner = new SameThreadTaskRunner();
        List<Throwable> errors = new ArrayList<>();
        SessionController sessions = new SessionController(workspace, runner, errors::add);
        KeyController controller = new KeyController(workspace, runner, errors::add);
        List<ActionRecord> actions = new ArrayList<>();
        workspace.addActionListener(actions::add);
        sessions.login(ClusterCatalog.DEMO_CLUSTER, "alice", "alice_pwd".toCharArray(), outcome -> seen.append(outcome));
        controller.generate(GenSymKeyRequest.of(31, 32, "console").withNonExtractable(true), "genSymKey -t 31 -s 32 -l console -nex",
                p -> { }, made -> keys.put("console", made.value().handle()));
        controller.listKeys(rows -> seen.append(rows));
        keys.forEach((name, h) -> {
            controller.details(h, details -> seen.append(details));
            controller.saveAttributeFile(h, work.resolve("gui_attr_" + name), saved -> seen.append(saved));
        });
        sessions.logout(r -> seen.append(r));
        seen.append(actions).append(errors);
        assertThat(errors).isEmpty();
    }

    /** A session key exists only in its session: shown through the simulator API the console uses. */
    private void sessionKey(HsmCluster cluster) {
        HsmSession alice = TestClusters.login(cluster, "alice");
        long h = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "session").withSession(true).withNonExtractable(true))
                .value().handle();
        material.put("session", KeyMaterialProbe.sessionKey(alice, h).orElseThrow());
        seen.append(alice.attributes(h)).append(alice.keyInfo(h)).append(alice.listKeys())
                .append(alice.transfers().exportKey(h, keys.get("wrapper"))).append(alice.transfers().wrapKey(h, keys.get("wrapper"), 6));
        alice.logout();
    }

    /** Exceptions a user can meet, with their stack traces: a wrong passphrase, a store with a foreign master key. */
    private void exceptions(ClusterCatalog catalog, Path data, Path work) throws IOException {
        try {
            catalog.importCluster(work.resolve("cluster.json"), "wrong passphrase".toCharArray(), "copy");
        } catch (RuntimeException e) {
            seen.append(stackTrace(e));
        }
        Path copy = data.resolve("clusters").resolve("copy2");
        TestFiles.copyTree(data.resolve("clusters").resolve(ClusterCatalog.DEMO_CLUSTER), copy);
        Files.write(copy.resolve("master.key"), new byte[32]);
        try {
            catalog.open("copy2").close();
        } catch (RuntimeException e) {
            seen.append(stackTrace(e));
        }
        TestFiles.deleteTree(copy);
    }

    // ---- scanning ----

    private void scanStore(Path data, String when) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                material.forEach((name, m) -> assertThat(occurrences(content, m))
                        .as("material of %s in %s %s", name, f.getFileName(), when).isEmpty());
                PASSWORDS.forEach(p -> assertThat(occurrences(content, p.getBytes(StandardCharsets.UTF_8)))
                        .as("password in %s %s", f.getFileName(), when).isEmpty());
            }
        }
    }

    /** Where {@code material} appears in {@code haystack}: raw, hex (either case) or base64. */
    static List<String> occurrences(byte[] haystack, byte[] material) {
        List<String> found = new ArrayList<>();
        String hex = HexFormat.of().formatHex(material);
        Map<String, byte[]> forms = Map.of("raw", material,
                "hex", hex.getBytes(StandardCharsets.US_ASCII),
                "HEX", hex.toUpperCase().getBytes(StandardCharsets.US_ASCII),
                "base64", Base64.getEncoder().withoutPadding().encodeToString(material).getBytes(StandardCharsets.US_ASCII));
        forms.forEach((form, needle) -> {
            if (indexOf(haystack, needle) >= 0) {
                found.add(form);
            }
        });
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static OutputStream tee(OutputStream a, OutputStream b) {
        return new OutputStream() {
            @Override
            public void write(int c) throws IOException {
                a.write(c);
                b.write(c);
            }

            @Override
            public void write(byte[] bytes, int off, int len) throws IOException {
                a.write(bytes, off, len);
                b.write(bytes, off, len);
            }
        };
    }
}
