package io.hsmconsole.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportTest {
    @TempDir
    Path dir;

    private static final List<AuditRow> ROWS = List.of(
            new AuditRow(1, 1_700_000_000_000L, 0, 3, "example_user", "loginHSM", "-u CU -s example_user", 0,
                    "HSM Return: SUCCESS"),
            new AuditRow(2, 1_700_000_001_500L, -1, 0, "simulation", "note", "a \"quoted\", comma\nand line",
                    0x4000001dL, "HSM Error: The user owns keys; delete or hand them over first"));

    @Test
    void csvHasAHeaderAndQuotesOnlyWhatNeedsIt() throws Exception {
        Path file = dir.resolve("audit.csv");

        AuditExport.Outcome outcome = AuditExport.export(ROWS, file, AuditExport.Format.CSV);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.written()).isEqualTo(2);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "seq,time,node,user_id,user,command,arguments,result_code,result_text\r\n"
                + "1,2023-11-14T22:13:20Z,0,3,example_user,loginHSM,-u CU -s example_user,0x00,HSM Return: SUCCESS\r\n"
                + "2,2023-11-14T22:13:21.500Z,-1,0,simulation,note,\"a \"\"quoted\"\", comma\nand line\",0x4000001d,"
                + "HSM Error: The user owns keys; delete or hand them over first\r\n");
    }

    @Test
    void jsonLinesAreOneObjectPerLineThatReadsBack() throws Exception {
        Path file = dir.resolve("audit.jsonl");

        AuditExport.export(ROWS, file, AuditExport.Format.JSON_LINES);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("seq").asLong()).isEqualTo(2);
        assertThat(second.get("arguments").asText()).isEqualTo("a \"quoted\", comma\nand line");
        assertThat(second.get("result_code").asText()).isEqualTo("0x4000001d");
        assertThat(second.get("node").asInt()).isEqualTo(-1);
        assertThat(second.get("time").asText()).isEqualTo("2023-11-14T22:13:21.500Z");
    }

    @Test
    void aFailedExportNamesTheProblemAndLeavesNothingBehind() throws Exception {
        Path missing = dir.resolve("no-such-folder").resolve("audit.csv");

        AuditExport.Outcome outcome = AuditExport.export(ROWS, missing, AuditExport.Format.CSV);

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

        AuditExport.export(ROWS.subList(0, 1), file, AuditExport.Format.JSON_LINES);

        assertThat(Files.readAllLines(file)).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("{\"seq\":1,"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
