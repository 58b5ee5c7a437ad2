package io.hsmconsole.security;

import io.hsmconsole.controller.AuditExport;
import io.hsmconsole.controller.AuditRow;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.ToolContext;
import io.hsmconsole.shell.cmu.CmuShell;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import io.hsmconsole.text.AuditFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, case 8: in a shared sticky folder (a shared {@code /tmp}) another local user plants, at
 * the name an output file will get, a symbolic link to a file of ours, or a file of their own that
 * anyone may write. Every writer of a user-named file (KMU {@code getAttribute -out}, CMU
 * {@code getAttribute … <file>} and {@code getToken … <file>}, {@code audit export}, {@code cluster
 * export}, the console's audit export) must replace what was planted with a file of ours, 0600,
 * instead of writing through the link (overwriting our file) or into the other user's file (who
 * would own our export and could read and append to it). The exports' old temporary name
 * {@code X.part} is planted too.
 */
class OutputFileAttackTest {
    private static final String PRECIOUS = "a file of ours the attacker wants overwritten\n";

    private final FuzzCluster world = new FuzzCluster();
    private final FuzzConsole console = new FuzzConsole();
    private AttackScene scene;
    private Path shared;
    private Path victim;
    private long key;

    @BeforeEach
    void plantingGround() throws IOException {
        scene = AttackScene.create("out");
        shared = scene.shared;
        victim = world.root.resolve("precious.txt");
        Files.writeString(victim, PRECIOUS);
        key = handle(kmu("genSymKey -t 31 -s 32 -l guarded -m_value 2 -u 6"));
    }

    @AfterEach
    void close() throws IOException {
        world.close();
        scene.close();
    }

    /** Each writer, by what it is, with the command that writes {@code file}. */
    private Map<String, Consumer<Path>> writers() {
        Map<String, Consumer<Path>> w = new LinkedHashMap<>();
        w.put("KMU getAttribute -out", file -> assertThat(kmu("getAttribute -o " + key + " -a 512 -out " + file))
                .contains("Attributes dumped into"));
        w.put("CMU getAttribute <file>", file -> assertThat(cmu("getAttribute " + key + " 3 " + file))
                .contains("written to file"));
        w.put("CMU getToken <file>", file -> assertThat(cmu("getToken 5 " + FuzzCluster.CU + " " + file + " " + key))
                .contains("getToken success"));
        w.put("audit export", file -> {
            console.nextInput(List.of());
            ExitStatus status = new KmuShell(world.cluster, console, world.workDir, world.clock)
                    .run(List.of("audit", "export", file.toString()));
            assertThat(status).as(console.outputOfInput()).isEqualTo(ExitStatus.SUCCESS);
        });
        w.put("cluster export", file -> {
            console.nextInput(List.of("a passphrase long enough"));
            ToolContext tool = new ToolContext(new ClusterCatalog(new SqliteBackend(), new DataDirectory(world.root.resolve("data")),
                    world.clock), world.clock, ClusterCatalog.DEMO_CLUSTER, console, world.workDir);
            ExitStatus status = KmuShell.tool(tool, List.of("cluster", "export", file.toString()));
            assertThat(status).as(console.outputOfInput()).isEqualTo(ExitStatus.SUCCESS);
        });
        w.put("console audit export", file -> assertThat(AuditExport.export(List.of(new AuditRow(new AuditRecord(1, 0, 0, 7,
                "u", "genSymKey", "-l x", 0, null, new byte[32]), "success")), file, AuditFormat.CSV).succeeded()).isTrue());
        return w;
    }

    @Test
    void aLinkPlantedAtTheOutputNameIsReplacedNotFollowed() throws IOException {
        for (Map.Entry<String, Consumer<Path>> writer : writers().entrySet()) {
            Path out = shared.resolve("out-" + writer.getKey().replace(' ', '_').replace("<", "").replace(">", ""));
            scene.attacker("ln -s " + victim + " " + out + " && ln -s " + victim + " " + out + ".part");
            assertThat(Files.isSymbolicLink(out)).as("the attacker's link").isTrue();

            writer.getValue().accept(out);

            assertThat(Files.readString(victim)).as("%s wrote through the link", writer.getKey()).isEqualTo(PRECIOUS);
            assertOursAndPrivate(writer.getKey(), out);
        }
    }

    @Test
    void aFileAnotherUserCreatedAtTheOutputNameIsReplacedNotWrittenInto() throws IOException {
        for (Map.Entry<String, Consumer<Path>> writer : writers().entrySet()) {
            Path out = shared.resolve("open-" + writer.getKey().replace(' ', '_').replace("<", "").replace(">", ""));
            scene.attacker("umask 0; echo 'planted' > '" + out + "'; chmod 666 '" + out + "'");
            assertThat(owner(out)).isEqualTo(SecondLocalUser.uid());

            writer.getValue().accept(out);

            assertOursAndPrivate(writer.getKey(), out);
            assertThat(new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1)).as(writer.getKey())
                    .doesNotContain("planted");
            SecondLocalUser.Result append = SecondLocalUser.runAs(List.of("sh", "-c", "echo appended >> '" + out + "'"), 20);
            assertThat(append.exitCode()).as("%s: the attacker appends to our export", writer.getKey()).isNotZero();
            SecondLocalUser.Result read = SecondLocalUser.runAs(List.of("cat", out.toString()), 20);
            assertThat(read.exitCode()).as("%s: the attacker reads our export", writer.getKey()).isNotZero();
        }
    }

    private void assertOursAndPrivate(String writer, Path out) throws IOException {
        assertThat(Files.isSymbolicLink(out)).as("%s left the link", writer).isFalse();
        assertThat(Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)).as(writer).isTrue();
        assertThat(owner(out)).as("%s: the owner of the output", writer).isEqualTo(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out, LinkOption.NOFOLLOW_LINKS)))
                .as(writer).isEqualTo("rw-------");
        assertThat(Files.size(out)).as(writer).isPositive();
    }

    private static int owner(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }


    /** {@code key_mgmt_util singlecmd loginHSM … <line>}, logged in as the fuzzer's crypto user. */
    private String kmu(String line) {
        console.nextInput(List.of());
        List<String> args = new java.util.ArrayList<>(List.of("singlecmd", "loginHSM", "-u", "CU", "-s", FuzzCluster.CU,
                "-p", new String(FuzzCluster.password(FuzzCluster.CU))));
        args.addAll(Tokens.split(line));
        new KmuShell(world.cluster, console, world.workDir, world.clock).run(args);
        return console.outputOfInput();
    }

    private String cmu(String line) {
        console.nextInput(List.of("loginHSM CU " + FuzzCluster.CU + " " + new String(FuzzCluster.password(FuzzCluster.CU)),
                line, "quit"));
        new CmuShell(world.cluster, console, world.workDir, world.clock).run(List.of());
        return console.outputOfInput();
    }

    private static long handle(String output) {
        Matcher m = Pattern.compile("Key Handle: (\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Long.parseLong(m.group(1));
    }
}
