package io.hsmconsole.shell;

import io.hsmconsole.hsm.ReturnCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/return-codes.md must list exactly the codes of {@link ReturnCode}. */
class ReturnCodeDocTest {
    private static final Path DOC = Path.of("docs", "return-codes.md");

    @Test
    void docMatchesTheEnum() throws IOException {
        String expected = ReturnCodeTable.markdown();
        if (Boolean.getBoolean("return-codes.write")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/return-codes.md is out of date; regenerate it with -Dreturn-codes.write=true")
                .isEqualTo(expected);
    }

    @Test
    void everySimulatorDefinedCodeIsMarkedInTheDoc() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (ReturnCode c : ReturnCode.values()) {
            String row = doc.lines().filter(l -> l.contains("| " + c.name() + " |")).findFirst().orElseThrow();
            assertThat(row).contains(c.simulatorDefined() ? "simulator-defined" : "AWS CloudHSM");
        }
    }
}
