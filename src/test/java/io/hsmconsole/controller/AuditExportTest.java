package io.hsmconsole.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.admin.AuditTool;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.text.AuditFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportTest {
    @TempDir
    Path dir;

    private static final byte[] FIRST_HASH = HexFormat.of().parseHex("00ff10");
    private static final List<AuditRow> ROWS = List.of(
            new AuditRow(new AuditRecord(1, 1_700_000_000_000L, 0, 3, "example_user", "loginHSM", "-u CU -s example_user",
                    0, null, FIRST_HASH), "HSM Return: SUCCESS"),
            new AuditRow(new AuditRecord(2, 1_700_000_001_500L, -1, 0, "simulation", "note",
                    "a \"quoted\", comma\nand line", 0x4000001dL, FIRST_HASH, HexFormat.of().parseHex("abcdef")),
                    "HSM Error: The user owns keys; delete or hand them over first"));

    @Test
    void csvHasAHeaderAndQuotesOnlyWhatNeedsIt() throws Exception {
        Path file = dir.resolve("audit.csv");

        AuditExport.Outcome outcome = AuditExport.export(ROWS, file, AuditFormat.CSV);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.written()).isEqualTo(2);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "seq,time,node,user_id,user,command,arguments,result,result_text,previous_hash,hash\n"
                + "1,2023-11-14T22:13:20Z,0,3,example_user,loginHSM,-u CU -s example_user,0x00,HSM Return: SUCCESS,,00ff10\n"
                + "2,2023-11-14T22:13:21.500Z,-1,0,simulation,note,\"a \"\"quoted\"\", comma\nand line\",0x4000001d,"
                + "HSM Error: The user owns keys; delete or hand them over first,00ff10,abcdef\n");
    }

    @Test
    void jsonLinesAreOneObjectPerLineThatReadsBack() throws Exception {
        Path file = dir.resolve("audit.jsonl");

        AuditExport.export(ROWS, file, AuditFormat.JSONL);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("seq").asLong()).isEqualTo(2);
        assertThat(second.get("arguments").asText()).isEqualTo("a \"quoted\", comma\nand line");
        assertThat(second.get("result").asText()).isEqualTo("0x4000001d");
        assertThat(second.get("node").asInt()).isEqualTo(-1);
        assertThat(second.get("time").asText()).isEqualTo("2023-11-14T22:13:21.500Z");
        assertThat(second.get("previous_hash").asText()).isEqualTo("00ff10");
    }

    /** The audit window and {@code key_mgmt_util audit export} write the same file for the same log. */
    @Test
    void theWindowAndTheCommandLineExportTheSameBytes() throws Exception {
        try (ControllerFixture f = new ControllerFixture(dir.resolve("cluster"))) {
            f.login("example_user");
            f.generate(GenSymKeyRequest.of(31, 32, "audited"));
            f.login("no_such_user", "wrong".toCharArray());
            AuditController audit = new AuditController(f.workspace, f.runner, f.errors::add);
            List<AuditRow> rows = audit.read(0);
            assertThat(rows).hasSize(3);
            for (AuditFormat format : AuditFormat.values()) {
                Path window = dir.resolve("window." + format.extension());
                Path commandLine = dir.resolve("cli." + format.extension());

                assertThat(AuditExport.export(rows, window, format).succeeded()).isTrue();
                StringWriter said = new StringWriter();
                ExitStatus status = new AuditTool(f.cluster, new PrintWriter(said), dir)
                        .run(List.of("export", commandLine.getFileName().toString(), format.extension()));

                assertThat(status).as(said.toString()).isEqualTo(ExitStatus.SUCCESS);
                assertThat(Files.readString(window)).as(format.name()).isEqualTo(Files.readString(commandLine))
                        .contains("-l audited");
            }
            assertThat(f.errors).isEmpty();
        }
    }

    @Test
    void aFailedExportNamesTheProblemAndLeavesNothingBehind() throws Exception {
        Path missing = dir.resolve("no-such-folder").resolve("audit.csv");

        AuditExport.Outcome outcome = AuditExport.export(ROWS, missing, AuditFormat.CSV);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failure()).isEqualTo("the folder " + dir.resolve("no-such-folder") + " does not exist");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anExportReplacesTheOldFileWholeAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, "old content that is longer than the new one ".repeat(100));

        AuditExport.export(ROWS.subList(0, 1), file, AuditFormat.JSONL);

        assertThat(Files.readAllLines(file)).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("{\"seq\":1,"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
